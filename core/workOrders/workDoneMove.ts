// Whether done work moves the case on (rules/workOrders.ts caseAdvanceAfterWorkDone), read from the local cache: run
// when an order becomes done and when the completion notice puts the case in completion_reported, since the work
// may be done before the notice arrives. PostgreSQL applies the same rule in both places (0014's
// desk_advance_case_after_work_done).
import type Database from 'better-sqlite3';
import {
  CASE_ACTIONS, WORK_DONE_RULE, caseAdvanceAfterWorkDone, type CaseStatus, type GridWorkKind, type WorkOrderStatus,
} from '../../shared/rules';

export interface WorkDoneMove {
  to: CaseStatus;
  event: { kind: 'status_changed'; data: { from: CaseStatus; to: CaseStatus; rule: typeof WORK_DONE_RULE } };
}

/** The move the case's work orders call for from `from`, or null; the caller writes it. */
export function workDoneMove(sqlite: Database.Database, caseId: number, from: CaseStatus): WorkDoneMove | null {
  const orders = (sqlite.prepare('SELECT work_kind, status FROM work_orders WHERE case_id = ?').all(caseId) as
    Array<{ work_kind: GridWorkKind; status: WorkOrderStatus }>).map((o) => ({ workKind: o.work_kind, status: o.status }));
  const customer = sqlite.prepare('SELECT grid_customer_name FROM cases WHERE id = ?').get(caseId) as { grid_customer_name: string | null } | undefined;
  const action = caseAdvanceAfterWorkDone(from, orders, Boolean(customer?.grid_customer_name));
  if (!action) return null;
  const to = CASE_ACTIONS[action].to;
  return { to, event: { kind: 'status_changed', data: { from, to, rule: WORK_DONE_RULE } } };
}
