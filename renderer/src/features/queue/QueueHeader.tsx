// The queue's title line: heading, how many cases the filters give (and the way back to the default), "Hent neste".
import { Button, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { queueStore } from './queueStore';
import { useQueueState } from './useQueueState';

interface Props {
  headingId: string;
  onFetchNext: () => void;
  fetching: boolean;
}

/** The number alone follows the list, so an answer does not redraw the heading and its buttons. */
function QueueTotal() {
  const { t } = useTranslation();
  const total = useQueueState((state) => state.total);
  return (
    <Text size="sm" c="gray.8" aria-live="polite" aria-atomic>
      {total === null ? t('queue.counting') : t('queue.total', { count: total, formatted: formatNumber(total) })}
    </Text>
  );
}

export function QueueHeader({ headingId, onFetchNext, fetching }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="center" wrap="nowrap">
      <Group gap="md" align="baseline">
        <Title order={1} id={headingId}>
          {t('queue.title')}
        </Title>
        <QueueTotal />
        <Button variant="subtle" size="compact-sm" onClick={() => queueStore.resetFilters()}>
          {t('queue.filters.reset')}
        </Button>
      </Group>
      <Button onClick={onFetchNext} loading={fetching} aria-keyshortcuts="n">
        {t('queue.fetchNext')}
      </Button>
    </Group>
  );
}
