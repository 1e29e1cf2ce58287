// The portal's shell: a header with the product's name, the language switch and (signed in) the user's screens;
// one screen at a time below it. Signed-out screens send a signed-in user to Min side and the other way round.
import { Box, Button, Container, Group, Loader, MantineProvider, SegmentedControl, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../i18n';
import { ApplyScreen } from '../screens/ApplyScreen';
import { ForgotPasswordScreen } from '../screens/ForgotPasswordScreen';
import { LoginScreen } from '../screens/LoginScreen';
import { MyPageScreen } from '../screens/MyPageScreen';
import { NewPasswordScreen } from '../screens/NewPasswordScreen';
import { UsersScreen } from '../screens/UsersScreen';
import { OwnerOfferScreen } from '../features/ownerOffer/OwnerOfferScreen';
import { Link, navigate, SIGNED_IN_PATHS, useLocation, type Path } from './router';
import { SessionProvider, useSession } from './session';
import { cssVariablesResolver, theme } from './theme';

/** Screens with tables or threads take the page's width; a form keeps a readable one. */
const WIDE_PATHS: readonly Path[] = ['users'];

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </MantineProvider>
  );
}

function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={currentLanguage()}
      onChange={(value) => void setLanguage(value as Language)}
      data={[
        { value: 'nb', label: 'Norsk' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}

function Shell() {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const location = useLocation();
  const { path } = location;

  // Where a screen may not be shown to this visitor, the one they are after instead.
  const target: Path | null = me === undefined ? null
    : me === null ? (SIGNED_IN_PATHS.includes(path) || path === '' ? 'login' : null)
      : path === '' || path === 'login' || path === 'apply' ? 'me'
        : path === 'users' && !me.user.isAdmin ? 'me' : null;
  useEffect(() => {
    if (target !== null) navigate(target, { replace: true, notice: location.notice });
  }, [target, location.notice]);

  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" py="sm" px="md">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Group gap="xs" wrap="nowrap">
              <Text component="span" fw={700} size="lg" c="blue.9">{t('app.name')}</Text>
            </Group>
            <LanguageSwitch />
          </Group>
          {me ? (
            <Group component="nav" aria-label={t('app.navigation')} justify="space-between" gap="sm" mt="xs" wrap="wrap">
              <Group gap="md">
                <Link to="me" fw={path === 'me' ? 700 : 500} aria-current={path === 'me' ? 'page' : undefined}>
                  {t('nav.me')}
                </Link>
                {me.user.isAdmin && (
                  <Link to="users" fw={path === 'users' ? 700 : 500} aria-current={path === 'users' ? 'page' : undefined}>
                    {t('nav.users')}
                  </Link>
                )}
              </Group>
              <Group gap="sm" wrap="nowrap">
                <Text size="sm" c="dimmed" truncate maw={220}>{me.firm.name}</Text>
                <Button variant="default" size="xs" onClick={() => void logout()}>{t('nav.logout')}</Button>
              </Group>
            </Group>
          ) : null}
        </Container>
      </Box>
      {/* The same width as the header, so that their left edges line up; a form screen keeps a readable width. */}
      <Container component="main" id="main" size="lg" py="lg" px="md">
        <Box maw={WIDE_PATHS.includes(path) ? undefined : 560}>
          {me === undefined || target !== null ? <Loader aria-label={t('app.loading')} /> : <CurrentScreen path={path} />}
        </Box>
      </Container>
    </>
  );
}

function CurrentScreen({ path }: { path: Path }) {
  const { notice, key } = useLocation();
  switch (path) {
    case 'apply':
      return <ApplyScreen />;
    case 'forgot-password':
      return <ForgotPasswordScreen />;
    case 'password-reset':
      return <NewPasswordScreen key={key} purpose="reset" />;
    case 'invitation':
      return <NewPasswordScreen key={key} purpose="invitation" />;
    case 'me':
      return <MyPageScreen />;
    case 'users':
      return <UsersScreen />;
    case 'tilbud':
      return <OwnerOfferScreen key={key} />;
    default:
      return <LoginScreen notice={notice} />;
  }
}
