import type Database from 'better-sqlite3';
import type { CaseStatus } from '../../shared/rules';
import { fail } from '../../shared/contract';

export interface CaseHead {
  id: number;
  status: CaseStatus;
  assignee_id: string | null;
  case_number: string;
  /** The fencing token of the claim this client last saw; writes to the case present it centrally. */
  claim_token: number;
}

/** The few columns mutations decide on; fails with `case.notFound` for an unknown id. */
export function loadCaseHead(sqlite: Database.Database, caseId: number): CaseHead {
  const row = sqlite.prepare('SELECT id, status, assignee_id, case_number, claim_token FROM cases WHERE id = ?').get(caseId) as
    | CaseHead
    | undefined;
  return row ?? fail('case.notFound', { caseId });
}
