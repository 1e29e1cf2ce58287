// The queue answers from an in-memory index; SQLite is the truth. For many combinations of filters and
// sorts, the index must give exactly what a plain SQL query over the same database gives — also right after
// a mutation changed a case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_QUEUE_FILTERS, type QueueFilters, type QueuePage, type QueueCounts, type QueueSortKey } from '../../shared/contract';
import { CASE_STATUSES, CLOCK_RUNNING_STATUSES, REQUEST_TYPES, workingDaysBetween } from '../../shared/rules';
import { toFtsQuery } from '../../core/queue/searchQuery';
import { HARNESS_NOW, startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

let harness: InProcessHarness;
const TODAY = HARNESS_NOW.slice(0, 10);

beforeAll(() => {
  harness = startInProcessHarness({ cases: 1_500 });
});
afterAll(() => harness.dispose());

const FULL: QueueFilters = NO_QUEUE_FILTERS;

/** The same question answered the slow, obvious way. */
const OVERDUE_SQL = `(due_date < '${TODAY}' AND status IN (${CLOCK_RUNNING_STATUSES.map((s) => `'${s}'`).join(',')}))`;
const WAITING_SQL = "status = 'waiting_for_info'";

function referenceIds(
  filters: QueueFilters,
  userId: string,
): { ids: number[]; byStatus: Record<string, number>; overdue: number; waiting: number } {
  const sqlite = harness.core.database.sqlite;
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.types.length) {
    where.push(`request_type IN (${filters.types.map(() => '?').join(',')})`);
    params.push(...filters.types);
  }
  if (filters.municipalities.length) {
    where.push(`municipality_number IN (${filters.municipalities.map(() => '?').join(',')})`);
    params.push(...filters.municipalities);
  }
  if (filters.closureReasons.length) {
    where.push(`closure_reason IN (${filters.closureReasons.map(() => '?').join(',')})`);
    params.push(...filters.closureReasons);
  }
  if (filters.assignment === 'mine') {
    where.push('assignee_id = ?');
    params.push(userId);
  }
  if (filters.assignment === 'unassigned') where.push('assignee_id IS NULL');
  const fts = toFtsQuery(filters.search);
  if (fts) {
    where.push('id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)');
    params.push(fts);
  }
  // Overdue and waiting are counted under every filter but themselves and the status filter.
  const countWhere = (extra: string) => `WHERE ${[...where, extra].join(' AND ')}`;
  const countOf = (extra: string) =>
    (sqlite.prepare(`SELECT count(*) AS n FROM cases ${countWhere(extra)}`).get(...params) as { n: number }).n;
  const overdue = countOf(OVERDUE_SQL);
  const waiting = countOf(WAITING_SQL);
  if (filters.overdueOnly) where.push(OVERDUE_SQL);
  if (filters.waitingOnly) where.push(WAITING_SQL);
  const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0]));
  for (const row of sqlite.prepare(`SELECT status, count(*) AS n FROM cases ${base} GROUP BY status`).all(...params) as {
    status: string;
    n: number;
  }[])
    byStatus[row.status] = row.n;
  const statusWhere = filters.statuses.length
    ? `${base ? `${base} AND` : 'WHERE'} status IN (${filters.statuses.map(() => '?').join(',')})`
    : base;
  const ids = (
    sqlite.prepare(`SELECT id FROM cases ${statusWhere} ORDER BY submitted_at, id`).all(...params, ...filters.statuses) as {
      id: number;
    }[]
  ).map((row) => row.id);
  return { ids, byStatus, overdue, waiting };
}

async function list(filters: QueueFilters, sort: { key: QueueSortKey; direction: 'asc' | 'desc' }, limit = 500) {
  const result = await harness.core.dispatch('queue.list', { filters, sort, offset: 0, limit });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as QueuePage;
}

async function counts(filters: QueueFilters) {
  const result = await harness.core.dispatch('queue.counts', { filters });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as QueueCounts;
}

