// The central service: its address, and signing in there with user name and password. "Test tilkobling" asks
// the service at the typed address whether it answers (and tries the sign-in when a password is typed) without
// changing anything; "Logg inn og lagre" signs in, keeps the address, the user name and the service's token —
// never the password — and the app restarts with that service. Where the service at the address offers the
// company's own sign-in (an identity provider), "Logg inn med virksomhetens pålogging" does the same through the
// system browser; the desk asks the service whether it offers it for the saved address, when the address field is
// left, and after a test that worked.
import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import type { AppError, CentralSettingsView, ConnectionTestResult } from '../../api/contract';
import { describeError, describeIssue, issueFor } from '../../api/describeError';
import classes from './Settings.module.css';
import {
  SETTINGS_FIELDS,
  initialValues,
  toSignInInput,
  toTestInput,
  urlProblem,
  validateSettings,
  type SettingsErrors,
  type SettingsField,
  type SettingsValues,
} from './validateSettings';

type Outcome =
  | { kind: 'tested'; result: ConnectionTestResult }
  | { kind: 'saved'; result: ConnectionTestResult; url: string }
  | { kind: 'failed'; error: AppError };

type Busy = 'test' | 'save' | 'provider';

/** Reasons that are about the address: said beside the address field as well. */
const URL_REASONS = new Set(['invalidUrl', 'insecureUrl']);

export function CentralSettingsForm({ view }: { view: CentralSettingsView }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SettingsValues>(() => initialValues(view.central));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [checked, setChecked] = useState<'test' | 'save' | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** The addresses whose service offers sign-in through the company's identity provider (as last asked). */
  const [providerAt, setProviderAt] = useState<Record<string, boolean>>({});
  const fields = useRef<Partial<Record<SettingsField, HTMLInputElement | null>>>({});
  const providerButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(new Set<string>());
  /** After a provider sign-in that did not work, the focus goes back to its button once it is enabled again. */
  const [refocusProvider, setRefocusProvider] = useState(false);
  useEffect(() => {
    if (!refocusProvider || busy !== null) return;
    providerButton.current?.focus();
    setRefocusProvider(false);
  }, [refocusProvider, busy]);

  /** Asks the service at `url` (a usable address only; nothing stored goes with it) whether it offers it, once. */
  const askProvider = useCallback(async (raw: string) => {
    const url = raw.trim();
    if (url === '' || urlProblem(url) !== null || asked.current.has(url)) return;
    asked.current.add(url);
    const result = await call('settings.identityProvider', { url });
    if (result.ok) setProviderAt((known) => ({ ...known, [url]: result.value.offered }));
    else asked.current.delete(url);
  }, []);
  const savedUrl = view.central?.url;
  useEffect(() => {
    if (savedUrl) void askProvider(savedUrl);
  }, [askProvider, savedUrl]);
  const providerOffered = providerAt[values.url.trim()] === true;

  const change = (patch: Partial<SettingsValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    // Once the person has tried, the messages follow what they type; an old result no longer speaks for the form.
    if (checked) setErrors(validateSettings(t, next, checked));
    if (outcome?.kind !== 'saved') setOutcome(null);
  };

  /** True when the form is complete for `what`; else the first wrong field is focused. */
  const complete = (what: 'test' | 'save') => {
    const found = validateSettings(t, values, what);
    setChecked(what);
    setErrors(found);
    const first = SETTINGS_FIELDS.find((field) => found[field]);
    if (first) fields.current[first]?.focus();
    return !first;
  };

  const run = async (what: 'test' | 'save') => {
    if (!complete(what)) return;
    setBusy(what);
    setOutcome(null);
    const result =
      what === 'test' ? await call('settings.testCentral', toTestInput(values)) : await call('settings.saveCentral', toSignInInput(values));
    setBusy(null);
    if (!result.ok) setOutcome({ kind: 'failed', error: result.error });
    else if (what === 'save' && result.value.ok) {
      setValues((current) => ({ ...current, password: '' }));
      setOutcome({ kind: 'saved', result: result.value, url: values.url.trim() });
    } else setOutcome({ kind: 'tested', result: result.value });
    if (result.ok && !result.value.ok && result.value.reason && URL_REASONS.has(result.value.reason)) fields.current.url?.focus();
    // The service answers now: ask again, even if it was asked before (it may not have answered then).
    if (what === 'test' && result.ok && result.value.ok && !providerAt[values.url.trim()]) {
      asked.current.delete(values.url.trim());
      void askProvider(values.url);
    }
  };

  /** "Logg inn med virksomhetens pålogging": only the address is needed; the person signs in in the browser. */
  const signInWithProvider = async () => {
    const url = values.url.trim();
    const problem = url === '' ? t('settings.validation.urlRequired') : urlProblem(url) && t(`settings.reason.${urlProblem(url)}`);
    setErrors(problem ? { url: problem } : {});
    setChecked(null);
    if (problem) {
      fields.current.url?.focus();
      return;
    }
    setBusy('provider');
    setOutcome(null);
    const result = await call('settings.signInWithProvider', { url });
    setBusy(null);
    if (!result.ok) setOutcome({ kind: 'failed', error: result.error });
    else if (result.value.ok) {
      setValues((current) => ({ ...current, username: result.value.user ?? current.username, password: '' }));
      setOutcome({ kind: 'saved', result: result.value, url });
    } else {
      setOutcome({ kind: 'tested', result: result.value });
      setRefocusProvider(true);
    }
  };

  // The core's word on a field (should its checks ever differ from these) goes beside that field too.
  const coreIssue = (field: SettingsField) => {
    if (outcome?.kind === 'failed') {
      const issue = issueFor(outcome.error, field);
      return issue ? describeIssue(t, issue) : undefined;
    }
    const reason = outcome?.kind === 'tested' && !outcome.result.ok ? outcome.result.reason : undefined;
    return field === 'url' && reason && URL_REASONS.has(reason) ? t(`settings.reason.${reason}`) : undefined;
  };
  const errorOf = (field: SettingsField) => errors[field] ?? coreIssue(field);
  const saved = outcome?.kind === 'saved';
  const bind = (field: SettingsField) => ({
    ref: (element: HTMLInputElement | null) => {
      fields.current[field] = element;
    },
    error: errorOf(field),
    disabled: saved,
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run('save');
      }}
    >
      <Stack gap="md">
        <div className={classes.fields}>
          <TextInput
            {...bind('url')}
            className={classes.wide}
            type="url"
            inputMode="url"
            label={t('settings.central.url')}
            description={t('settings.central.urlHint')}
            value={values.url}
            onChange={(event) => change({ url: event.currentTarget.value })}
            onBlur={(event) => void askProvider(event.currentTarget.value)}
            autoComplete="url"
            spellCheck={false}
            required
          />
          <TextInput
            {...bind('username')}
            className={classes.half}
            label={t('settings.central.user')}
            value={values.username}
            onChange={(event) => change({ username: event.currentTarget.value })}
            autoComplete="username"
            spellCheck={false}
            required
          />
          <PasswordInput
            {...bind('password')}
            className={classes.half}
            label={t('settings.central.password')}
            value={values.password}
            onChange={(event) => change({ password: event.currentTarget.value })}
            autoComplete="current-password"
            required
            visibilityToggleFocusable
            visibilityToggleButtonProps={{ 'aria-label': t('settings.central.showPassword') }}
          />
        </div>
        <Text size="sm" c="gray.8">
          {view.tokenStorage === 'keychain' ? t('settings.central.keychain') : t('settings.central.sessionOnly')}
        </Text>
        <Text size="sm" c="gray.8">
          {t('settings.central.testExplain')} {t('settings.central.saveExplain')}
        </Text>
        <Group gap="sm">
          <Button variant="default" loading={busy === 'test'} disabled={(busy !== null && busy !== 'test') || saved} onClick={() => void run('test')}>
            {t('settings.central.test')}
          </Button>
          <Button type="submit" loading={busy === 'save'} disabled={(busy !== null && busy !== 'save') || saved}>
            {t('settings.central.save')}
          </Button>
        </Group>
        {(providerOffered || busy === 'provider') && (
          <div className={classes.provider}>
            <Text size="sm" c="gray.8">
              {t('settings.central.providerExplain')}
            </Text>
            <Group gap="sm">
              <Button
                ref={providerButton}
                variant="outline"
                loading={busy === 'provider'}
                disabled={(busy !== null && busy !== 'provider') || saved}
                onClick={() => void signInWithProvider()}
              >
                {t('settings.central.provider')}
              </Button>
              {busy === 'provider' && (
                <Button variant="subtle" onClick={() => void call('settings.cancelProviderSignIn', {})}>
                  {t('settings.central.cancel')}
                </Button>
              )}
            </Group>
            {busy === 'provider' && (
              <Text size="sm" role="status">
                {t('settings.central.providerWaiting')}
              </Text>
            )}
          </div>
        )}
        {outcome && <OutcomeText outcome={outcome} />}
      </Stack>
    </form>
  );
}

