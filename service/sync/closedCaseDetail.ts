// What a desk's first download leaves out: the detail of cases that were closed at the pull's target (history, notes,
// files, offers, billing, work orders, messages), and the parts of their own rows only the case view shows
// (CLOSED_CASE_ROW_LEFT_OUT). Closed is final (shared/rules/caseStatus.ts), most cases of a company's years are
// closed, and a case handler opens few of them again: the desk fetches one's detail when it is opened
// (GET /api/cases/:caseId/detail). Kept all the same, because screens across cases read them:
//   - for a person who sees the overview (OVERVIEW_ROLES), of cases closed within CLOSED_HISTORY_KEPT_DAYS, the
//     history its figures come from (over at most 52 weeks): the status changes and offers issued it reads
//     (OVERVIEW_HISTORY in core/overview/overviewFacts.ts). A case handler's desk never works the overview out, so
//     its first download keeps none (cacheShape: a role that changes between the two shapes fills its cache again);
//   - billing flags not yet resolved (the queue marks such a case, closed or not: core/queue/caseColumns.ts).
// A case changed after the target (its version above it) is not counted as closed: whatever happened to it since,
// its detail comes whole, so the rule never depends on a status read between two pages.
import { OVERVIEW_HISTORY } from '../../core/overview/overviewFacts';
import type { SyncedTable } from '../../core/sync/syncedTables';
import { OVERVIEW_ROLES } from '../../shared/contract/overviewView';
import type { StaffRole } from '../../shared/serviceApi';

/** 52 weeks of overview and the weeks before its first Monday, with room to spare. */
export const CLOSED_HISTORY_KEPT_DAYS = 400;

/** What a first download keeps of closed cases for a person of `role`: the overview's history, or none of it. */
export type CacheShape = 'overview' | 'casework';

export const cacheShape = (role: StaffRole): CacheShape => (OVERVIEW_ROLES.includes(role) ? 'overview' : 'casework');

/**
 * The oldest closing whose overview history a first download for `shape` keeps, as of `now`: for a case handler's
 * desk `now` itself, so none (a case closed after the pull's target counts as open, closedAt below).
 */
export function closedHistoryFrom(shape: CacheShape, now: number): string {
  return new Date(shape === 'overview' ? now - CLOSED_HISTORY_KEPT_DAYS * 86_400_000 : now).toISOString();
}

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const OVERVIEW_EVENTS = `(t.kind IN (${list(OVERVIEW_HISTORY.kinds)}) OR (t.kind = 'status_changed'
  AND (t.data ->> 'to' IN (${list(OVERVIEW_HISTORY.movesTo)}) OR t.data ->> 'from' IN (${list(OVERVIEW_HISTORY.movesFrom)}))))`;

/** Of a detail table, the closed cases (`c`) some rows of which are sent all the same, and those rows (`t`). */
interface Kept {
  cases: string;
  rows: string;
}

/** `cutoff()` names the parameter of the oldest moment whose overview history is kept; called only where it is used. */
const KEPT: Readonly<Record<string, (cutoff: () => string) => Kept>> = {
  case_events: (cutoff) => {
    const recent = `c.updated_at >= ${cutoff()}`;
    return { cases: recent, rows: `${OVERVIEW_EVENTS} AND ${recent}` };
  },
  billing_events: () => ({
    // By the partial index of open flags (central 0012): a closed case is visited only if it has one.
    cases: `EXISTS (SELECT 1 FROM billing_events f WHERE f.case_id = c.id AND f.outcome = 'flagged' AND f.resolved_at IS NULL)`,
    rows: `t.outcome = 'flagged' AND t.resolved_at IS NULL`,
  }),
};

/** A closed case (`alias`) as of the pull's target (`target` is its SQL parameter): changed since, it counts as open. */
const closedAt = (target: string, alias = 'c') => `${alias}.status = 'closed' AND ${alias}.version <= ${target}`;

