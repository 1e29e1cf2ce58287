// The connection in full, opened from the shell's indicator: which server, the state and why, what waits to be
// sent, the download's progress, and the changes the central database refused.
import { Alert, Button, Drawer, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../api/contract';
import { formatNumber, formatTime } from '../../i18n/format';
import { capitalised, reasonHelp, reasonShort, stateText } from './describeSync';
import { RefusedChanges } from './RefusedChanges';
import classes from './Sync.module.css';
import { SyncProgress } from './SyncProgress';

interface Props {
  opened: boolean;
  onClose: () => void;
  status: SyncStatusView | null;
  onOpenSettings: () => void;
  onOpenCase: (caseId: number) => void;
}

export function ConnectionPanel({ opened, onClose, status, onOpenSettings, onOpenCase }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={460}
      title={t('sync.panel.title')}
      closeButtonProps={{ 'aria-label': t('sync.panel.close') }}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Stack gap="md">
        {status === null || status.mode === 'standalone' ? (
          <Text size="sm">{t('sync.panel.standalone')}</Text>
        ) : (
          <CentralDetails status={status} />
        )}
        {status?.mode === 'central' && <RefusedChanges refusedCount={status.refused} onOpenCase={onOpenCase} />}
        <Button variant="default" onClick={onOpenSettings} w="fit-content">
          {t('sync.panel.openSettings')}
        </Button>
      </Stack>
    </Drawer>
  );
}

function CentralDetails({ status }: { status: Extract<SyncStatusView, { mode: 'central' }> }) {
  const { t } = useTranslation();
  const troubled = status.state === 'offline' || status.state === 'error';
  return (
    <Stack gap="sm">
      <dl className={classes.facts}>
        <dt>{t('sync.panel.server')}</dt>
        <dd className={classes.mono}>{status.server}</dd>
        <dt>{t('sync.panel.state')}</dt>
        <dd>{stateText(t, status)}</dd>
        <dt>{t('sync.panel.pending')}</dt>
        <dd>{status.pending > 0 ? formatNumber(status.pending) : t('sync.panel.noPending')}</dd>
        {troubled && status.retryAt && (
          <>
            <dt>{t('sync.panel.nextRetry')}</dt>
            <dd>{formatTime(status.retryAt, true)}</dd>
          </>
        )}
      </dl>
      {status.state === 'syncing' && status.progress && status.progress.total > 0 && (
        <SyncProgress progress={status.progress} size="md" />
      )}
      {troubled ? (
        <Alert color={status.state === 'error' ? 'red' : 'orange'} title={capitalised(reasonShort(t, status.reason))}>
          <Text size="sm">{reasonHelp(t, status.reason)}</Text>
          {status.detail && (
            <>
              <Text size="xs" fw={600} mt={6}>
                {t('sync.panel.detail')}
              </Text>
              <Text size="xs" className={classes.mono}>
                {status.detail}
              </Text>
            </>
          )}
        </Alert>
      ) : (
        status.state === 'connected' && (
          <Text size="sm" c="gray.8">
            {t('sync.panel.connectedHelp')}
          </Text>
        )
      )}
      {status.skipped.count > 0 && <SkippedRows skipped={status.skipped} />}
    </Stack>
  );
}

/** Rows the service sent that the cache could not store: skipped so the rest arrive, and named for support. */
function SkippedRows({ skipped }: { skipped: Extract<SyncStatusView, { mode: 'central' }>['skipped'] }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('sync.panel.skippedTitle', { count: skipped.count, formatted: formatNumber(skipped.count) })}>
      <Text size="sm">{t('sync.panel.skippedHelp')}</Text>
      <ul className={classes.skipped}>
        {skipped.latest.slice(0, 5).map((row) => (
          <li key={`${row.table}/${row.key}`}>
            <Text size="xs" className={classes.mono}>
              {row.table} {row.key}: {row.problem}
            </Text>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
