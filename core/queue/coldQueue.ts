// The queue answered by SQL while the in-memory index is still loading (the first seconds after start at a
// million cases). Its indexes hold only the cases in work, neither closed nor rejected (0030): the queue opens on
// those, and closed cases are most of a company's years. The page by received time comes by (status, submitted_at)
// where only cases in work can match, by (submitted_at) otherwise; the counts of cases in work by those indexes and
// the filters' own (type, municipality; a person's by the workload view's); how many cases there are of each status
// and request type, closed ones too, from the overview's counts (0023), kept by triggers. Only what SQL answers
// fast is asked here; anything else (another sort, a search, the expired-offer or billing flags) waits for the
// index. Closed cases filtered by municipality, person or closure reason are counted by a pass over the table
// (40–150 ms at 100 000 cases), in those first seconds only.
import type Database from 'better-sqlite3';
import type { QueueFilters } from '../../shared/contract';
import { CASE_STATUSES, CLOCK_RUNNING_STATUSES, type CaseStatus } from '../../shared/rules';
import type { QueueQuery, QueueSelection } from './queueIndex';

/** The partial indexes' condition (0030), written out in every query that may use them: SQLite does not infer it. */
const IN_WORK = `status NOT IN ('closed', 'rejected')`;
const ENDED_STATUSES: readonly CaseStatus[] = ['closed', 'rejected'];
const ENDED = `status IN (${ENDED_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const OVERDUE = `(due_date < @today AND status IN (${CLOCK_RUNNING_STATUSES.map((s) => `'${s}'`).join(', ')}))`;
const WAITING = `status = 'waiting_for_info'`;
const EXPIRED = `(status = 'offer_sent' AND
  (SELECT max(o.valid_until) FROM offers o WHERE o.case_id = cases.id AND o.state = 'issued') < @today)`;
const FLAGGED = `id IN (SELECT case_id FROM billing_events WHERE outcome = 'flagged' AND resolved_at IS NULL)`;

/** Whether SQL answers this query fast. */
export function coldAnswers(query: Pick<QueueQuery, 'filters' | 'sort'>): boolean {
  const { filters } = query;
  return query.sort.key === 'received' && filters.search.trim() === '' && !filters.offersExpiredOnly && !filters.billingFlaggedOnly;
}

interface Where {
  clauses: string[];
  params: Record<string, unknown>;
}

/** `column` is one of `values` (named parameters `@<name>0`, `@<name>1`, …); no condition when there are none. */
function anyOf(column: string, name: string, values: readonly string[]): Where {
  if (values.length === 0) return { clauses: [], params: {} };
  return {
    clauses: [`${column} IN (${values.map((_, i) => `@${name}${i}`).join(', ')})`],
    params: Object.fromEntries(values.map((value, i) => [`${name}${i}`, value])),
  };
}

const allOf = (...parts: Where[]): Where => ({
  clauses: parts.flatMap((part) => part.clauses),
  params: Object.assign({}, ...parts.map((part) => part.params)) as Record<string, unknown>,
});

/** Every filter but status and the four flags, as SQL with named parameters. */
function baseWhere(filters: QueueFilters, userId: string, today: string): Where {
  const assignment = { mine: ['assignee_id = @userId'], unassigned: ['assignee_id IS NULL'], all: [] }[filters.assignment];
  return allOf(
    { clauses: assignment, params: { today, userId } },
    anyOf('request_type', 'type', filters.types),
    anyOf('municipality_number', 'municipality', filters.municipalities),
    anyOf('closure_reason', 'closure', filters.closureReasons),
  );
}

const whereOf = (clauses: string[]) => (clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '');

export interface ColdCounts {
  byStatus: Record<CaseStatus, number>;
  overdue: number;
  waiting: number;
  offersExpired: number;
  billingFlagged: number;
}

export class ColdQueue {
  constructor(private readonly sqlite: Database.Database) {}

  private count(where: string[], params: Record<string, unknown>): number {
    return this.sqlite.prepare(`SELECT count(*) FROM cases ${whereOf(where)}`).pluck().get(params) as number;
  }

  /** The page and how many cases match: a count and a walk along one index, no counts per status. */
  page(query: QueueQuery): Pick<QueueSelection, 'total' | 'pageIds'> {
    const { filters } = query;
    const base = baseWhere(filters, query.userId, query.today);
    const statuses = anyOf('status', 'status', filters.statuses);
    const where = [...base.clauses, ...flagClauses(filters), ...statuses.clauses, ...(onlyInWork(filters) ? [IN_WORK] : [])];
    const params = { ...base.params, ...statuses.params };
    const direction = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
    const pageIds = this.sqlite
      .prepare(`SELECT id FROM cases ${whereOf(where)} ORDER BY submitted_at ${direction}, id ${direction} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: query.limit, offset: query.offset }) as number[];
    const total = byTypeAndStatusAlone(filters)
      ? this.typeStatusCounts(filters, statuses).reduce((sum, row) => sum + row.n, 0)
      : this.count(where, params);
    return { total, pageIds };
  }

  /** The counts beside the queue, under the same rules as QueueIndex.select. */
  counts(query: Omit<QueueQuery, 'sort' | 'offset' | 'limit' | 'searchHits'>): ColdCounts {
    const { filters } = query;
    const base = baseWhere(filters, query.userId, query.today);
    const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
    const inWork = this.sqlite
      .prepare(`SELECT status, count(*) AS n FROM cases ${whereOf([...base.clauses, ...flagClauses(filters), IN_WORK])} GROUP BY status`)
      .all(base.params) as StatusCount[];
    for (const row of [...inWork, ...this.endedCounts(filters, base)]) byStatus[row.status] = row.n;
    const countWith = (extra: string) => this.count([...base.clauses, extra, IN_WORK], base.params);
    return {
      byStatus,
      overdue: countWith(OVERDUE),
      waiting: countWith(WAITING),
      offersExpired: countWith(EXPIRED),
      billingFlagged: this.count([...base.clauses, FLAGGED], base.params),
    };
  }

  /** Closed and rejected cases per status: none under the overdue or waiting flag, both of which mean in work. */
  private endedCounts(filters: QueueFilters, base: Where): StatusCount[] {
    if (filters.overdueOnly || filters.waitingOnly) return [];
    if (byTypeAndStatusAlone(filters)) return this.typeStatusCounts(filters, anyOf('status', 'status', ENDED_STATUSES));
    return this.sqlite
      .prepare(`SELECT status, count(*) AS n FROM cases ${whereOf([...base.clauses, ENDED])} GROUP BY status`)
      .all(base.params) as StatusCount[];
  }

  /** Cases per status under a request type and status filter, from the overview's counts (0023), not from `cases`. */
  private typeStatusCounts(filters: QueueFilters, statuses: Where): StatusCount[] {
    const where = allOf(anyOf('request_type', 'type', filters.types), statuses);
    return this.sqlite
      .prepare(`SELECT status, sum(n) AS n FROM overview_type_status ${whereOf(where.clauses)} GROUP BY status`)
      .all(where.params) as StatusCount[];
  }
}

interface StatusCount {
  status: CaseStatus;
  n: number;
}

/** Whether only cases in work can match: the partial indexes (0030) may then be used. */
function onlyInWork(filters: QueueFilters): boolean {
  const statusesInWork = filters.statuses.length > 0 && filters.statuses.every((status) => !ENDED_STATUSES.includes(status));
  return statusesInWork || filters.overdueOnly || filters.waitingOnly;
}

/** Whether the overview's counts per request type and status answer how many cases match: no other filter is set. */
function byTypeAndStatusAlone(filters: QueueFilters): boolean {
  return filters.municipalities.length === 0 && filters.closureReasons.length === 0 && filters.assignment === 'all'
    && !filters.overdueOnly && !filters.waitingOnly;
}

function flagClauses(filters: QueueFilters): string[] {
  return [...(filters.overdueOnly ? [OVERDUE] : []), ...(filters.waitingOnly ? [WAITING] : [])];
}