/** A deterministic spread of filter combinations. */
function* filterCombinations(): Generator<QueueFilters> {
  const statusSets = [[], ['new'], ['new', 'in_review'], ['closed'], ['waiting_for_info', 'approved'], ['waiting_for_info']];
  const typeSets = [[], ['fuse_change'], ['temporary_installation', 'street_lighting']];
  const municipalitySets = [[], ['4204'], ['4203', '4222']];
  const searches = ['', 'kristiansand', 'elektro', 'gate 1'];
  const closureSets = [[], ['completed'], ['offer_expired', 'rejected']];
  let i = 0;
  for (const statuses of statusSets)
    for (const types of typeSets)
      for (const municipalities of municipalitySets) {
        i++;
        yield {
          ...FULL,
          statuses: statuses as QueueFilters['statuses'],
          types: types as QueueFilters['types'],
          municipalities,
          assignment: (['all', 'mine', 'unassigned'] as const)[i % 3],
          overdueOnly: i % 4 === 0,
          waitingOnly: i % 5 === 0,
          search: searches[i % searches.length],
          closureReasons: closureSets[Math.floor(i / 3) % closureSets.length] as QueueFilters['closureReasons'],
        };
      }
}

describe('the queue index', () => {
  it('gives the same cases, totals and counts per status as SQL for every combination of filters', async () => {
    const userId = (await harness.core.dispatch('session.get', {})) as { ok: true; value: { user: { id: string } } };
    let checked = 0;
    for (const filters of filterCombinations()) {
      const expected = referenceIds(filters, userId.value.user.id);
      const page = await list(filters, { key: 'received', direction: 'asc' });
      expect(page.total, JSON.stringify(filters)).toBe(expected.ids.length);
      expect(page.rows.map((row) => row.id)).toEqual(expected.ids.slice(0, 500));
      const perStatus = await counts(filters);
      expect(perStatus.byStatus).toEqual(expected.byStatus);
      expect({ overdue: perStatus.overdue, waiting: perStatus.waiting }, JSON.stringify(filters)).toEqual({
        overdue: expected.overdue,
        waiting: expected.waiting,
      });
      checked++;
    }
    expect(checked).toBe(54);
  });

  it('shows why a closed case ended, and finds closed cases by that reason (the demo closes cases all three ways)', async () => {
    const sqlite = harness.core.database.sqlite;
    const reasons = (sqlite.prepare("SELECT closure_reason AS r, count(*) AS n FROM cases WHERE status = 'closed' GROUP BY 1 ORDER BY 1").all() as
      { r: string | null; n: number }[]);
    expect(reasons.map((row) => row.r)).toEqual(['completed', 'offer_expired', 'rejected']);
    const expired = await list({ ...FULL, closureReasons: ['offer_expired'] }, { key: 'received', direction: 'asc' });
    expect(expired.total).toBe(reasons.find((row) => row.r === 'offer_expired')!.n);
    expect(new Set(expired.rows.map((row) => `${row.status}:${row.closureReason}`))).toEqual(new Set(['closed:offer_expired']));
    const open = await list({ ...FULL, statuses: ['in_review'] }, { key: 'received', direction: 'asc' }, 5);
    expect(open.rows.every((row) => row.closureReason === null)).toBe(true);
  });

  it('tells working days to the due date while the clock runs, and shows waiting cases apart, never overdue', async () => {
    const page = await list({ ...FULL, statuses: ['new', 'in_review', 'waiting_for_info', 'approved'] }, { key: 'due', direction: 'asc' });
    const waitingPastDue = page.rows.filter((row) => row.status === 'waiting_for_info' && row.dueDate !== null && row.dueDate < TODAY);
    expect(waitingPastDue.length).toBeGreaterThan(0);
    for (const row of page.rows) {
      const running = (CLOCK_RUNNING_STATUSES as readonly string[]).includes(row.status);
      expect(row.waitingForInstaller).toBe(row.status === 'waiting_for_info');
      expect(row.workingDaysLeft).toBe(running && row.dueDate ? workingDaysBetween(TODAY, row.dueDate) : null);
      if (row.waitingForInstaller) expect(row.overdue).toBe(false);
      if (row.workingDaysLeft !== null) expect(row.overdue).toBe(row.workingDaysLeft < 0);
    }
    const overdue = await list({ ...FULL, statuses: [], overdueOnly: true }, { key: 'due', direction: 'asc' });
    const waiting = await list({ ...FULL, statuses: [], waitingOnly: true }, { key: 'due', direction: 'asc' });
    expect(overdue.rows.some((row) => row.waitingForInstaller)).toBe(false);
    expect(waiting.rows.every((row) => row.waitingForInstaller)).toBe(true);
    expect(waiting.rows.map((row) => row.id)).toEqual(expect.arrayContaining(waitingPastDue.map((row) => row.id)));
    expect(await counts({ ...FULL, statuses: [] })).toMatchObject({ overdue: overdue.total, waiting: waiting.total });
  });

  it('sorts by each column in both directions, cases without a due date or assignee last', async () => {
    for (const key of ['received', 'type', 'address', 'installer', 'status', 'due', 'assignee'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const page = await list({ ...FULL, statuses: ['new', 'in_review', 'waiting_for_info'] }, { key, direction }, 500);
        const values = page.rows.map((row) =>
          key === 'received' ? row.receivedAt
            : key === 'type' ? REQUEST_TYPES.indexOf(row.requestType)
            : key === 'status' ? CASE_STATUSES.indexOf(row.status)
            : key === 'address' ? row.address
            : key === 'installer' ? row.installerName
            : key === 'due' ? row.dueDate
            : row.assigneeName,
        );
        const present = values.filter((v) => v !== null);
        const firstNull = values.indexOf(null);
        if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null), `${key} ${direction}`).toBe(true);
        const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });
        const cmp = (a: string | number, b: string | number) =>
          typeof a === 'number' && typeof b === 'number' ? a - b
            : key === 'address' || key === 'installer' || key === 'assignee' ? collator.compare(String(a), String(b))
            : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
        for (let i = 1; i < present.length; i++) {
          const order = cmp(present[i - 1], present[i]);
          expect(direction === 'asc' ? order <= 0 : order >= 0, `${key} ${direction} at ${i}`).toBe(true);
        }
      }
    }
  });

  it('sees a mutation at once: a case taken with Fetch next leaves "unassigned" and joins "mine"', async () => {
    const unassigned = { ...FULL, statuses: ['new' as const], assignment: 'unassigned' as const };
    const before = await list(unassigned, { key: 'received', direction: 'asc' });
    const fetched = await harness.core.dispatch('queue.fetchNext', {});
    expect(fetched.ok).toBe(true);
    const { caseId } = (fetched as { ok: true; value: { caseId: number } }).value;
    const after = await list(unassigned, { key: 'received', direction: 'asc' });
    expect(after.total).toBe(before.total - 1);
    expect(after.rows.some((row) => row.id === caseId)).toBe(false);
    const mine = await list({ ...FULL, assignment: 'mine', statuses: ['in_review'] }, { key: 'received', direction: 'asc' });
    expect(mine.rows.some((row) => row.id === caseId)).toBe(true);
  });

  it('finds a case by its new address right after the address changed in SQLite and the index was told', async () => {
    const sqlite = harness.core.database.sqlite;
    sqlite.prepare("UPDATE cases SET address = 'Zyxwvutgata 99' WHERE id = 7").run();
    harness.core.context.casesChanged([7]);
    const page = await list({ ...FULL, search: 'zyxwvutgata' }, { key: 'received', direction: 'asc' });
    expect(page.rows.map((row) => row.id)).toEqual([7]);
  });
});
