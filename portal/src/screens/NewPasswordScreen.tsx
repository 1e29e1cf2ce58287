// Nytt passord (from the e-mailed reset link) and Godta invitasjon (from an invitation): the link's single-use
// token and a password chosen twice; then to Logg inn.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PortalToken } from '../../../shared/portalApi';
import { portalApi, type ApiError } from '../app/api';
import { NewPasswordFields, newPasswordProblem, type NewPassword } from '../app/NewPasswordFields';
import { Link, navigate, takeLinkToken } from '../app/router';
import { Card, ErrorAlert, Screen } from '../app/Screen';

export function NewPasswordScreen({ purpose }: { purpose: 'reset' | 'invitation' }) {
  const { t } = useTranslation();
  const [token] = useState(() => takeLinkToken());
  const [value, setValue] = useState<NewPassword>({ password: '', repeat: '' });
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const texts = purpose === 'reset' ? 'reset' : 'invitation';
  const tokenValid = token !== null && PortalToken.safeParse(token).success;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!tokenValid || newPasswordProblem(value)) return;
    setBusy(true);
    setError(null);
    const answer = purpose === 'reset'
      ? await portalApi.completePasswordReset(token, value.password)
      : await portalApi.acceptInvitation(token, value.password);
    setBusy(false);
    if (answer.ok) navigate('login', { replace: true, notice: purpose === 'reset' ? 'passwordReset' : 'invitationAccepted' });
    else setError(answer.error);
  };

  return (
    <Screen title={t(`${texts}.title`)} intro={<Text>{t(`${texts}.intro`)}</Text>}>
      {!tokenValid ? (
        <Alert color="red" variant="light" role="alert" title={t('link.missingTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t(`${texts}.missingLink`)}</Text>
            {purpose === 'reset' && <Link to="forgot-password" size="sm">{t('link.askAgain')}</Link>}
          </Stack>
        </Alert>
      ) : (
        <Card>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="md">
              <ErrorAlert error={error} />
              <NewPasswordFields value={value} onChange={setValue} checked={checked} />
              <Button type="submit" loading={busy} fullWidth>{t(`${texts}.submit`)}</Button>
            </Stack>
          </form>
        </Card>
      )}
      <Link to="login" size="sm">{t('common.backToLogin')}</Link>
    </Screen>
  );
}
