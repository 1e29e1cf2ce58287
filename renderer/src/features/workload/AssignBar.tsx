// Hand the selected cases to a handler: pick the handler (pre-filled with the assignment rules' suggestion when
// every selected case has the same one), confirm, and hear what happened to each (assigned, unchanged, refused).
import { Button, NativeSelect, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commonSuggestion } from '../../../../shared/rules';
import type { HandlerWorkload, WorkloadRow } from '../../api/contract';
import { describeError } from '../../api/describeError';
import { notifySuccess, notifyWarning } from '../../api/notify';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { useApiMutation } from '../../data/useApiMutation';
import { formatNumber } from '../../i18n/format';
import classes from './Workload.module.css';

interface Props {
  selectedRows: WorkloadRow[];
  handlers: HandlerWorkload[];
  onAssigned(): void;
}

export function AssignBar({ selectedRows, handlers, onAssigned }: Props) {
  const { t } = useTranslation();
  const targets = handlers.filter((handler) => handler.active);
  const suggestion = commonSuggestion(selectedRows.map((row) => row.suggestedAssigneeId));
  const selectionKey = selectedRows.map((row) => row.id).join(',');
  const [target, setTarget] = useState('');
  /** The person picked a handler themself: a changed selection no longer overrides that (until it is emptied). */
  const [picked, setPicked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { run: assignMany, pending } = useApiMutation('case.assignMany', { notify: true });
  const suggestable = suggestion !== null && targets.some((handler) => handler.id === suggestion);

  // A changed selection (selectionKey stands for selectedRows) takes the rules' suggestion, or none, unless the
  // person has picked someone; picking itself does not re-run this.
  useEffect(() => {
    if (selectedRows.length === 0) setPicked(false);
    if (selectedRows.length === 0 || !picked) setTarget(suggestable ? suggestion : '');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- selectionKey stands for selectedRows, and picking must not re-run this (see above).
  }, [selectionKey, suggestion, suggestable]);

  const count = selectedRows.length;
  const targetName = targets.find((handler) => handler.id === target)?.displayName ?? '';
  const countText = { count, formatted: formatNumber(count) };

  const assign = async () => {
    const result = await assignMany({ caseIds: selectedRows.map((row) => row.id), assigneeId: target });
    setConfirming(false);
    if (!result) return;
    const { assigned, unchanged, refused } = result;
    if (assigned + unchanged > 0) {
      notifySuccess(t('workload.assign.done', { count: assigned, formatted: formatNumber(assigned), name: targetName, unchanged }));
    }
    if (refused > 0) {
      const reasons = [...new Set(result.results.flatMap((item) => (item.outcome === 'refused' ? [item.reason] : [])))];
      notifyWarning(
        t('workload.assign.refused', { count: refused, formatted: formatNumber(refused) }),
        reasons.map((code) => t(`workload.assign.reason.${code}`, { defaultValue: describeError(t, { code }).title })).join(' '),
      );
    }
    onAssigned();
  };

  return (
    <div className={classes.assignBar}>
      <Text size="sm" fw={600} aria-live="polite" data-testid="workload-selected-count">
        {t('workload.assign.selected', countText)}
      </Text>
      <NativeSelect
        label={t('workload.assign.to')}
        description={suggestion && target === suggestion ? t('workload.assign.suggested') : undefined}
        value={target}
        onChange={(event) => {
          setTarget(event.currentTarget.value);
          setPicked(event.currentTarget.value !== '');
        }}
        data={[
          { value: '', label: t('workload.assign.choose') },
          ...targets.map((handler) => ({ value: handler.id, label: handler.displayName })),
        ]}
        w={240}
      />
      <Button disabled={count === 0 || target === ''} onClick={() => setConfirming(true)}>
        {t('workload.assign.button', countText)}
      </Button>
      <ConfirmDialog opened={confirming} onClose={() => setConfirming(false)} onConfirm={() => void assign()}
        title={t('workload.assign.confirmTitle')} cancelLabel={t('workload.assign.cancel')}
        confirmLabel={t('workload.assign.confirmButton', countText)} pending={pending} actionsGap="md">
        <Text size="sm">{t('workload.assign.confirm', { ...countText, name: targetName })}</Text>
        <Text size="sm" c="gray.8">
          {t('workload.assign.confirmHint')}
        </Text>
      </ConfirmDialog>
    </div>
  );
}
