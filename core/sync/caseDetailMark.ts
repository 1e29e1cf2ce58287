// The mark a first download leaves on a closed case whose detail (and part of its own row) stays on the service
// (service/sync/closedCaseDetail.ts): set by pullChanges, cleared when caseDetailOnDemand has fetched the case.
import type Database from 'better-sqlite3';

/** Whether the case's detail is still only on the service. */
export function detailOnServer(sqlite: Database.Database, caseId: number): boolean {
  return sqlite.prepare('SELECT 1 FROM case_detail_on_server WHERE case_id = ?').get(caseId) !== undefined;
}
