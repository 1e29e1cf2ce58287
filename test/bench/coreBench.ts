// What the core answers at BENCH_CASES cases: the queue's first page, filters, search, counts, opening a case.
import type { Core } from '../../core/createCore';
import { DEFAULT_QUEUE_FILTERS, type QueueFilters, type QueueListInput } from '../../shared/contract';
import { percentile, round, timeRuns, type BenchResult } from './stats';

/** The queue as a case handler opens it (the renderer's default). */
export const DEFAULT_FILTERS: QueueFilters = DEFAULT_QUEUE_FILTERS;

/** A mix of what case handlers filter by: status, type, municipality, overdue, mine/unassigned. */
export const FILTER_MIX: Array<Partial<QueueFilters>> = [
  { statuses: ['waiting_for_info'] },
  { statuses: ['new'], assignment: 'unassigned' },
  { types: ['fuse_change'] },
  { types: ['temporary_installation', 'street_lighting'], statuses: ['new', 'in_review'] },
  { municipalities: ['4204'] },
  { municipalities: ['4222', '4228'] },
  { overdueOnly: true },
  { overdueOnly: true, municipalities: ['4203'] },
  { statuses: ['closed'], types: ['new_installation'] },
  { assignment: 'mine' },
];

/**
 * Rare and common words, a case number, a metering point prefix, an installer — and the worst cases for the cost
 * (issue 15): two-letter prefixes and numbers that nearly every case has ('20' and '2026' are in every case number).
 */
export const SEARCH_MIX = [
  'kristiansand', 'vei', 'arendal', 'gate', 'elektro', '7070575000', 'olsen', 'bykle', 'hansen', 'sirdal',
  'kr', 'el', '20', '2026', '46', '70705750009',
];

const list = (core: Core, filters: Partial<QueueFilters>) => {
  const input: QueueListInput = { filters: { ...DEFAULT_FILTERS, ...filters }, offset: 0, limit: 100 };
  return core.dispatch('queue.list', input).then((result) => {
    if (!result.ok) throw new Error(`queue.list failed: ${JSON.stringify(result.error)}`);
    return result.value;
  });
};

export async function benchCore(core: Core, runs = 200): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const p95 = (samples: number[]) => round(percentile(samples, 95));

  results.push({ name: 'queue.first_page_p95_ms', value: p95(await timeRuns(runs, () => list(core, {}))), unit: 'ms' });
  results.push({
    name: 'queue.filter_p95_ms',
    value: p95(await timeRuns(runs, (i) => list(core, FILTER_MIX[i % FILTER_MIX.length]))),
    unit: 'ms',
  });
  results.push({
    name: 'queue.search_p95_ms',
    value: p95(await timeRuns(runs, (i) => list(core, { statuses: [], search: SEARCH_MIX[i % SEARCH_MIX.length] }))),
    unit: 'ms',
  });
  results.push({
    name: 'queue.counts_p95_ms',
    value: p95(
      await timeRuns(runs, (i) =>
        core.dispatch('queue.counts', { filters: { ...DEFAULT_FILTERS, ...FILTER_MIX[i % FILTER_MIX.length] } }),
      ),
    ),
    unit: 'ms',
  });

  const maxId = (core.database.sqlite.prepare('SELECT max(id) AS n FROM cases').get() as { n: number }).n;
  results.push({
    name: 'case.open_p95_ms',
    value: p95(
      await timeRuns(runs, async (i) => {
        const caseId = 1 + ((i * 7919) % maxId);
        const result = await core.dispatch('case.get', { caseId });
        if (!result.ok) throw new Error(`case.get ${caseId} failed`);
      }),
    ),
    unit: 'ms',
  });
  return results;
}
