// Min side: who I am, my firm, when the session ends; change my password (asked for first after a temporary one);
// log out.
import { Alert, Badge, Button, Group, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { portalApi, type ApiError } from '../app/api';
import { NewPasswordFields, newPasswordProblem, type NewPassword } from '../app/NewPasswordFields';
import { Card, ErrorAlert, Screen } from '../app/Screen';
import { useSession } from '../app/session';
import { currentLanguage } from '../i18n';
import { formatOrganisationNumber } from './ApplyScreen';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">{label}</Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

export function MyPageScreen() {
  const { t } = useTranslation();
  const { me, logout, refresh } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassword>({ password: '', repeat: '' });
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [changed, setChanged] = useState(false);
  if (!me) return null;
  const expires = new Date(me.expiresAt).toLocaleString(currentLanguage() === 'nb' ? 'nb-NO' : 'en-GB', {
    dateStyle: 'medium', timeStyle: 'short',
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setChanged(false);
    if (!current || newPasswordProblem(next)) return;
    setBusy(true);
    setError(null);
    const answer = await portalApi.changePassword(current, next.password);
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error.code === 'auth.wrongPassword' ? { ...answer.error, code: 'portal.wrongCurrentPassword' } : answer.error);
      return;
    }
    setChanged(true);
    setChecked(false);
    setCurrent('');
    setNext({ password: '', repeat: '' });
    await refresh();
  };

  return (
    <Screen title={t('me.title')}>
      {me.user.mustChangePassword && (
        <Alert color="orange" variant="light" role="status" title={t('me.mustChangeTitle')}>{t('me.mustChange')}</Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Card labelledBy="me-user">
          <Stack gap="sm">
            <Group justify="space-between" gap="xs">
              <Title order={2} id="me-user">{t('me.user')}</Title>
              {me.user.isAdmin && <Badge variant="light" color="blue">{t('users.admin')}</Badge>}
            </Group>
            <Stack component="dl" gap="xs" m={0}>
              <Fact label={t('fields.name')}>{me.user.name || '–'}</Fact>
              <Fact label={t('fields.email')}>{me.user.email}</Fact>
              <Fact label={t('me.sessionEnds')}>{expires}</Fact>
            </Stack>
          </Stack>
        </Card>
        <Card labelledBy="me-firm">
          <Stack gap="sm">
            <Title order={2} id="me-firm">{t('me.firm')}</Title>
            <Stack component="dl" gap="xs" m={0}>
              <Fact label={t('me.firmName')}>{me.firm.name}</Fact>
              <Fact label={t('fields.organisationNumber')}>{formatOrganisationNumber(me.firm.organisationNumber)}</Fact>
            </Stack>
          </Stack>
        </Card>
      </SimpleGrid>
      <Card labelledBy="me-password">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="md">
            <Title order={2} id="me-password">{t('me.changePassword')}</Title>
            {changed && <Alert color="teal" variant="light" role="status">{t('me.passwordChanged')}</Alert>}
            <ErrorAlert error={error} />
            <PasswordInput
              label={t('fields.currentPassword')}
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.currentTarget.value)}
              error={checked && !current ? t('validation.required') : undefined}
              visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
              required
            />
            <NewPasswordFields value={next} onChange={setNext} checked={checked} />
            <Group>
              <Button type="submit" loading={busy}>{t('me.savePassword')}</Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Group>
        <Button variant="default" onClick={() => void logout()}>{t('nav.logout')}</Button>
      </Group>
    </Screen>
  );
}
