// The queue answered by SQL while the in-memory index is still loading (the first seconds after start at a
// million cases): the page by received time comes by the (status, submitted_at) and (submitted_at) indexes,
// the counts by the (status, submitted_at) index and those of the filters (type, municipality, assignee). Only what
// SQL answers fast is asked here; anything else (another sort, a search, the expired-offer or billing flags) waits
// for the index.
import type Database from 'better-sqlite3';
import type { QueueFilters } from '../../shared/contract';
import { CASE_STATUSES, CLOCK_RUNNING_STATUSES, type CaseStatus } from '../../shared/rules';
import type { QueueQuery, QueueSelection } from './queueIndex';

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

/** Every filter but status and the four flags, as SQL with named parameters. */
function baseWhere(filters: QueueFilters, userId: string, today: string): Where {
  const clauses: string[] = [];
  const params: Record<string, unknown> = { today, userId };
  const anyOf = (column: string, name: string, values: readonly string[]) => {
    if (values.length === 0) return;
    clauses.push(`${column} IN (${values.map((_, i) => `@${name}${i}`).join(', ')})`);
    values.forEach((value, i) => (params[`${name}${i}`] = value));
  };
  anyOf('request_type', 'type', filters.types);
  anyOf('municipality_number', 'municipality', filters.municipalities);
  anyOf('closure_reason', 'closure', filters.closureReasons);
  if (filters.assignment === 'mine') clauses.push('assignee_id = @userId');
  if (filters.assignment === 'unassigned') clauses.push('assignee_id IS NULL');
  return { clauses, params };
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
    const params = { ...base.params, ...Object.fromEntries(filters.statuses.map((s, i) => [`status${i}`, s])) };
    const where = [
      ...base.clauses,
      ...flagClauses(filters),
      ...(filters.statuses.length > 0 ? [`status IN (${filters.statuses.map((_, i) => `@status${i}`).join(', ')})`] : []),
    ];
    const direction = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
    const pageIds = this.sqlite
      .prepare(`SELECT id FROM cases ${whereOf(where)} ORDER BY submitted_at ${direction}, id ${direction} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: query.limit, offset: query.offset }) as number[];
    return { total: this.count(where, params), pageIds };
  }

  /** The counts beside the queue, under the same rules as QueueIndex.select. */
  counts(query: Omit<QueueQuery, 'sort' | 'offset' | 'limit' | 'searchHits'>): ColdCounts {
    const base = baseWhere(query.filters, query.userId, query.today);
    const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
    const perStatus = this.sqlite
      .prepare(`SELECT status, count(*) AS n FROM cases ${whereOf([...base.clauses, ...flagClauses(query.filters)])} GROUP BY status`)
      .all(base.params) as Array<{ status: CaseStatus; n: number }>;
    for (const row of perStatus) byStatus[row.status] = row.n;
    const countWith = (extra: string) => this.count([...base.clauses, extra], base.params);
    return {
      byStatus,
      overdue: countWith(OVERDUE),
      waiting: countWith(WAITING),
      offersExpired: countWith(EXPIRED),
      billingFlagged: countWith(FLAGGED),
    };
  }
}

function flagClauses(filters: QueueFilters): string[] {
  return [...(filters.overdueOnly ? [OVERDUE] : []), ...(filters.waitingOnly ? [WAITING] : [])];
}
