// Providers, then the screen the navigation state names.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { CaseScreen } from '../features/case/CaseScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { AppDataProvider } from './AppData';
import { NavigationProvider, useNavigation } from './navigation';
import { Shell } from './Shell';
import { cssVariablesResolver, theme } from './theme';

function CurrentScreen() {
  const { view } = useNavigation();
  return view.name === 'case' ? <CaseScreen key={view.caseId} caseId={view.caseId} /> : <QueueScreen />;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} />
      <AppDataProvider>
        <NavigationProvider>
          <Shell>
            <CurrentScreen />
          </Shell>
        </NavigationProvider>
      </AppDataProvider>
    </MantineProvider>
  );
}
