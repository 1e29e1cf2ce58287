// The portal's shell: a header with the product's name, the language switch and (signed in) the user's screens;
// one screen at a time below it. Signed-out screens send a signed-in user to Min side and the other way round.
import { Box, Button, Container, Group, Loader, MantineProvider, SegmentedControl, Text } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseScreen } from '../features/cases/CaseScreen';
import { CasesScreen } from '../features/cases/CasesScreen';
import { InboxNavLink } from '../features/inbox/InboxNavLink';
import { InboxScreen } from '../features/inbox/InboxScreen';
import { NewMessageScreen } from '../features/newMessage/NewMessageScreen';
import { OwnerOfferScreen } from '../features/ownerOffer/OwnerOfferScreen';
import { LoginHelpScreen } from '../features/support/LoginHelpScreen';
import { SupportScreen } from '../features/support/SupportScreen';
import { WorkOrderScreen } from '../features/workOrders/WorkOrderScreen';
import { WorkOrdersScreen } from '../features/workOrders/WorkOrdersScreen';
import { currentLanguage, setLanguage } from '../i18n';
import { ApplyScreen } from '../screens/ApplyScreen';
import { ForgotPasswordScreen } from '../screens/ForgotPasswordScreen';
import { LoginScreen } from '../screens/LoginScreen';
import { MyPageScreen } from '../screens/MyPageScreen';
import { NewPasswordScreen } from '../screens/NewPasswordScreen';
import { UsersScreen } from '../screens/UsersScreen';
import { Link, navigate, SIGNED_IN_PATHS, useLocation, type Path } from './router';
import { homeOf, SessionProvider, useSession } from './session';
import { cssVariablesResolver, theme } from './theme';

/** Screens with tables or threads take the page's width; a form keeps a readable one. */
const WIDE_PATHS: readonly Path[] = ['users', 'cases', 'new-message', 'inbox'];

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </MantineProvider>
  );
}

/** A link of the signed-in navigation; the screen shown is marked for the eye and for a screen reader. */
function NavLink({ to, current, children }: { to: Path; current: Path; children: ReactNode }) {
  return (
    <Link to={to} fw={current === to ? 700 : 500} aria-current={current === to ? 'page' : undefined}>
      {children}
    </Link>
  );
}

function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={currentLanguage()}
      onChange={(value) => void setLanguage(value)}
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
      : path === '' || path === 'login' || path === 'apply' ? homeOf(me)
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
                <NavLink to="cases" current={path}>{t('cases.nav')}</NavLink>
                <NavLink to="new-message" current={path}>{t('newMessage.nav')}</NavLink>
                <InboxNavLink current={path === 'inbox'} signedInAs={me.user.id} />
                <NavLink to="work-orders" current={path}>{t('workOrders.nav')}</NavLink>
                <NavLink to="support" current={path}>{t('support.navLabel')}</NavLink>
                <NavLink to="me" current={path}>{t('nav.me')}</NavLink>
                {me.user.isAdmin && <NavLink to="users" current={path}>{t('nav.users')}</NavLink>}
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
  const { notice, key, params } = useLocation();
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
    case 'support':
      return <SupportScreen />;
    case 'login-help':
      return <LoginHelpScreen />;
    case 'cases':
      return params[0] ? <CaseScreen key={params[0]} caseNumber={params[0]} /> : <CasesScreen />;
    case 'new-message':
      return <NewMessageScreen />;
    case 'inbox':
      return <InboxScreen />;
    case 'work-orders':
      return params[0] ? <WorkOrderScreen key={params[0]} id={params[0]} /> : <WorkOrdersScreen />;
    case 'tilbud':
      return <OwnerOfferScreen key={key} />;
    default:
      return <LoginScreen notice={notice} />;
  }
}
