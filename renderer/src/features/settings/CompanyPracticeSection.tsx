// "Selskapets praksis": the company settings the casework follows (due days, the meter clock, auto-approval of simple metering
// point work, when a request is a developer's project). Everyone sees them; a supervisor may change them. A save
// goes through the outbox like any change: standalone at once, with a central server when it is sent (a refusal
// then shows in the connection panel's list of refused changes).
import { Alert, Button, Group, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { COMPANY_PRACTICE_LIMITS } from '../../../../shared/rules/companyPractice';
import type { AppError, CompanySettingsValues, CompanySettingsView } from '../../api/contract';
import { describeError } from '../../api/describeError';
import { useApiQuery } from '../../api/useApiQuery';
import { useApiMutation } from '../../data/useApiMutation';
import { formatNumber } from '../../i18n/format';
import classes from './Settings.module.css';

type NumberField = 'dueWorkingDays' | 'meterMountingWorkingDays' | 'developerProjectMinUnits';
const NUMBER_FIELDS: readonly NumberField[] = ['dueWorkingDays', 'meterMountingWorkingDays', 'developerProjectMinUnits'];

interface FormValues {
  dueWorkingDays: number | string;
  meterMountingWorkingDays: number | string;
  autoApproveMeteringPointWork: boolean;
  developerProjectMinUnits: number | string;
  releaseOnAcceptance: boolean;
}

type Outcome = { kind: 'saved'; pending: boolean } | { kind: 'failed'; error: AppError };

const meterDaysOf = (view: CompanySettingsView): number =>
  view.values.meterMountingWorkingDays ?? view.defaults.meterMountingWorkingDays ?? COMPANY_PRACTICE_LIMITS.meterMountingWorkingDays.min;

const formValuesOf = (view: CompanySettingsView): FormValues => ({
  ...view.values,
  meterMountingWorkingDays: meterDaysOf(view),
  releaseOnAcceptance: view.values.releaseOnAcceptance ?? false,
});

const rangeText = (t: TFunction, field: NumberField) => {
  const { min, max } = COMPANY_PRACTICE_LIMITS[field];
  return t(`companyPractice.${field}.range`, { min: formatNumber(min), max: formatNumber(max) });
};

/** The message for a field whose value is not a whole number in its range, or undefined. */
function problemOf(t: TFunction, field: NumberField, value: number | string): string | undefined {
  const { min, max } = COMPANY_PRACTICE_LIMITS[field];
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return undefined;
  return rangeText(t, field);
}

export function CompanyPracticeSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const { value: view, error, reload } = useApiQuery('companySettings.get', {});

  return (
    <section className={classes.section} aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} id={headingId}>
          {t('companyPractice.title')}
        </Title>
        <Text size="sm">{t('companyPractice.intro')}</Text>
        {error && !view ? (
          <Alert color="red" title={describeError(t, error).title} role="alert">
            {describeError(t, error).message}{' '}
            <Button size="xs" variant="white" onClick={() => void reload()}>
              {t('app.retry')}
            </Button>
          </Alert>
        ) : !view ? (
          <Text size="sm" role="status">
            {t('companyPractice.loading')}
          </Text>
        ) : view.canEdit ? (
          <CompanyPracticeForm view={view} />
        ) : (
          <CompanyPracticeReadOnly view={view} />
        )}
      </Stack>
    </section>
  );
}

function CompanyPracticeReadOnly({ view }: { view: CompanySettingsView }) {
  const { t } = useTranslation();
  const { values } = view;
  return (
    <>
      <dl className={classes.practiceList}>
        <dt>{t('companyPractice.dueWorkingDays.label')}</dt>
        <dd>{t('companyPractice.dueWorkingDays.value', { count: values.dueWorkingDays, formatted: formatNumber(values.dueWorkingDays) })}</dd>
        <dt>{t('companyPractice.meterMountingWorkingDays.label')}</dt>
        <dd>{t('companyPractice.meterMountingWorkingDays.value', { count: meterDaysOf(view), formatted: formatNumber(meterDaysOf(view)) })}</dd>
        <dt>{t('companyPractice.autoApprove.label')}</dt>
        <dd>
          {values.autoApproveMeteringPointWork ? t('companyPractice.autoApprove.on') : t('companyPractice.autoApprove.off')}
          <Text size="xs" c="gray.7">
            {t('companyPractice.autoApprove.explain')}
          </Text>
        </dd>
        <dt>{t('companyPractice.developerProjectMinUnits.label')}</dt>
        <dd>
          {t('companyPractice.developerProjectMinUnits.value', {
            count: values.developerProjectMinUnits,
            formatted: formatNumber(values.developerProjectMinUnits),
          })}
        </dd>
        <dt>{t('companyPractice.releaseOnAcceptance.label')}</dt>
        <dd>
          {values.releaseOnAcceptance ? t('companyPractice.releaseOnAcceptance.on') : t('companyPractice.releaseOnAcceptance.off')}
          <Text size="xs" c="gray.7">
            {t('companyPractice.releaseOnAcceptance.explain')}
          </Text>
        </dd>
      </dl>
      <Text size="sm" c="gray.7">
        {t('companyPractice.readOnly')}
      </Text>
      {view.pending && <PendingNote />}
    </>
  );
}

