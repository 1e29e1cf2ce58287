// Move the case on: only the statuses the rules allow from here; a reason field where one is required.
import { Alert, Button, Group, Select, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES_REQUIRING_REASON, type CaseStatus } from '../../../../electron/shared/rules';
import type { CaseDetail } from '../../api/contract';
import { describeError, describeIssue, issueFor } from '../../api/describeError';
import { notifySuccess } from '../../api/notify';
import { useCaseMutation } from './useCaseMutation';

export function StatusControl({ detail, reload }: { detail: CaseDetail; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CaseStatus | null>(null);
  const [reason, setReason] = useState('');
  const { run, pending, error, clearError } = useCaseMutation('case.setStatus', reload);

  if (detail.allowedNextStatuses.length === 0) return null;
  const reasonRequired = status !== null && STATUSES_REQUIRING_REASON.includes(status);

  const submit = async () => {
    if (!status) return;
    const trimmed = reason.trim();
    const ok = await run({ caseId: detail.id, status, ...(trimmed ? { reason: trimmed } : {}) });
    if (ok) {
      notifySuccess(t('case.actions.statusChanged', { status: t(`enums.status.${status}`) }));
      setStatus(null);
      setReason('');
    }
  };

  const reasonIssue = issueFor(error, 'reason');
  const reasonError =
    error?.code === 'status.reasonRequired'
      ? describeError(t, error).message
      : reasonIssue
        ? describeIssue(t, reasonIssue)
        : undefined;
  const otherError = error && !reasonError ? describeError(t, error) : null;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('case.actions.newStatus')}
          placeholder={t('case.actions.chooseStatus')}
          data={detail.allowedNextStatuses.map((s) => ({ value: s, label: t(`enums.status.${s}`) }))}
          value={status}
          onChange={(value) => {
            setStatus(value as CaseStatus | null);
            clearError();
          }}
          w={240}
          allowDeselect={false}
        />
        {status !== null && (
          <Textarea
            label={reasonRequired ? t('case.actions.reasonRequired') : t('case.actions.reasonOptional')}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              if (error) clearError();
            }}
            error={reasonError}
            autosize
            minRows={1}
            maxRows={6}
            w={360}
          />
        )}
        <Button type="submit" loading={pending} disabled={status === null} variant="filled">
          {t('case.actions.changeStatus')}
        </Button>
      </Group>
      {otherError && (
        <Alert color="red" title={otherError.title} mt="sm" role="alert">
          {otherError.message}
        </Alert>
      )}
    </form>
  );
}
