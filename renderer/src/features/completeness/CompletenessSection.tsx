// Kompletthet in the case view: what the grid company's rules require of this request, met, missing or overridden;
// the completeness time and due date; "Overstyr" per missing item; the missing items picked for a request for
// information, sent with "Be om opplysninger" (Alt+B).
import { Alert, Button, Group, Kbd, Text } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../../shared/rules';
import type { CaseDetail, CompletenessView } from '../../api/contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useApiMutation } from '../../data/useApiMutation';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useCasework } from '../case/useCasework';
import { Section } from '../case/Section';
import { ChecklistItem } from './ChecklistItem';
import classes from './Completeness.module.css';
import { completenessErrorText } from './completenessErrors';
import { itemLabel } from './describeItem';
import { InformationRequestDialog } from './InformationRequestDialog';
import { REQUEST_INFORMATION_SHORTCUT, useRequestInformationKey } from './requestInformationKey';

const AFTER_FERDIGMELDING: readonly CaseStatus[] = ['completion_reported', 'meter_mounted', 'metering_point_registered'];

export function CompletenessSection({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  // A supplement, an override or a sync changes the case: the change stream has the checklist read again.
  const { value: view, error: loadError } = useApiQuery('case.completeness', { caseId: detail.id });

  const open = useMemo(() => (view?.items ?? []).filter((item) => !item.ok && !item.overridden), [view]);
  const [deselected, setDeselected] = useState<ReadonlySet<string>>(new Set());
  const selected = open.filter((item) => !deselected.has(item.code));
  const [overriding, setOverriding] = useState<string | null>(null);
  const overrideItem = useApiMutation('case.overrideCompletenessItem');
  const [dialogOpen, setDialogOpen] = useState(false);

  const canEdit = useCasework(detail).mayWork;
  const mayRequest = canEdit && detail.allowedActions.includes('requestInformation');
  const canRequest = mayRequest && selected.length > 0;
  const openDialog = useCallback(() => setDialogOpen(true), [setDialogOpen]);
  useRequestInformationKey(canRequest && !dialogOpen, openDialog);

  const override = async (item: string, reason: string): Promise<boolean> =>
    (await overrideItem.run({ caseId: detail.id, item, reason })) !== undefined;

  const shownError = overrideItem.error ?? loadError;
  const errorText = shownError ? completenessErrorText(t, shownError) : null;

  return (
    <Section
      title={t('completeness.title')}
      actions={
        mayRequest ? (
          <Button size="compact-sm" onClick={openDialog} disabled={!canRequest} aria-keyshortcuts={REQUEST_INFORMATION_SHORTCUT}
            rightSection={<Kbd size="xs">{REQUEST_INFORMATION_SHORTCUT}</Kbd>}>
            {t('completeness.request.button', { count: selected.length })}
          </Button>
        ) : undefined
      }
    >
      {view && <CompletenessSummary view={view} status={detail.status} />}
      {view && (
        <ul className={classes.list} aria-label={t('completeness.listLabel')}>
          {view.items.map((item) => (
            <ChecklistItem
              key={item.code}
              item={item}
              canEdit={canEdit}
              selectable={mayRequest}
              selected={!deselected.has(item.code)}
              onSelect={(checked) =>
                setDeselected((current) => {
                  const next = new Set(current);
                  if (checked) next.delete(item.code);
                  else next.add(item.code);
                  return next;
                })
              }
              overriding={overriding === item.code}
              onOverriding={(opened) => setOverriding(opened ? item.code : null)}
              pending={overrideItem.pending}
              onOverride={(reason) => override(item.code, reason)}
            />
          ))}
        </ul>
      )}
      {errorText && (
        <Alert color="red" title={errorText.title} role="alert" mt="xs">
          {errorText.message}
        </Alert>
      )}
      <InformationRequestDialog
        opened={dialogOpen}
        caseId={detail.id}
        caseNumber={detail.caseNumber}
        items={selected.map((item) => ({ code: item.code, name: itemLabel(item, i18n.language) }))}
        onClose={() => setDialogOpen(false)}
      />
    </Section>
  );
}

/**
 * Complete or not, since when and due when; a paused clock while the case waits for the installer. From the
 * ferdigmelding on, the case's due date is the meter's (the header says so), not a handling deadline: not shown here.
 */
function CompletenessSummary({ view, status }: { view: CompletenessView; status: CaseStatus }) {
  const { t } = useTranslation();
  const handlingDue = AFTER_FERDIGMELDING.includes(status) ? null : view.dueDate;
  return (
    <Group gap="md" className={classes.summary} wrap="wrap">
      <Text size="sm" fw={600} c={view.complete ? '#1b5e20' : '#b71c1c'} role="status">
        {view.complete ? t('completeness.complete') : t('completeness.incomplete', { count: view.items.filter((i) => !i.ok && !i.overridden).length })}
      </Text>
      {view.completeAt && <Text size="sm">{t('completeness.completeAt', { at: formatDateTime(view.completeAt) })}</Text>}
      {handlingDue && <Text size="sm">{t('completeness.dueDate', { date: formatDate(handlingDue) })}</Text>}
      {view.clockPausedOn && <Text size="sm" c="#8a3c00">{t('completeness.clockPaused', { date: formatDate(view.clockPausedOn) })}</Text>}
      {view.rulesSource === 'default' && <Text size="xs" c="gray.7">{t('completeness.defaultRules')}</Text>}
    </Group>
  );
}
