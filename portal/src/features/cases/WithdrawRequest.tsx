// The firm withdraws its own request (portalWithdrawCase): a button on an open case, a confirmation that says what
// follows (the case is closed, the grid company is told, and after the owner's acceptance it is a cancellation the
// owner may be charged for), and the reason the case handler reads.
import { Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalCase } from '../../../../shared/portalApi/cases';
import { WITHDRAWABLE_STATUSES, isAcceptedStatus, type CaseStatus } from '../../../../shared/rules';
import { call, type ApiError } from '../../app/api';
import { Card } from '../../app/Screen';
import { SendError } from './formParts';

const OPEN: readonly CaseStatus[] = WITHDRAWABLE_STATUSES;

export const canWithdraw = (c: PortalCase): boolean => OPEN.includes(c.status);

export function WithdrawRequest({ c, onWithdrawn }: { c: PortalCase; onWithdrawn(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const missing = checked && reason.trim() === '';

  const close = () => {
    setOpen(false);
    setChecked(false);
    setError(null);
  };
  const submit = async () => {
    setChecked(true);
    if (reason.trim() === '') return;
    setBusy(true);
    const answer = await call<PortalCase>('POST', `/cases/${encodeURIComponent(c.caseNumber)}/withdraw`, { reason: reason.trim() });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setOpen(false);
    onWithdrawn();
  };

  return (
    <Card labelledBy="case-withdraw">
      <Stack gap="sm">
        <Title order={2} id="case-withdraw" size="h3">{t('cases.withdraw.title')}</Title>
        <Text size="sm">{t('cases.withdraw.intro')}</Text>
        <Group>
          <Button variant="outline" color="red.9" onClick={() => setOpen(true)}>{t('cases.withdraw.button')}</Button>
        </Group>
      </Stack>
      <Modal opened={open} onClose={close} title={t('cases.withdraw.confirmTitle', { caseNumber: c.caseNumber })}
        closeButtonProps={{ 'aria-label': t('common.close') }} styles={{ title: { fontWeight: 600 } }}>
        <form noValidate onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}>
          <Stack gap="md">
            <Text size="sm">{t('cases.withdraw.confirmText')}</Text>
            {isAcceptedStatus(c.status) && <Text size="sm" fw={600}>{t('cases.withdraw.acceptedText')}</Text>}
            <Textarea label={t('cases.withdraw.reason')} description={t('cases.withdraw.reasonHint')} value={reason}
              onChange={(event) => setReason(event.currentTarget.value)} error={missing ? t('cases.withdraw.reasonMissing') : undefined}
              styles={{ error: { color: 'var(--mantine-color-red-9)' } }} required autosize minRows={3} maxLength={2000} data-autofocus />
            <SendError error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('cases.withdraw.cancel')}</Button>
              <Button type="submit" color="red.9" loading={busy}>{t('cases.withdraw.confirm')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