/**
 * Of a closed case's own row, what only its case view shows, in sections it leaves out until the case's detail is
 * here: the owner's identity number and contact, the installer's contact person for the case, what the installer
 * wrote and the dates asked for. The queue, the search and the overview read none of it; a first download sends it
 * empty, the case's detail whole. Besides the bytes, a company's years of owners' fødselsnummer, phone numbers and
 * e-mail addresses no longer go to every desk with its first download (data minimisation, GDPR art. 5(1)(c)); a
 * closed case changed later comes whole with the change, and row-level security, not this, decides who may see a case.
 */
export const CLOSED_CASE_ROW_LEFT_OUT: readonly string[] = [
  'owner_national_id', 'owner_organisation_number', 'owner_email', 'owner_phone', 'installer_contact', 'free_text',
  'wanted_start_date', 'wanted_connection_date', 'wanted_end_date',
];

/**
 * Left out besides for a case handler's desk (the 'casework' shape): when a closed case became complete, which only
 * the overview's lead times read of a closed case, and that desk never works the overview out. The case view leaves
 * it out of the case's header until the detail is here.
 */
export const CLOSED_CASE_ROW_LEFT_OUT_FOR_CASEWORK: readonly string[] = ['complete_at'];

/**
 * A first download's SELECT item for `column` of a row of `table` (aliased `t`) where it differs from the pull's, for
 * a desk of `shape`: empty for a closed case, null where it does not.
 */
export function closedRowColumn(table: SyncedTable, column: string, target: string, shape: CacheShape): string | null {
  if (table.central !== 'cases') return null;
  const leftOut = CLOSED_CASE_ROW_LEFT_OUT.includes(column) ||
    (shape === 'casework' && CLOSED_CASE_ROW_LEFT_OUT_FOR_CASEWORK.includes(column));
  return leftOut ? `CASE WHEN NOT (${closedAt(target, 't')}) THEN t.${column} END AS ${column}` : null;
}

/**
 * The condition (on rows of `table` aliased `t`) that leaves out a closed case's detail; `target` is the SQL parameter
 * of the pull's target version, `cutoff()` adds the one of the oldest moment whose overview history is kept (only
 * where it is used). Empty for a table that is not a case's detail.
 */
export function closedDetailFilter(table: SyncedTable, target: string, cutoff: () => string): string {
  if (!table.caseColumn) return '';
  const kept = KEPT[table.central];
  return `AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = t.${table.caseColumn} AND ${closedAt(target)}
            ${kept ? `AND NOT (${kept(cutoff).rows})` : ''})`;
}

/**
 * A first download's rows of a detail table, driven by the cases in id order (`c`, each case's rows `t` by id): a
 * closed case none of whose rows are sent is passed over without reading its rows, where testing every row of the
 * table against its case read all of a company's history to leave out two thirds of it. `select` is the rows'
 * SELECT list, `after`/`target` the SQL parameters of the cursor and the target, `from` those of the case id and
 * row id the page starts after (null: from the first case). In (case id, id) order; the caller adds ORDER BY c.id,
 * t.id and the limit.
 */
export function closedDetailSource(
  table: SyncedTable & { caseColumn: string },
  params: { select: string; after: string; target: string; cutoff: () => string; from: [string, string] | null },
): string {
  const { select, after, target, from } = params;
  const kept = KEPT[table.central]?.(params.cutoff);
  const sent = kept ? `(NOT (${closedAt(target)}) OR (${kept.rows}))` : `NOT (${closedAt(target)})`;
  const casesSent = kept ? `NOT (${closedAt(target)} AND NOT (${kept.cases}))` : `NOT (${closedAt(target)})`;
  const key = table.key[0];
  return `FROM cases c CROSS JOIN LATERAL (
      SELECT ${select} FROM ${table.central} t
      WHERE t.${table.caseColumn} = c.id AND t.version > ${after} AND t.version <= ${target} AND ${sent}
        ${from ? `AND (c.id > ${from[0]} OR t.${key} > ${from[1]})` : ''}
      ORDER BY t.${key}) t
    WHERE ${from ? `c.id >= ${from[0]} AND ` : ''}${casesSent}`;
}
