// Frist: all cases, only those over their due date, or only those waiting for the installer — apart, with how
// many each choice gives. A case waiting for the installer has its clock paused and is never counted as overdue.
import { useTranslation } from 'react-i18next';
import { ChoiceFilter } from './ChoiceFilter';
import { queueStore } from './queueStore';
import { useQueueState } from './useQueueState';

export function DueFilter() {
  const { t } = useTranslation();
  const overdueOnly = useQueueState((state) => state.filters.overdueOnly);
  const waitingOnly = useQueueState((state) => state.filters.waitingOnly);
  const counts = useQueueState((state) => state.counts);
  return (
    <ChoiceFilter
      label={t('queue.filters.due')}
      value={overdueOnly ? 'overdue' : waitingOnly ? 'waiting' : 'all'}
      onChange={(choice) =>
        queueStore.setFilters({
          overdueOnly: choice === 'overdue',
          waitingOnly: choice === 'waiting',
          ...(choice === 'all' ? {} : { statuses: [] }),
        })
      }
      choices={[
        { value: 'all', label: t('queue.filters.dueAll') },
        { value: 'overdue', label: t('queue.filters.dueOverdue'), count: counts?.overdue },
        { value: 'waiting', label: t('queue.filters.dueWaiting'), count: counts?.waiting },
      ]}
    />
  );
}