function OutcomeText({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if (outcome.kind === 'failed') {
    const text = describeError(t, outcome.error);
    return (
      <Alert color="red" title={text.title} role="alert">
        {text.message}
      </Alert>
    );
  }
  const { result } = outcome;
  if (!result.ok && result.reason === 'cancelled') {
    return (
      <Alert color="blue" title={t('settings.central.providerCancelledTitle')} role="status">
        {t('settings.reason.cancelled')}
      </Alert>
    );
  }
  if (!result.ok) {
    return (
      <Alert color="red" title={t('settings.central.testFailedTitle')} role="alert">
        {t([`settings.reason.${result.reason ?? 'refused'}`, 'settings.reason.refused'])}
      </Alert>
    );
  }
  const role = result.role ? t([`enums.role.${result.role}`, 'settings.central.unknownRole']) : t('settings.central.unknownRole');
  const who = { name: result.displayName ?? result.user ?? '', user: result.user ?? '', role };
  if (outcome.kind === 'saved') {
    return (
      <Alert color="teal" title={t('settings.central.savedTitle')} role="status">
        {t('settings.central.saved', { ...who, url: outcome.url })}
      </Alert>
    );
  }
  return (
    <Alert color="teal" title={t('settings.central.testOkTitle')} role="status">
      {t('settings.central.testOk')}
      {result.signedIn ? ` ${t('settings.central.testSignedIn', who)}` : ''}
    </Alert>
  );
}
