// The mark a first download leaves on a closed case whose detail (and part of its own row) stays on the service
// (service/sync/closedCaseDetail.ts): set by pullChanges with the page that brings the case's row, so that a case
// opened while the download still runs says so and gets its detail; cleared when caseDetailOnDemand has fetched it.
import type Database from 'better-sqlite3';

/** Whether the case's detail is still only on the service. */
export function detailOnServer(sqlite: Database.Database, caseId: number): boolean {
  return sqlite.prepare('SELECT 1 FROM case_detail_on_server WHERE case_id = ?').get(caseId) !== undefined;
}

/**
 * Marks the cases among `caseIds` (a first download's page brought their rows) that were closed at the pull's
 * target: the service left out their detail (a case changed since came whole).
 */
export function markDetailOnServer(sqlite: Database.Database, caseIds: readonly number[], target: number): void {
  if (caseIds.length === 0) return;
  sqlite
    .prepare(`INSERT OR IGNORE INTO case_detail_on_server (case_id)
      SELECT id FROM cases WHERE id IN (SELECT value FROM json_each(?)) AND status = 'closed' AND version <= ?`)
    .run(JSON.stringify(caseIds), target);
}

/** Every closed case: what a first download begun by an older desk (which marked them only at its end) still does. */
export function markAllClosedDetailOnServer(sqlite: Database.Database): void {
  sqlite.prepare("INSERT OR IGNORE INTO case_detail_on_server (case_id) SELECT id FROM cases WHERE status = 'closed'").run();
}
