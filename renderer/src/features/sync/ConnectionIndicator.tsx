// The connection in the shell's header, always in view: "Frittstående", "Tilkoblet", "Synkroniserer 1 234 av
// 100 000", "Frakoblet – 3 endringer venter · prøver igjen kl. 10:35:12", "Feil: …". Words and the glyph's shape
// carry the state, colour only repeats it. A badge counts refused changes; a click opens the panel.
import { Badge, Group, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { notifyWarning } from '../../api/notify';
import { useAppData } from '../../app/AppData';
import { useNavigation } from '../../app/navigation';
import { formatNumber } from '../../i18n/format';
import { ConnectionPanel } from './ConnectionPanel';
import { describeChange, indicatorText, reasonShort, toneOf } from './describeSync';
import classes from './Sync.module.css';
import { SyncProgress } from './SyncProgress';
import { useSyncStatus } from './useSyncStatus';

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const { status } = useSyncStatus();
  const { openSettings, openCase } = useNavigation();
  const [opened, setOpened] = useState(false);
  const tone = toneOf(status);
  const central = status?.mode === 'central' ? status : null;
  const refused = central?.refused ?? 0;
  const progress = central?.state === 'syncing' && central.progress && central.progress.total > 0 ? central.progress : null;
  useRefusalNotices(refused);

  const close = () => setOpened(false);
  return (
    <Group gap="sm" wrap="nowrap">
      {progress && <SyncProgress progress={progress} width={120} />}
      <div role="status" aria-live="polite" aria-atomic="true">
        <UnstyledButton
          className={classes.indicator}
          data-tone={tone}
          aria-haspopup="dialog"
          aria-expanded={opened}
          onClick={() => setOpened(true)}
        >
          <span aria-hidden className={classes.glyph} data-tone={tone} />
          <span>{status ? indicatorText(t, status) : t('app.loading')}</span>
          {refused > 0 && (
            <Badge color="red" variant="light" c="red.9" size="sm" tt="none">
              {t('sync.refusedBadge', { count: refused, formatted: formatNumber(refused) })}
            </Badge>
          )}
        </UnstyledButton>
      </div>
      <ConnectionPanel
        opened={opened}
        onClose={close}
        status={status}
        onOpenSettings={() => {
          close();
          openSettings();
        }}
        onOpenCase={(caseId) => {
          close();
          openCase(caseId);
        }}
      />
    </Group>
  );
}

/**
 * A change the person made was refused after the screen had shown it as done: say so once, in words, and say
 * where to find it. The count at start is not news.
 */
function useRefusalNotices(refused: number): void {
  const { t } = useTranslation();
  const { userName } = useAppData();
  const ready = useSyncStatus().status !== null;
  const known = useRef<number | null>(null);

  useEffect(() => {
    if (!ready) return;
    const before = known.current;
    known.current = refused;
    if (before === null || refused <= before) return;
    const added = refused - before;
    const title = t('sync.refusedNotice.title', { count: added, formatted: formatNumber(added) });
    if (added > 1) {
      notifyWarning(title, t('sync.refusedNotice.messageMany'));
      return;
    }
    void (async () => {
      const result = await call('outbox.refused', {});
      const newest = result.ok ? result.value[result.value.length - 1] : undefined;
      const message = newest
        ? t('sync.refusedNotice.message', { change: describeChange(t, newest, userName).title, reason: reasonShort(t, newest.reason) })
        : t('sync.refusedNotice.messageMany');
      notifyWarning(title, message);
    })();
    // Only a change of the count is news; the status object changes every second while syncing.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t and userName are read when the count changes, not watched.
  }, [refused, ready]);
}
