// The queue's filter values as plain data, without zod, so that the renderer can use them too.
import type { QueueFilters } from './queue';

/** Every case: no filter set. */
export const NO_QUEUE_FILTERS: Readonly<QueueFilters> = Object.freeze<QueueFilters>({
  statuses: [],
  types: [],
  closureReasons: [],
  municipalities: [],
  assignment: 'all',
  overdueOnly: false,
  waitingOnly: false,
  offersExpiredOnly: false,
  billingFlaggedOnly: false,
  search: '',
});

/** What the queue opens with: the cases waiting for a first look or under review. */
export const DEFAULT_QUEUE_FILTERS: Readonly<QueueFilters> = Object.freeze<QueueFilters>({
  ...NO_QUEUE_FILTERS,
  statuses: ['new', 'in_review'],
});
