// Logg inn: e-mail and password; links to a forgotten password and to applying for access.
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { portalApi, type ApiError } from '../app/api';
import { Link, navigate, type Notice } from '../app/router';
import { Card, ErrorAlert, Screen } from '../app/Screen';
import { homeOf, useSession } from '../app/session';

export function LoginScreen({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await portalApi.login({ email: email.trim(), password });
    setBusy(false);
    if (!answer.ok) {
      const refused = answer.error.code === 'portal.firmNotApproved' && /refused/i.test(answer.error.message);
      setError(refused ? { ...answer.error, code: 'portal.firmRefused' } : answer.error);
      return;
    }
    // The browser keeps the session as the service's cookie; the token in the answer is for software, not kept here.
    const { token: _forSoftware, ...me } = answer.value;
    signedIn(me);
    navigate(homeOf(me), { replace: true });
  };

  return (
    <Screen title={t('login.title')}>
      {notice && (
        <Alert color={notice === 'sessionEnded' ? 'orange' : 'teal'} variant="light" role="status">
          {t(`login.notice.${notice}`)}
        </Alert>
      )}
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
              error={missing && !email.trim() ? t('validation.required') : undefined}
              required
            />
            <PasswordInput
              label={t('fields.password')}
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={missing && !password ? t('validation.required') : undefined}
              visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
              required
            />
            <Button type="submit" loading={busy} fullWidth>{t('login.submit')}</Button>
            <Link to="forgot-password" size="sm">{t('login.forgot')}</Link>
            <Link to="login-help" size="sm">{t('support.loginHelp.link')}</Link>
          </Stack>
        </form>
      </Card>
      <Text size="sm">
        {t('login.newFirm')} <Link to="apply" size="sm">{t('login.apply')}</Link>
      </Text>
    </Screen>
  );
}
