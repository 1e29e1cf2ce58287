// Which status may follow which, and who may move a case. The casework issue refines this into the full
// state machine with named mutations per transition; the table is data so that the refinement stays local.
import type { CaseStatus, UserRole } from './domain';

const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['in_review', 'waiting_for_info', 'rejected'],
  in_review: ['waiting_for_info', 'approved', 'rejected'],
  waiting_for_info: ['in_review', 'rejected'],
  approved: ['offer_sent', 'completion_reported'],
  rejected: ['in_review', 'closed'],
  offer_sent: ['offer_accepted', 'approved', 'closed'],
  offer_accepted: ['invoice_sent'],
  invoice_sent: ['paid'],
  paid: ['completion_reported'],
  completion_reported: ['meter_mounted'],
  meter_mounted: ['metering_point_registered'],
  metering_point_registered: ['closed'],
  closed: [],
};

/** Moving to these needs a reason the installer or owner can read. */
export const STATUSES_REQUIRING_REASON: readonly CaseStatus[] = ['rejected'];

export function nextStatuses(from: CaseStatus, role: UserRole): readonly CaseStatus[] {
  if (role === 'reader') return [];
  return TRANSITIONS[from];
}

export function canMoveCase(from: CaseStatus, to: CaseStatus, role: UserRole): boolean {
  return nextStatuses(from, role).includes(to);
}

/** A case handler assigns to themself or releases their own case; a supervisor assigns anyone's. */
export function canAssign(
  role: UserRole,
  actorId: string,
  currentAssigneeId: string | null,
  newAssigneeId: string | null,
): boolean {
  if (role === 'supervisor') return true;
  if (role !== 'case_handler') return false;
  const takingFreeCase = currentAssigneeId === null && newAssigneeId === actorId;
  const releasingOwnCase = currentAssigneeId === actorId && newAssigneeId === null;
  return takingFreeCase || releasingOwnCase;
}

export function canWriteNotes(role: UserRole): boolean {
  return role !== 'reader';
}
