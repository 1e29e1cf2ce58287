// Får du ikke logget inn? (signed out, from the login page): the e-mail address, the firm's organisation number and
// what happens, to the grid company. The answer comes by e-mail. The service takes it the same whether the address
// has an account or not, and so does this screen: it never tells who has one.
import { Alert, Button, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PortalEmail } from '../../../../shared/portalApi';
import { ContactPhone, SUPPORT_LIMITS } from '../../../../shared/portalApi/support';
import { checkOrganisationNumber } from '../../../../shared/rules/identifiers';
import type { ApiError } from '../../app/api';
import { Link } from '../../app/router';
import { Card, Screen } from '../../app/Screen';
import { supportApi } from './api';
import { SupportErrorAlert } from './SupportErrorAlert';

export function LoginHelpScreen() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [org, setOrg] = useState('');
  const [text, setText] = useState('');
  const [phone, setPhone] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const orgCheck = checkOrganisationNumber(org);
  const problems = {
    email: PortalEmail.safeParse(email.trim()).success ? null : t('validation.email'),
    org: orgCheck.valid ? null : t(`validation.organisationNumber.${orgCheck.problem}`),
    text: text.trim() === '' ? t('support.validation.text') : null,
    phone: phone.trim() === '' || ContactPhone.safeParse(phone).success ? null : t('support.validation.phone'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(problems).some((problem) => problem !== null) || !orgCheck.valid) return;
    setBusy(true);
    setError(null);
    const answer = await supportApi.submitSignedOut({
      email: email.trim(), organisationNumber: orgCheck.normalized, text: text.trim(), contactPhone: phone.trim() || undefined,
    });
    setBusy(false);
    if (answer.ok) setSentTo(email.trim());
    else setError(answer.error);
  };

  const shown = (problem: string | null) => (checked ? problem ?? undefined : undefined);
  return (
    <Screen title={t('support.loginHelp.title')} intro={<Text>{t('support.loginHelp.intro')}</Text>}>
      {sentTo ? (
        <Alert color="teal" variant="light" role="status" title={t('support.sentTitle')}>
          {t('support.loginHelp.sent', { email: sentTo })}
        </Alert>
      ) : (
        <Card>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="md">
              <SupportErrorAlert error={error} />
              <TextInput label={t('fields.email')} type="email" autoComplete="username" inputMode="email" value={email}
                onChange={(event) => setEmail(event.currentTarget.value)} error={shown(problems.email)} required />
              <TextInput label={t('fields.organisationNumber')} inputMode="numeric" value={org}
                onChange={(event) => setOrg(event.currentTarget.value)} error={shown(problems.org)} required />
              <Textarea label={t('support.loginHelp.text')} description={t('support.loginHelp.textHelp')} autosize minRows={4}
                maxLength={SUPPORT_LIMITS.textLength} value={text} onChange={(event) => setText(event.currentTarget.value)}
                error={shown(problems.text)} required />
              <TextInput label={t('support.loginHelp.phone')} type="tel" autoComplete="tel" inputMode="tel" value={phone}
                onChange={(event) => setPhone(event.currentTarget.value)} error={shown(problems.phone)} />
              <Button type="submit" loading={busy} fullWidth>{t('support.submit')}</Button>
            </Stack>
          </form>
        </Card>
      )}
      <Link to="login" size="sm">{t('common.backToLogin')}</Link>
    </Screen>
  );
}
