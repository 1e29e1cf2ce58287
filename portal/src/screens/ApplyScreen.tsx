// Søk om tilgang: the firm's organisation number (its check digit checked as it is typed, by the same rule the
// service applies), a contact address, and the first user, who becomes the firm's administrator. The service
// also checks that the firm is active in DSB's register of electrical businesses.
import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PortalEmail, type PortalApplyOutput } from '../../../shared/portalApi';
import { checkOrganisationNumber } from '../../../shared/rules/identifiers';
import { portalApi, type ApiError } from '../app/api';
import { NewPasswordFields, newPasswordProblem, type NewPassword } from '../app/NewPasswordFields';
import { Link } from '../app/router';
import { Card, ErrorAlert, Screen } from '../app/Screen';

/** 123456785 → "123 456 785". */
export const formatOrganisationNumber = (digits: string) => digits.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');

export function ApplyScreen() {
  const { t } = useTranslation();
  const [org, setOrg] = useState('');
  const [orgTouched, setOrgTouched] = useState(false);
  const [contactEmail, setContactEmail] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState<NewPassword>({ password: '', repeat: '' });
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [applied, setApplied] = useState<PortalApplyOutput | null>(null);

  const orgCheck = checkOrganisationNumber(org);
  const digits = org.replace(/\s/g, '');
  // On the spot: a wrong check digit as soon as nine digits are there; too short only once the field is left.
  const orgProblem = orgCheck.valid ? null
    : orgCheck.problem === 'empty' ? (checked ? 'empty' : null)
      : orgCheck.problem === 'wrongLength' ? (orgTouched || checked || digits.length > 9 ? 'wrongLength' : null)
        : orgCheck.problem;
  const contactInvalid = !PortalEmail.safeParse(contactEmail.trim()).success;
  const emailInvalid = !PortalEmail.safeParse(email.trim()).success;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!orgCheck.valid || contactInvalid || emailInvalid || newPasswordProblem(password)) return;
    setBusy(true);
    setError(null);
    const answer = await portalApi.apply({
      organisationNumber: orgCheck.normalized,
      contactEmail: contactEmail.trim(),
      user: { email: email.trim(), name: name.trim() || undefined, password: password.password },
    });
    setBusy(false);
    if (answer.ok) setApplied(answer.value);
    else setError(answer.error);
  };

  if (applied) {
    return (
      <Screen title={t('apply.sentTitle')}>
        <Alert color="teal" variant="light" role="status">
          <Text size="sm">
            {t('apply.sent', { name: applied.name, organisationNumber: formatOrganisationNumber(applied.organisationNumber) })}
          </Text>
        </Alert>
        <Link to="login">{t('common.backToLogin')}</Link>
      </Screen>
    );
  }

  return (
    <Screen title={t('apply.title')} intro={<Text>{t('apply.intro')}</Text>}>
      <Card>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="md">
            <ErrorAlert error={error} />
            <Title order={2}>{t('apply.firm')}</Title>
            <TextInput
              label={t('fields.organisationNumber')}
              description={orgCheck.valid
                ? <Text component="span" size="xs" c="teal.9" fw={600}>{t('apply.organisationNumberValid', { number: formatOrganisationNumber(orgCheck.normalized) })}</Text>
                : t('apply.organisationNumberHint')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              value={org}
              onChange={(event) => setOrg(event.currentTarget.value)}
              onBlur={() => setOrgTouched(true)}
              error={orgProblem ? t(`validation.organisationNumber.${orgProblem}`) : undefined}
              required
            />
            <TextInput
              label={t('fields.contactEmail')}
              description={t('apply.contactEmailHint')}
              type="email"
              inputMode="email"
              autoComplete="email"
              value={contactEmail}
              onChange={(event) => setContactEmail(event.currentTarget.value)}
              error={checked && contactInvalid ? t('validation.email') : undefined}
              required
            />
            <Title order={2} mt="sm">{t('apply.firstUser')}</Title>
            <Text size="sm" c="dimmed">{t('apply.firstUserHint')}</Text>
            <TextInput
              label={t('fields.name')}
              autoComplete="name"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              inputMode="email"
              autoComplete="username"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={checked && emailInvalid ? t('validation.email') : undefined}
              required
            />
            <NewPasswordFields value={password} onChange={setPassword} checked={checked} label={t('fields.password')} />
            <Button type="submit" loading={busy} fullWidth>{t('apply.submit')}</Button>
          </Stack>
        </form>
      </Card>
      <Link to="login" size="sm">{t('common.backToLogin')}</Link>
    </Screen>
  );
}
