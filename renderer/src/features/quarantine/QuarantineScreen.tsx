// Karantene: incoming records the importer could not take. The list on the left (open and ready ones, or all),
// the chosen record on the right to fix and import again or discard. Esc or "Arbeidskø" goes back to the queue.
import { Alert, Button, Group, Switch, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarantineState } from '../../api/contract';
import { describeError } from '../../api/describeError';
import { useApiQuery } from '../../api/useApiQuery';
import { useNavigation } from '../../app/navigation';
import { useEscapeKey } from '../../app/useEscapeKey';
import { formatNumber } from '../../i18n/format';
import classes from './Quarantine.module.css';
import { QuarantineDetail } from './QuarantineDetail';
import { QuarantineList } from './QuarantineList';

const UNRESOLVED: QuarantineState[] = ['open', 'ready'];
const EVERY: QuarantineState[] = ['open', 'ready', 'imported', 'discarded'];

export function QuarantineScreen() {
  const { t } = useTranslation();
  const { openQueue, openCase } = useNavigation();
  const [showResolved, setShowResolved] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const { value, error, reload } = useApiQuery('quarantine.list', { states: showResolved ? EVERY : UNRESOLVED });
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  useEscapeKey(openQueue);

  useEffect(() => {
    document.title = `${t('quarantine.title')} – ${t('app.productName')}`;
  }, [t]);

  const listArrived = value !== undefined;
  useEffect(() => {
    if (listArrived) listRef.current?.focus({ preventScroll: true });
  }, [listArrived]);

  // The list and the header's count follow the change stream; this only re-reads the list at once for the record's panel.
  const onChanged = useCallback(() => {
    void reload();
  }, [reload]);

  const listError = error && !value ? describeError(t, error) : null;
  const items = value?.items ?? [];

  return (
    <div className={classes.screen}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" align="baseline">
          <Button variant="subtle" size="compact-sm" onClick={openQueue} leftSection={<span aria-hidden>←</span>} aria-keyshortcuts="Escape">
            {t('quarantine.back')}
          </Button>
          <Title order={1} id={headingId}>
            {t('quarantine.title')}
          </Title>
          {value && (
            <Text size="sm" c="gray.8" aria-live="polite">
              {t('quarantine.openCount', { count: value.openCount, formatted: formatNumber(value.openCount) })}
            </Text>
          )}
        </Group>
        <Switch
          label={t('quarantine.showResolved')}
          checked={showResolved}
          onChange={(event) => setShowResolved(event.currentTarget.checked)}
        />
      </Group>
      <Text size="sm" c="gray.8">
        {t('quarantine.intro')}
      </Text>
      {listError && (
        <Alert color="red" title={listError.title} role="alert">
          {listError.message}{' '}
          <Button size="xs" variant="white" onClick={() => void reload()}>
            {t('app.retry')}
          </Button>
        </Alert>
      )}
      <div className={classes.panes}>
        <div className={classes.listWrap}>
          {value && items.length === 0 ? (
            <Text size="sm" p="md" c="gray.8">
              {t('quarantine.empty')}
            </Text>
          ) : (
            <QuarantineList items={items} openId={openId} onOpen={setOpenId} labelId={headingId} listRef={listRef} />
          )}
        </div>
        <section className={classes.detail} aria-label={t('quarantine.detailLabel')}>
          {openId ? (
            <QuarantineDetail key={openId} id={openId} onChanged={onChanged} onOpenCase={openCase} />
          ) : (
            <Text size="sm" c="gray.8">
              {items.length > 0 ? t('quarantine.pickOne') : ''}
            </Text>
          )}
        </section>
      </div>
    </div>
  );
}
