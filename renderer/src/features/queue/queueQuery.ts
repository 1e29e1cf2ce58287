// What the queue asks the core for: filters and sort, with the default a case handler starts the day with
// ("til behandling": new and in review, oldest first).
import type { QueueFilters, QueueSortKey } from '../../api/contract';
import { DEFAULT_QUEUE_FILTERS } from '../../../../shared/contract/queueDefaults';

export type SortDirection = 'asc' | 'desc';
export interface QueueSort {
  key: QueueSortKey;
  direction: SortDirection;
}

/**
 * Rows per page. About a screenful and the overscan: every keystroke fetches the first page again, and each row
 * more costs the core, the transport and JSON parsing on that path. Neighbouring missing pages (a tall window,
 * a jump) are fetched in one call, so small pages do not mean more round trips.
 */
export const PAGE_SIZE = 50;

export const defaultFilters = (): QueueFilters => ({ ...DEFAULT_QUEUE_FILTERS, statuses: [...DEFAULT_QUEUE_FILTERS.statuses] });

export const DEFAULT_SORT: QueueSort = { key: 'received', direction: 'asc' };

/** Clicking the sorted column turns it around; another column starts ascending. */
export function nextSort(current: QueueSort, key: QueueSortKey): QueueSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: 'asc' };
}

/** The filters that the counts depend on: all but the status filter itself. */
export const countsKey = (filters: QueueFilters): string => JSON.stringify({ ...filters, statuses: [] });