function PendingNote() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="gray.8">
      {t('companyPractice.pending')}
    </Text>
  );
}

function CompanyPracticeForm({ view: initial }: { view: CompanySettingsView }) {
  const { t } = useTranslation();
  const [view, setView] = useState(initial);
  const [values, setValues] = useState<FormValues>(() => formValuesOf(initial));
  const [checked, setChecked] = useState(false);
  const { attempt: saveSettings, pending: busy } = useApiMutation('companySettings.save');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const inputs = useRef<Partial<Record<NumberField, HTMLInputElement | null>>>({});

  const change = (patch: Partial<FormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setOutcome(null);
  };

  // The core's own issues (should its checks ever differ from these) are shown beside their field too.
  const coreIssue = (field: NumberField) =>
    outcome?.kind === 'failed' && outcome.error.code === 'input.invalid' && outcome.error.issues?.some((issue) => issue.path === field)
      ? rangeText(t, field)
      : undefined;
  const errorOf = (field: NumberField) => (checked ? problemOf(t, field, values[field]) : undefined) ?? coreIssue(field);

  const save = async () => {
    setChecked(true);
    const wrong = NUMBER_FIELDS.find((field) => problemOf(t, field, values[field]));
    if (wrong) {
      inputs.current[wrong]?.focus();
      return;
    }
    const input: CompanySettingsValues = {
      dueWorkingDays: Number(values.dueWorkingDays),
      meterMountingWorkingDays: Number(values.meterMountingWorkingDays),
      autoApproveMeteringPointWork: values.autoApproveMeteringPointWork,
      developerProjectMinUnits: Number(values.developerProjectMinUnits),
      releaseOnAcceptance: values.releaseOnAcceptance,
    };
    setOutcome(null);
    const result = await saveSettings(input);
    if (result.ok) {
      setView(result.value);
      setValues(formValuesOf(result.value));
      setChecked(false);
      setOutcome({ kind: 'saved', pending: result.value.pending });
    } else {
      setOutcome({ kind: 'failed', error: result.error });
    }
  };

  const numberInput = (field: NumberField) => {
    const { min, max } = COMPANY_PRACTICE_LIMITS[field];
    return (
      <NumberInput
        ref={(element: HTMLInputElement | null) => {
          inputs.current[field] = element;
        }}
        classNames={{ wrapper: classes.practiceNumber }}
        label={t(`companyPractice.${field}.label`)}
        description={t(`companyPractice.${field}.hint`, {
          range: rangeText(t, field),
          standard: formatNumber(view.defaults[field] ?? COMPANY_PRACTICE_LIMITS[field].min),
        })}
        value={values[field]}
        onChange={(value) => change({ [field]: value })}
        error={errorOf(field)}
        min={min}
        max={max}
        clampBehavior="none"
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator={false}
        required
      />
    );
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="md">
        {numberInput('dueWorkingDays')}
        {numberInput('meterMountingWorkingDays')}
        <Switch
          label={t('companyPractice.autoApprove.label')}
          description={t('companyPractice.autoApprove.explain')}
          checked={values.autoApproveMeteringPointWork}
          onChange={(event) => change({ autoApproveMeteringPointWork: event.currentTarget.checked })}
        />
        {numberInput('developerProjectMinUnits')}
        <Switch
          label={t('companyPractice.releaseOnAcceptance.label')}
          description={t('companyPractice.releaseOnAcceptance.explain')}
          checked={values.releaseOnAcceptance}
          onChange={(event) => change({ releaseOnAcceptance: event.currentTarget.checked })}
        />
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            {t('companyPractice.save')}
          </Button>
        </Group>
        {view.pending && outcome?.kind !== 'saved' && <PendingNote />}
        <div>
          {outcome?.kind === 'saved' && (
            <Alert color="teal" title={t('companyPractice.savedTitle')} role="status">
              {outcome.pending ? t('companyPractice.savedPending') : t('companyPractice.saved')}
            </Alert>
          )}
          {outcome?.kind === 'failed' && (
            <Alert color="red" title={describeError(t, outcome.error).title} role="alert">
              {describeError(t, outcome.error).message}
            </Alert>
          )}
        </div>
      </Stack>
    </form>
  );
}
