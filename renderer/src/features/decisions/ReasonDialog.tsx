// A decision that must say why (avvis, send til utbyggerprosjekt, trekk tilbake tilbud) — or may (gjenåpne). The
// reason goes to the installer or owner as written, so the dialog says so.
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, DecisionAction } from '../../api/contract';
import { describeError, describeIssue, issueFor } from '../../api/describeError';
import { DialogActions } from '../../app/DialogActions';

interface Props {
  action: DecisionAction | null;
  required: boolean;
  caseNumber: string;
  pending: boolean;
  error: AppError | null;
  onClose(): void;
  onSubmit(reason: string): void;
}

export function ReasonDialog({ action, required, caseNumber, pending, error, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const close = () => {
    setReason('');
    setMissing(false);
    onClose();
  };
  const issue = issueFor(error, 'reason');
  const fieldError = missing || error?.code === 'status.reasonRequired'
    ? t('decisions.reason.missing')
    : issue
      ? describeIssue(t, issue)
      : undefined;
  const otherError = error && !fieldError ? describeError(t, error) : null;

  return (
    <Modal opened={action !== null} onClose={close} title={action ? t(`decisions.${action}.title`, { caseNumber }) : ''}
      closeButtonProps={{ 'aria-label': t('decisions.cancel') }} styles={{ title: { fontWeight: 600 } }} size="lg">
      {action && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (required && reason.trim() === '') {
              setMissing(true);
              return;
            }
            onSubmit(reason.trim());
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t(`decisions.${action}.explain`)}</Text>
            <Textarea
              label={required ? t('decisions.reason.required') : t('decisions.reason.optional')}
              description={t('decisions.reason.hint')}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setMissing(false);
              }}
              error={fieldError}
              aria-required={required}
              autosize
              minRows={3}
              maxRows={10}
              data-autofocus
            />
            <DialogActions problem={otherError} cancelLabel={t('decisions.cancel')} confirmLabel={t(`decisions.${action}.confirm`)}
              pending={pending} onCancel={close} confirmColor={action === 'reject' ? 'red' : undefined} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
