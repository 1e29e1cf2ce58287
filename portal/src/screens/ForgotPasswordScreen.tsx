// Glemt passord: asks for a reset link. The service answers the same for any address (it tells no one who has an
// account), and so does this screen.
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PortalEmail } from '../../../shared/portalApi';
import { portalApi, type ApiError } from '../app/api';
import { Link } from '../app/router';
import { Card, ErrorAlert, Screen } from '../app/Screen';

export function ForgotPasswordScreen() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const invalid = !PortalEmail.safeParse(email.trim()).success;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (invalid) return;
    setBusy(true);
    setError(null);
    const answer = await portalApi.requestPasswordReset(email.trim());
    setBusy(false);
    if (answer.ok) setSentTo(email.trim());
    else setError(answer.error);
  };

  return (
    <Screen title={t('forgot.title')} intro={<Text>{t('forgot.intro')}</Text>}>
      {sentTo ? (
        <Alert color="teal" variant="light" role="status" title={t('forgot.sentTitle')}>
          {t('forgot.sent', { email: sentTo })}
        </Alert>
      ) : (
        <Card>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="md">
              <ErrorAlert error={error} />
              <TextInput
                label={t('fields.email')}
                type="email"
                autoComplete="username"
                inputMode="email"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={checked && invalid ? t('validation.email') : undefined}
                required
              />
              <Button type="submit" loading={busy} fullWidth>{t('forgot.submit')}</Button>
            </Stack>
          </form>
        </Card>
      )}
      <Link to="login" size="sm">{t('common.backToLogin')}</Link>
    </Screen>
  );
}
