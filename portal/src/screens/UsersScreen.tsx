// Brukere (the firm's administrator): the firm's users with their state, a colleague added with an e-mailed
// invitation, a colleague disabled (after asking). A table on a desktop, a list of cards on a phone.
import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PortalEmail, type PortalUser } from '../../../shared/portalApi';
import { portalApi, type ApiError } from '../app/api';
import { Card, ErrorAlert, Screen } from '../app/Screen';
import { useSession } from '../app/session';

function UserBadges({ user }: { user: PortalUser }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {user.isAdmin && <Badge variant="light" color="blue">{t('users.admin')}</Badge>}
      {user.disabled ? <Badge variant="light" color="red">{t('users.disabled')}</Badge>
        : user.invited ? <Badge variant="light" color="orange">{t('users.invited')}</Badge>
          : <Badge variant="light" color="teal">{t('users.active')}</Badge>}
    </Group>
  );
}

export function UsersScreen() {
  const { t } = useTranslation();
  const { me } = useSession();
  const phone = useMediaQuery('(max-width: 48em)');
  const [users, setUsers] = useState<PortalUser[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [disabling, setDisabling] = useState<PortalUser | null>(null);
  const [disableError, setDisableError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const answer = await portalApi.listUsers();
    if (answer.ok) {
      setUsers(answer.value.users);
      setLoadError(null);
    } else {
      setLoadError(answer.error);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const disable = async () => {
    if (!disabling) return;
    setBusy(true);
    setDisableError(null);
    const answer = await portalApi.disableUser(disabling.id);
    setBusy(false);
    if (!answer.ok) {
      setDisableError(answer.error);
      return;
    }
    setMessage(t('users.disabledNotice', { name: disabling.name || disabling.email }));
    setDisabling(null);
    await load();
  };

  const action = (user: PortalUser) =>
    user.id === me?.user.id ? <Text size="sm" c="dimmed">{t('users.you')}</Text>
      : user.disabled ? null
        : (
          <Button size="xs" variant="outline" color="red" onClick={() => { setDisableError(null); setDisabling(user); }}
            aria-label={t('users.disableUser', { name: user.name || user.email })}>
            {t('users.disable')}
          </Button>
        );

  return (
    <Screen title={t('users.title')} intro={<Text>{t('users.intro', { firm: me?.firm.name ?? '' })}</Text>}>
      {message && <Alert color="teal" variant="light" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setMessage(null)}>{message}</Alert>}
      <ErrorAlert error={loadError} />
      <section aria-labelledby="users-list">
        <Title order={2} id="users-list" mb="sm">{t('users.listTitle')}</Title>
        {users === null ? <Loader aria-label={t('app.loading')} size="sm" />
          : phone ? (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {users.map((user) => (
                <Paper component="li" key={user.id} withBorder p="sm" radius="md">
                  <Stack gap={6}>
                    <Text fw={600}>{user.name || user.email}</Text>
                    {user.name && <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{user.email}</Text>}
                    <Group justify="space-between" gap="xs">
                      <UserBadges user={user} />
                      {action(user)}
                    </Group>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Paper withBorder radius="md">
              <Table verticalSpacing="sm" horizontalSpacing="md">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('fields.email')}</Table.Th>
                    <Table.Th scope="col">{t('users.state')}</Table.Th>
                    <Table.Th scope="col"><VisuallyHidden>{t('users.actions')}</VisuallyHidden></Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td fw={500}>{user.name || '–'}</Table.Td>
                      <Table.Td>{user.email}</Table.Td>
                      <Table.Td><UserBadges user={user} /></Table.Td>
                      <Table.Td ta="right">{action(user)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
      </section>
      <AddUser onAdded={(text) => { setMessage(text); void load(); }} />
      <Modal
        opened={disabling !== null}
        onClose={() => setDisabling(null)}
        title={t('users.confirmTitle', { name: disabling?.name || disabling?.email || '' })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('users.confirmText')}</Text>
          <ErrorAlert error={disableError} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDisabling(null)}>{t('common.cancel')}</Button>
            <Button color="red" loading={busy} onClick={() => void disable()}>{t('users.disable')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Screen>
  );
}

function AddUser({ onAdded }: { onAdded(message: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const emailInvalid = !PortalEmail.safeParse(email.trim()).success;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (emailInvalid) return;
    setBusy(true);
    setError(null);
    const answer = await portalApi.addUser({ email: email.trim(), name: name.trim() || undefined, isAdmin });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    onAdded(t('users.invitedNotice', { email: answer.value.user.email }));
    setName('');
    setEmail('');
    setIsAdmin(false);
    setChecked(false);
  };

  return (
    <Card labelledBy="users-add">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Title order={2} id="users-add">{t('users.addTitle')}</Title>
          <Text size="sm">{t('users.addIntro')}</Text>
          <ErrorAlert error={error} />
          <Group grow align="flex-start" wrap="wrap" gap="md" preventGrowOverflow={false}>
            <TextInput label={t('fields.name')} autoComplete="off" value={name} onChange={(event) => setName(event.currentTarget.value)} miw={220} />
            <TextInput
              label={t('fields.email')}
              type="email"
              inputMode="email"
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={checked && emailInvalid ? t('validation.email') : undefined}
              required
              miw={220}
            />
          </Group>
          <Checkbox label={t('users.makeAdmin')} checked={isAdmin} onChange={(event) => setIsAdmin(event.currentTarget.checked)} />
          <Group>
            <Button type="submit" loading={busy}>{t('users.invite')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
