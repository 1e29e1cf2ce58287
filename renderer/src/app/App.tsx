// Providers, then the screen the navigation state names. The data layer (one query cache, kept true by the core's
// change stream) comes first, so the signed-in person and the lists follow the first download by themselves.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { AreaSuppliersScreen } from '../features/areaSuppliers/AreaSuppliersScreen';
import { CaseScreen } from '../features/case/CaseScreen';
import { OverviewScreen } from '../features/overview/LazyOverviewScreen';
import { PortalFirmsScreen } from '../features/portalFirms/PortalFirmsScreen';
import { PriceListScreen } from '../features/priceLists/PriceListScreen';
import { QuarantineScreen } from '../features/quarantine/QuarantineScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { SupportRequestsScreen } from '../features/supportRequests/SupportRequestsScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { WorkloadScreen } from '../features/workload/WorkloadScreen';
import { DataProvider } from '../data/DataProvider';
import { AppDataProvider } from './AppData';
import { NavigationProvider, useNavigation } from './navigation';
import { Shell } from './Shell';
import { cssVariablesResolver, theme } from './theme';

function CurrentScreen() {
  const { view } = useNavigation();
  if (view.name === 'settings') return <SettingsScreen />;
  if (view.name === 'quarantine') return <QuarantineScreen />;
  if (view.name === 'priceList') return <PriceListScreen />;
  if (view.name === 'overview') return <OverviewScreen />;
  if (view.name === 'workload') return <WorkloadScreen />;
  if (view.name === 'areaSuppliers') return <AreaSuppliersScreen />;
  if (view.name === 'portalFirms') return <PortalFirmsScreen />;
  if (view.name === 'supportRequests') return <SupportRequestsScreen />;
  return view.name === 'case' ? <CaseScreen key={view.caseId} caseId={view.caseId} /> : <QueueScreen />;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} />
      <DataProvider>
        <AppDataProvider>
          <NavigationProvider>
            <Shell>
              <CurrentScreen />
            </Shell>
          </NavigationProvider>
        </AppDataProvider>
      </DataProvider>
    </MantineProvider>
  );
}
