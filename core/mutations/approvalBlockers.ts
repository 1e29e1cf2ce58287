// What stands in the way of approving a case: its checklist must be complete (every item met or overridden with a
// reason), its installer active in DSB's register of electrical businesses, and — for work that adds load or
// production — a grid assessment recorded that does not find the connection unsound (NEM-forskriften § 3-7). Read by the case view (to explain
// a disabled button) and by `case.approve` (to refuse with the same words).
import type Database from 'better-sqlite3';
import type { ApprovalBlocker } from '../../shared/contract';
import { caseCompleteness } from '../casework/completenessService';
import { installerCheckFor } from '../casework/installerCheckService';
import { GRID_ASSESSMENT_COLUMNS, gridApprovalBlocker, type GridAssessmentRow } from '../casework/gridAssessmentFacts';

export function approvalBlockersOf(sqlite: Database.Database, caseId: number, today: string): ApprovalBlocker[] {
  const blockers: ApprovalBlocker[] = [];
  if (!caseCompleteness(sqlite, caseId).complete) blockers.push({ code: 'decision.incomplete' });
  const check = installerCheckFor(sqlite, caseId, today);
  if (check.approvalBlock !== null) {
    blockers.push({
      code: 'decision.installerNotActive',
      params: { installer: check.installer.name, dsbStatus: check.dsb.state },
    });
  }
  const row = sqlite.prepare(`SELECT ${GRID_ASSESSMENT_COLUMNS} FROM cases WHERE id = ?`).get(caseId) as GridAssessmentRow | undefined;
  const grid = row ? gridApprovalBlocker(row) : null;
  if (grid) blockers.push(grid);
  return blockers;
}
