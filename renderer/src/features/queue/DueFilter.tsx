// Frist: all cases, only those over their due date, or only those waiting for the installer — apart, with how
// many each choice gives (it clears the status filter). A case waiting for the installer has its clock paused and
// is never counted as overdue.
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { queueStore } from './queueStore';
import { useQueueState } from './useQueueState';

type DueChoice = 'all' | 'overdue' | 'waiting';

export function DueFilter() {
  const { t } = useTranslation();
  const labelId = useId();
  const overdueOnly = useQueueState((state) => state.filters.overdueOnly);
  const waitingOnly = useQueueState((state) => state.filters.waitingOnly);
  const counts = useQueueState((state) => state.counts);
  const value: DueChoice = overdueOnly ? 'overdue' : waitingOnly ? 'waiting' : 'all';
  const withCount = (label: string, count: number | undefined) => (count === undefined ? label : `${label} (${formatNumber(count)})`);

  return (
    <Stack gap={2}>
      <Text id={labelId} size="sm" fw={500}>
        {t('queue.filters.due')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={value}
        onChange={(choice) =>
          queueStore.setFilters({
            overdueOnly: choice === 'overdue',
            waitingOnly: choice === 'waiting',
            // Overdue and waiting cases are in several statuses; the counts beside them are of all of those.
            ...(choice === 'all' ? {} : { statuses: [] }),
          })
        }
        data={[
          { value: 'all', label: t('queue.filters.dueAll') },
          { value: 'overdue', label: withCount(t('queue.filters.dueOverdue'), counts?.overdue) },
          { value: 'waiting', label: withCount(t('queue.filters.dueWaiting'), counts?.waiting) },
        ]}
      />
    </Stack>
  );
}
