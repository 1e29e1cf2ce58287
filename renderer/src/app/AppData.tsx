// Who is signed in and the reference lists (municipalities, users), loaded once before any screen shows.
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceData, SessionInfo } from '../api/contract';
import { describeError } from '../api/describeError';
import { useApiQuery } from '../api/useApiQuery';

interface AppData {
  session: SessionInfo;
  reference: ReferenceData;
  /** A user's display name from their id; the id itself when the user is unknown here. */
  userName: (userId: string) => string;
}

const AppDataContext = createContext<AppData | null>(null);

export function AppDataProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useApiQuery('session.get', {});
  const reference = useApiQuery('reference.get', {});
  // With a central server, who I am (my name, my role) and the lists arrive with the download: the change stream
  // names the users table then, and both are read again, so the header and the name lists fill in by themselves.
  const users = reference.value?.users;
  const userName = useCallback(
    (userId: string) => users?.find((user) => user.id === userId)?.displayName ?? userId,
    [users],
  );
  const value = useMemo(
    () => (session.value && reference.value ? { session: session.value, reference: reference.value, userName } : null),
    [session.value, reference.value, userName],
  );

  const error = session.error ?? reference.error;
  if (error && !value) {
    const text = describeError(t, error);
    return (
      <Center component="main" h="100%" p="xl">
        <Stack maw={480}>
          <Alert color="red" title={text.title} role="alert">
            {text.message}
          </Alert>
          <Button onClick={() => void Promise.all([session.reload(), reference.reload()])} w="fit-content">
            {t('app.retry')}
          </Button>
        </Stack>
      </Center>
    );
  }
  if (!value) {
    return (
      <Center component="main" h="100%" p="xl">
        <Stack align="center" gap="xs" role="status">
          <Loader size="sm" />
          <Text size="sm">{t('app.loading')}</Text>
        </Stack>
      </Center>
    );
  }
  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>;
}

export function useAppData(): AppData {
  const data = useContext(AppDataContext);
  if (!data) throw new Error('useAppData outside AppDataProvider');
  return data;
}
