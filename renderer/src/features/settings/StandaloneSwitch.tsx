// Back to standalone: only offered while a central server is configured, and only after a confirmation that
// says what happens to changes not yet sent (they stay in that server's cache on this computer).
import { Alert, Button, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { notifyError } from '../../api/notify';
import { DialogActions } from '../../app/DialogActions';
import { formatNumber } from '../../i18n/format';
import { useCentralStatus } from '../sync/useSyncStatus';

export function StandaloneSwitch({ headingId }: { headingId: string }) {
  const { t } = useTranslation();
  const pending = useCentralStatus()?.pending ?? 0;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [switched, setSwitched] = useState(false);

  const switchToStandalone = async () => {
    setBusy(true);
    const result = await call('settings.useStandalone', {});
    setBusy(false);
    setConfirming(false);
    if (result.ok) setSwitched(true);
    else notifyError(t, result.error);
  };

  return (
    <Stack gap="sm">
      <Title order={2} id={headingId}>
        {t('settings.central.standaloneTitle')}
      </Title>
      <Text size="sm">{t('settings.central.standaloneExplain')}</Text>
      {switched ? (
        <Alert color="blue" title={t('settings.central.switchedTitle')} role="status">
          {t('settings.central.switched')}
        </Alert>
      ) : (
        <Button variant="default" onClick={() => setConfirming(true)} w="fit-content">
          {t('settings.central.useStandalone')}
        </Button>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('settings.central.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('settings.central.cancel') }}
        styles={{ title: { fontWeight: 600 } }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('settings.central.confirmText')}</Text>
          {pending > 0 && (
            <Text size="sm" fw={500}>
              {t('settings.central.confirmPending', { count: pending, formatted: formatNumber(pending) })}
            </Text>
          )}
          <DialogActions cancelLabel={t('settings.central.cancel')} confirmLabel={t('settings.central.confirmYes')}
            pending={busy} onCancel={() => setConfirming(false)} onConfirm={() => void switchToStandalone()} autofocus="cancel" />
        </Stack>
      </Modal>
    </Stack>
  );
}
