// A supplier in the register, new or changed, in a dialog: its details, the municipalities the agreement covers
// (checkboxes, keyboard-friendly), and each kind of work in the agreement with its due time in working days.
// Problems show beside their fields on saving; nothing is lost on a refusal.
import { Alert, Button, Checkbox, Fieldset, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaSupplierEntry } from '../../../../shared/contract/areaSuppliers';
import { AGREEMENT_DAYS_LIMITS, AGREEMENT_WORK_KINDS } from '../../../../shared/rules/workOrders';
import { issueFor } from '../../api/describeError';
import { notifySuccess } from '../../api/notify';
import { useAppData } from '../../app/AppData';
import { useApiMutation } from '../../data/useApiMutation';
import { describeWorkOrderError } from '../workOrders/workOrderErrors';
import { formValuesOf, problemsOf, saveInputOf, type FormProblems, type SupplierFormValues } from './supplierFormValues';

interface Props {
  entry: AreaSupplierEntry | null;
  onClose: () => void;
}

export function AreaSupplierForm({ entry, onClose }: Props) {
  const { t } = useTranslation();
  const { reference } = useAppData();
  const [values, setValues] = useState<SupplierFormValues>(() => formValuesOf(entry));
  const [problems, setProblems] = useState<FormProblems>({});
  // The register on screen follows the change stream: nothing to read again here.
  const { run, pending: saving, error } = useApiMutation('areaSupplier.save');
  const set = <K extends keyof SupplierFormValues>(key: K, value: SupplierFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const problemText = (key: keyof FormProblems) => (problems[key] ? t(problems[key].key, problems[key].values ?? {}) : undefined);
  const serverIssue = (path: string) => (issueFor(error, path) ? t('errors.issue.generic') : undefined);

  const save = async () => {
    const found = problemsOf(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    if (!(await run(saveInputOf(values)))) return;
    notifySuccess(t('areaSuppliers.form.saved', { name: values.name.trim() }));
    onClose();
  };
  const errorText = error ? describeWorkOrderError(t, error) : null;

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      closeButtonProps={{ 'aria-label': t('areaSuppliers.form.cancel') }}
      title={entry ? t('areaSuppliers.form.titleEdit', { name: entry.name }) : t('areaSuppliers.form.titleNew')}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          {errorText ? (
            <Alert color="red" title={errorText.title} role="alert">
              {errorText.message}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('areaSuppliers.form.organisationNumber')}
              required
              value={values.organisationNumber}
              onChange={(e) => set('organisationNumber', e.currentTarget.value)}
              error={problemText('organisationNumber') ?? serverIssue('organisationNumber')}
              inputMode="numeric"
              data-autofocus
            />
            <TextInput label={t('areaSuppliers.form.name')} required value={values.name}
              onChange={(e) => set('name', e.currentTarget.value)} error={problemText('name')} />
            <TextInput label={t('areaSuppliers.form.contactPerson')} value={values.contactPerson}
              onChange={(e) => set('contactPerson', e.currentTarget.value)} />
            <TextInput label={t('areaSuppliers.form.email')} type="email" value={values.email}
              onChange={(e) => set('email', e.currentTarget.value)} error={problemText('email') ?? serverIssue('email')} />
            <TextInput label={t('areaSuppliers.form.phone')} type="tel" value={values.phone}
              onChange={(e) => set('phone', e.currentTarget.value)} error={problemText('phone') ?? serverIssue('phone')} />
          </SimpleGrid>
          <Fieldset legend={t('areaSuppliers.form.work')}>
            <Stack gap={6}>
              {AGREEMENT_WORK_KINDS.map((kind) => {
                const work = t(`installerCheck.work.${kind}`);
                return (
                  <Group key={kind} gap="md" align="flex-start" wrap="nowrap" data-testid={`agreement-${kind}`}>
                    <Checkbox
                      mt={6}
                      style={{ flex: 1 }}
                      label={work}
                      checked={values.work[kind].included}
                      onChange={(e) => {
                        const included = e.currentTarget.checked;
                        setValues((v) => ({ ...v, work: { ...v.work, [kind]: { ...v.work[kind], included } } }));
                      }}
                    />
                    <NumberInput
                      w={150}
                      size="xs"
                      aria-label={t('areaSuppliers.form.daysFor', { work })}
                      placeholder={t('areaSuppliers.form.days')}
                      min={AGREEMENT_DAYS_LIMITS.min}
                      max={AGREEMENT_DAYS_LIMITS.max}
                      allowDecimal={false}
                      disabled={!values.work[kind].included}
                      value={values.work[kind].days}
                      onChange={(value) => setValues((v) => ({ ...v, work: { ...v.work, [kind]: { ...v.work[kind], days: String(value) } } }))}
                      error={problemText(kind)}
                    />
                  </Group>
                );
              })}
              {problems.work ? <Alert color="red" p={6}>{problemText('work')}</Alert> : null}
            </Stack>
          </Fieldset>
          <Checkbox.Group
            label={t('areaSuppliers.form.municipalities')}
            value={values.municipalityNumbers}
            onChange={(numbers) => set('municipalityNumbers', numbers)}
            error={problemText('municipalityNumbers')}
          >
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing={6} mt={6}>
              {[...reference.municipalities].sort((a, b) => a.number.localeCompare(b.number)).map((m) => (
                <Checkbox key={m.number} value={m.number} label={`${m.number} ${m.name}`} size="xs" />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('areaSuppliers.form.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('areaSuppliers.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
