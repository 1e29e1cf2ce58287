// The header row: every sortable column is a button that sorts by it, and aria-sort says how it is sorted now.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { QUEUE_COLUMNS } from './columns';
import classes from './Queue.module.css';
import { queueStore } from './queueStore';
import { useQueueState } from './useQueueState';

export const HEADER_HEIGHT = 36;

/** Memoised: the grid renders on every answer, the header only when the sort changes. */
export const QueueGridHeader = memo(function QueueGridHeader() {
  const { t } = useTranslation();
  const sort = useQueueState((state) => state.sort);
  return (
    <div role="rowgroup" className={classes.head}>
      <div role="row" aria-rowindex={1} className={classes.headRow}>
        {QUEUE_COLUMNS.map((column) => {
          const sorted = column.sortKey !== undefined && column.sortKey === sort.key;
          const ariaSort = sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
          return (
            <div key={column.id} role="columnheader" aria-sort={ariaSort} className={classes.columnHeader}>
              {column.sortKey ? (
                <button
                  type="button"
                  className={classes.sortButton}
                  onClick={() => queueStore.sortBy(column.sortKey!)}
                >
                  <span className={classes.headerLabel}>{t(column.labelKey)}</span>
                  <span aria-hidden className={classes.sortIndicator}>
                    {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              ) : (
                <span className={classes.headerLabel}>{t(column.labelKey)}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});
