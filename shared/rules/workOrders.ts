// Area suppliers' framework agreements and the work orders placed with them (domain.md, "Routing"): which supplier
// takes which work in which municipality, when the work is due, and what done work does to the case. Pure: no I/O.
import type { CaseStatus, GridWorkKind, WorkPerformer } from './domain';
import { GRID_WORK_KINDS } from './domain';
import { PREQUALIFICATION_FOR_WORK } from './gridWork';
import { addWorkingDays } from './workingDays';

/**
 * The work an area supplier's agreement can include: what an installer could be prequalified for. Transformer-
 * connected metering never leaves the grid company (gridWork.ts), so no agreement names it.
 */
export const AGREEMENT_WORK_KINDS = GRID_WORK_KINDS.filter((kind) => PREQUALIFICATION_FOR_WORK[kind] !== null);
export type AgreementWorkKind = (typeof AGREEMENT_WORK_KINDS)[number];

/** The agreement's due time for a work, in working days from the day it is ordered. */
export const AGREEMENT_DAYS_LIMITS = { min: 1, max: 60 } as const;

/** What the agreement includes: the due time in working days per kind of work. */
export type AgreementWork = Partial<Record<GridWorkKind, number>>;

export interface SupplierAgreement {
  id: number;
  name: string;
  municipalityNumbers: readonly string[];
  work: AgreementWork;
}

export const WORK_ORDER_STATUSES = ['ordered', 'accepted', 'done'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** ordered → accepted → done, one step at a time; nothing after done. */
export function nextWorkOrderStatus(status: WorkOrderStatus): WorkOrderStatus | null {
  const index = WORK_ORDER_STATUSES.indexOf(status);
  return WORK_ORDER_STATUSES[index + 1] ?? null;
}

/**
 * The supplier whose agreement covers the municipality and includes the work: the first by name (then id), so the
 * same case always gets the same proposal. Null is a gap in the agreements, to show — not an error.
 */
export function supplierForWork(
  suppliers: readonly SupplierAgreement[],
  municipalityNumber: string,
  kind: GridWorkKind,
): SupplierAgreement | null {
  const covering = suppliers
    .filter((s) => s.municipalityNumbers.includes(municipalityNumber) && typeof s.work[kind] === 'number')
    .sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id - b.id);
  return covering[0] ?? null;
}

/** The order is due `agreementDays` working days after the day it was placed (weekends and holidays skipped). */
export function workOrderDueDate(orderedOn: string, agreementDays: number): string {
  return addWorkingDays(orderedOn, agreementDays);
}

/** Not done and past its due date (due today is not yet overdue). */
export function isWorkOrderOverdue(order: { status: WorkOrderStatus; dueDate: string }, today: string): boolean {
  return order.status !== 'done' && order.dueDate < today;
}

export interface WorkNeed {
  kind: GridWorkKind;
  installerMay: boolean;
  /** The routing decision recorded on the case for this work, if any. */
  decided: { performer: WorkPerformer; supplierId: number | null } | null;
}

export type WorkOrderProposal =
  | { kind: GridWorkKind; state: 'proposed'; supplier: SupplierAgreement; agreementDays: number }
  | { kind: GridWorkKind; state: 'gap' }
  | { kind: GridWorkKind; state: 'ordered'; orderId: string };

/**
 * For each piece of grid-side work the case needs and nobody else does, what to order from whom: work the installer
 * may do (or that the handler gave to the installer or the grid company) needs no order; work that only the grid
 * company may do (transformer meters) neither. A handler's choice of a supplier wins over the first one found, as
 * long as that supplier's agreement still covers the work here. Work already ordered (and not cancelled) shows as
 * ordered.
 */
export function proposeWorkOrders(input: {
  municipalityNumber: string;
  needs: readonly WorkNeed[];
  suppliers: readonly SupplierAgreement[];
  orders: ReadonlyArray<{ id: string; workKind: GridWorkKind }>;
}): WorkOrderProposal[] {
  const proposals: WorkOrderProposal[] = [];
  for (const need of input.needs) {
    const ordered = input.orders.find((order) => order.workKind === need.kind);
    if (ordered) {
      proposals.push({ kind: need.kind, state: 'ordered', orderId: ordered.id });
      continue;
    }
    if (PREQUALIFICATION_FOR_WORK[need.kind] === null) continue;
    const performer = need.decided?.performer ?? (need.installerMay ? 'installer' : 'area_supplier');
    if (performer !== 'area_supplier') continue;
    const chosen = need.decided?.supplierId
      ? input.suppliers.find((s) => s.id === need.decided?.supplierId
        && s.municipalityNumbers.includes(input.municipalityNumber) && typeof s.work[need.kind] === 'number')
      : undefined;
    const supplier = chosen ?? supplierForWork(input.suppliers, input.municipalityNumber, need.kind);
    proposals.push(supplier
      ? { kind: need.kind, state: 'proposed', supplier, agreementDays: supplier.work[need.kind]! }
      : { kind: need.kind, state: 'gap' });
  }
  return proposals;
}

/** Meter work an order can be: when it is done the meter is up (transformer metering is never ordered). */
const METER_WORK: readonly GridWorkKind[] = ['direct_meter_mounting'];

/**
 * What done work does to the case (issue 6, "done work advances the case"). The meter is mounted when the work
 * order for it is done; the case moves from `completion_reported` to `meter_mounted` (the action
 * registerMeterMounted) when the completion notice is in, every work order of the case is done, and one of them
 * was meter mounting. Any other done work moves no status: it is recorded in the history (work_order_done) and
 * shown with the case's routing. Checked when an order becomes done and when the completion notice arrives (the
 * work may be done first); PostgreSQL applies the same rule in both places (central migration 0014,
 * desk_advance_case_after_work_done).
 */
export function caseAdvanceAfterWorkDone(
  caseStatus: CaseStatus,
  orders: ReadonlyArray<{ workKind: GridWorkKind; status: WorkOrderStatus }>,
  gridCustomerNamed: boolean,
): 'registerMeterMounted' | null {
  if (caseStatus !== 'completion_reported' || orders.length === 0) return null;
  // As for the handler's own registerMeterMounted (issue 13): the meter waits for a named grid customer; the work
  // stays recorded done and the handler registers the meter once the grid customer is named.
  if (!gridCustomerNamed) return null;
  if (!orders.every((order) => order.status === 'done')) return null;
  return orders.some((order) => METER_WORK.includes(order.workKind)) ? 'registerMeterMounted' : null;
}

/** The rule's name as the status change's history records it (`status_changed.data.rule`). */
export const WORK_DONE_RULE = 'workOrdersDone';
