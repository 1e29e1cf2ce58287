// Godkjenn and Avvis for one firm's application. Approving asks once more; refusing needs the reason, in words the
// firm reads (it is sent to the firm as written). A refusal from the service stays in the dialog, in words.
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../api/contract';
import type { PortalFirmView } from '../../../../shared/contract/portalFirms';
import { useApiMutation } from '../../data/useApiMutation';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { DialogActions } from '../../app/DialogActions';
import { formatOrganisationNumber } from '../installer/organisationNumber';
import { describePortalError } from './portalFirmErrors';

/** As PORTAL_REFUSAL_REASON_MAX in the contract (a value from there would bundle its schemas). */
const REASON_MAX = 2000;
const FIELD_STYLES = { error: { color: 'var(--mantine-color-red-9)' } };

export type Decision = { kind: 'approve' | 'refuse'; firm: PortalFirmView };

interface Props {
  decision: Decision;
  onClose(): void;
  /** The service recorded it, or it was decided elsewhere meanwhile: either way the list is read again. */
  onDone(message: string | null): void;
}

export function DecisionDialog({ decision, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const { attempt: approveFirm } = useApiMutation('portalFirm.approve');
  const { attempt: refuseFirm } = useApiMutation('portalFirm.refuse');
  const [problem, setProblem] = useState<AppError | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const { firm } = decision;

  const finish = (error: AppError | null, done: string) => {
    setPending(false);
    if (!error) {
      onDone(done);
      return;
    }
    setProblem(error);
    // Decided by someone else, or gone: the list behind the dialog is out of date.
    if (error.code === 'central.refused') onDone(null);
  };

  const approve = async () => {
    setPending(true);
    const result = await approveFirm({ firmId: firm.id });
    finish(result.ok ? null : result.error, t('portalFirms.approved', { name: firm.name }));
  };

  const refuse = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonMissing(true);
      return;
    }
    setPending(true);
    const result = await refuseFirm({ firmId: firm.id, reason: reason.trim() });
    finish(result.ok ? null : result.error, t('portalFirms.refused', { name: firm.name }));
  };

  const problemText = problem ? describePortalError(t, problem) : null;
  const cancel = t('portalFirms.dialog.cancel');

  if (decision.kind === 'approve') {
    return (
      <ConfirmDialog opened title={t('portalFirms.dialog.approveTitle', { name: firm.name })} cancelLabel={cancel}
        confirmLabel={t('portalFirms.approve')} pending={pending} problem={problemText} onClose={onClose} onConfirm={() => void approve()}>
        <Text size="sm">
          {t('portalFirms.dialog.approveText', { name: firm.name, org: formatOrganisationNumber(firm.organisationNumber) })}
        </Text>
      </ConfirmDialog>
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('portalFirms.dialog.refuseTitle', { name: firm.name })}
      closeButtonProps={{ 'aria-label': cancel }} styles={{ title: { fontWeight: 600 } }}>
      <form onSubmit={(event) => void refuse(event)} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('portalFirms.dialog.refuseText', { name: firm.name })}</Text>
          <Textarea
            label={t('portalFirms.dialog.reason')}
            description={t('portalFirms.dialog.reasonHelp')}
            required
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            value={reason}
            data-autofocus
            styles={FIELD_STYLES}
            error={reasonMissing && reason.trim() === '' ? t('portalFirms.dialog.reasonMissing') : undefined}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <DialogActions problem={problemText} cancelLabel={cancel} confirmLabel={t('portalFirms.refuse')} pending={pending}
            onCancel={onClose} confirmColor="red" />
        </Stack>
      </form>
    </Modal>
  );
}
