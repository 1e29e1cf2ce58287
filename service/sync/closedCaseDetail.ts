// What a desk's first download leaves out: the detail of cases that were closed at the pull's target (history, notes,
// files, offers, billing, work orders, messages). Closed is final (shared/rules/caseStatus.ts), most cases of a
// company's years are closed, and a case handler opens few of them again: the desk fetches one's detail when it is
// opened (GET /api/cases/:caseId/detail). Kept all the same, because screens across cases read them:
//   - of cases closed within CLOSED_HISTORY_KEPT_DAYS, the history the overview's figures come from (over at most
//     52 weeks): the status changes and offers issued it reads (OVERVIEW_HISTORY in core/overview/overviewFacts.ts);
//   - billing flags not yet resolved (the queue marks such a case, closed or not: core/queue/caseColumns.ts).
// A case changed after the target (its version above it) is not counted as closed: whatever happened to it since,
// its detail comes whole, so the rule never depends on a status read between two pages.
import { OVERVIEW_HISTORY } from '../../core/overview/overviewFacts';
import type { SyncedTable } from '../../core/sync/syncedTables';

/** 52 weeks of overview and the weeks before its first Monday, with room to spare. */
export const CLOSED_HISTORY_KEPT_DAYS = 400;

/** Per detail table, the rows of a closed case that are sent all the same (`t` is the row). */
const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const OVERVIEW_EVENTS = `(t.kind IN (${list(OVERVIEW_HISTORY.kinds)}) OR (t.kind = 'status_changed'
  AND (t.data ->> 'to' IN (${list(OVERVIEW_HISTORY.movesTo)}) OR t.data ->> 'from' IN (${list(OVERVIEW_HISTORY.movesFrom)}))))`;

const KEPT: Readonly<Record<string, (cutoff: () => string) => string>> = {
  case_events: (cutoff) => `${OVERVIEW_EVENTS} AND c.updated_at >= ${cutoff()}`,
  billing_events: () => `t.outcome = 'flagged' AND t.resolved_at IS NULL`,
};

/**
 * The condition (on rows of `table` aliased `t`) that leaves out a closed case's detail; `target` is the SQL parameter
 * of the pull's target version, `cutoff()` adds the one of the oldest moment whose overview history is kept (only
 * where it is used). Empty for a table that is not a case's detail.
 */
export function closedDetailFilter(table: SyncedTable, target: string, cutoff: () => string): string {
  if (!table.caseColumn) return '';
  const kept = KEPT[table.central]?.(cutoff);
  return `AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = t.${table.caseColumn} AND c.status = 'closed' AND c.version <= ${target}
            ${kept ? `AND NOT (${kept})` : ''})`;
}
