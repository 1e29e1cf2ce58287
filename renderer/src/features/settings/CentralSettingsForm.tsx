// The central server's settings: where it is, who I am there, and my password (kept by the operating system's
// keychain when it can, never in a plain file). "Test tilkobling" tries them without changing anything;
// "Lagre og koble til" tries them again, saves them, and the app restarts with that server.
import { Alert, Button, Group, NumberInput, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import type { AppError, CentralSettingsView, ConnectionTestResult } from '../../api/contract';
import { describeError, describeIssue, issueFor } from '../../api/describeError';
import { reasonHelp, reasonShort } from '../sync/describeSync';
import classes from './Settings.module.css';
import {
  SETTINGS_FIELDS,
  describeServer,
  initialValues,
  toSettingsInput,
  validateSettings,
  type SettingsErrors,
  type SettingsField,
  type SettingsValues,
} from './validateSettings';

type Outcome =
  | { kind: 'tested'; result: ConnectionTestResult }
  | { kind: 'saved'; result: ConnectionTestResult; server: string }
  | { kind: 'failed'; error: AppError };

export function CentralSettingsForm({ view }: { view: CentralSettingsView }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SettingsValues>(() => initialValues(view.central));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fields = useRef<Partial<Record<SettingsField, HTMLInputElement | null>>>({});

  const change = (patch: Partial<SettingsValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    // Once the person has tried, the messages follow what they type; an old result no longer speaks for the form.
    if (checked) setErrors(validateSettings(t, next));
    if (outcome?.kind !== 'saved') setOutcome(null);
  };

  /** The input for the core, or null (with the first wrong field focused) when the form is not complete. */
  const checkedInput = () => {
    const found = validateSettings(t, values);
    setChecked(true);
    setErrors(found);
    const first = SETTINGS_FIELDS.find((field) => found[field]);
    if (first) {
      fields.current[first]?.focus();
      return null;
    }
    return toSettingsInput(values);
  };

  const run = async (what: 'test' | 'save') => {
    const input = checkedInput();
    if (!input) return;
    setBusy(what);
    setOutcome(null);
    const result = await call(what === 'test' ? 'settings.testCentral' : 'settings.saveCentral', input);
    setBusy(null);
    if (!result.ok) setOutcome({ kind: 'failed', error: result.error });
    else if (what === 'save' && result.value.ok) setOutcome({ kind: 'saved', result: result.value, server: describeServer(input) });
    else setOutcome({ kind: 'tested', result: result.value });
  };

  // Problems the core found in the input (should the checks here ever differ) go beside their field too.
  const coreIssue = (field: SettingsField) => {
    const issue = outcome?.kind === 'failed' ? issueFor(outcome.error, field) : undefined;
    return issue ? describeIssue(t, issue) : undefined;
  };
  const errorOf = (field: SettingsField) => errors[field] ?? coreIssue(field);
  const saved = outcome?.kind === 'saved';
  const bind = (field: SettingsField) => ({
    ref: (element: HTMLInputElement | null) => {
      fields.current[field] = element;
    },
    error: errorOf(field),
    required: true,
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
            {...bind('host')}
            className={classes.host}
            label={t('settings.central.host')}
            description={t('settings.central.hostHint')}
            value={values.host}
            onChange={(event) => change({ host: event.currentTarget.value })}
            autoComplete="off"
            spellCheck={false}
          />
          <NumberInput
            {...bind('port')}
            className={classes.port}
            label={t('settings.central.port')}
            description={t('settings.central.portHint')}
            value={values.port}
            onChange={(port) => change({ port })}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            thousandSeparator={false}
          />
          <TextInput
            {...bind('database')}
            className={classes.half}
            label={t('settings.central.database')}
            value={values.database}
            onChange={(event) => change({ database: event.currentTarget.value })}
            autoComplete="off"
            spellCheck={false}
          />
          <TextInput
            {...bind('user')}
            className={classes.half}
            label={t('settings.central.user')}
            value={values.user}
            onChange={(event) => change({ user: event.currentTarget.value })}
            autoComplete="username"
            spellCheck={false}
          />
          <PasswordInput
            className={classes.wide}
            label={t('settings.central.password')}
            placeholder={view.central?.hasPassword ? t('settings.central.passwordStored') : undefined}
            description={view.passwordStorage === 'keychain' ? t('settings.central.keychain') : t('settings.central.sessionOnly')}
            value={values.password}
            onChange={(event) => change({ password: event.currentTarget.value })}
            autoComplete="current-password"
            disabled={saved}
            visibilityToggleFocusable
            visibilityToggleButtonProps={{ 'aria-label': t('settings.central.showPassword') }}
          />
        </div>
        <Text size="sm" c="gray.8">
          {t('settings.central.saveExplain')}
        </Text>
        <Group gap="sm">
          <Button variant="default" loading={busy === 'test'} disabled={busy === 'save' || saved} onClick={() => void run('test')}>
            {t('settings.central.test')}
          </Button>
          <Button type="submit" loading={busy === 'save'} disabled={busy === 'test' || saved}>
            {t('settings.central.save')}
          </Button>
        </Group>
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
  if (!result.ok) {
    return (
      <Alert color="red" title={t('settings.central.testFailedTitle')} role="alert">
        {t('settings.central.testFailed', {
          reason: reasonShort(t, result.reason),
          help: reasonHelp(t, result.reason, 'settings'),
        })}
      </Alert>
    );
  }
  const role = result.role ? t([`enums.role.${result.role}`, 'settings.central.unknownRole']) : t('settings.central.unknownRole');
  return (
    <Alert color="teal" title={outcome.kind === 'saved' ? t('settings.central.savedTitle') : t('settings.central.testOkTitle')} role="status">
      {outcome.kind === 'saved' ? (
        <>
          {t('settings.central.saved', { server: outcome.server })} {t('settings.central.testOk', { user: result.user ?? '', role })}
        </>
      ) : (
        t('settings.central.testOk', { user: result.user ?? '', role })
      )}
    </Alert>
  );
}
