// The cold queue (coldQueue.ts) answers the first seconds after start at a million cases, before the in-memory index
// is in; its indexes hold only the cases in work (0030). What the queue opens on, and its counts with no filter or a
// request type alone, must never read every case: each statement it runs is planned here, with its own parameters.
// (That the answers are right is queueIndexRandom.test.ts's.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ColdQueue } from '../../core/queue/coldQueue';
import { DEFAULT_QUEUE_FILTERS, NO_QUEUE_FILTERS, type QueueFilters } from '../../shared/contract';
import { HARNESS_NOW, startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { planning } from '../support/queryPlans';

let harness: HarnessCore;
beforeAll(() => {
  harness = startHarnessCore({ cases: 1_000 });
});
afterAll(() => harness.dispose());

const query = (filters: QueueFilters) => ({
  filters,
  sort: { key: 'received' as const, direction: 'asc' as const },
  offset: 0,
  limit: 50,
  userId: 'bjorn.vik',
  today: HARNESS_NOW.slice(0, 10),
  searchHits: null,
});

describe('the cold queue', () => {
  it('opens on the cases in work by their own index, and counts without reading every case', () => {
    const { database, plans } = planning(harness.core.database.sqlite);
    const cold = new ColdQueue(database);
    cold.page(query(DEFAULT_QUEUE_FILTERS));
    expect(plans.join(' || ')).toContain('cases_in_work_status');
    cold.counts(query(DEFAULT_QUEUE_FILTERS));
    cold.counts(query({ ...NO_QUEUE_FILTERS, types: ['new_installation', 'fuse_change'] }));
    cold.page(query({ ...NO_QUEUE_FILTERS, statuses: ['waiting_for_info'], types: ['new_installation'] }));
    expect(plans.length).toBeGreaterThan(10);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN cases(?! USING)/);
    // Closed and rejected cases were counted from the overview's counts, not from `cases`.
    expect(plans.some((plan) => plan.includes('overview_type_status'))).toBe(true);
  });
});
