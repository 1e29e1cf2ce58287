// The life of a case: every change of status is a named action with the statuses it may start from, the one it
// leads to, and who may take it. Actions taken by the system (an import, a rule, the billing file) are not
// offered to people. Nothing else moves a case: the mutations are made from this table.
import type { CaseStatus, UserRole } from './domain';
import { OPEN_STATUSES, WITHDRAWABLE_STATUSES } from './caseClosure';
import { addWorkingDays, workingDaysBetween } from './workingDays';

type Actor = UserRole | 'system';
const PEOPLE: readonly Actor[] = ['case_handler', 'supervisor'];
const SYSTEM: readonly Actor[] = ['system'];

export interface CaseAction {
  from: readonly CaseStatus[];
  to: CaseStatus;
  by: readonly Actor[];
  /** The action must say why, in words the installer or owner can read. */
  needsReason?: boolean;
}

export const CASE_ACTIONS = {
  startReview: { from: ['new'], to: 'in_review', by: PEOPLE },
  requestInformation: { from: ['new', 'in_review'], to: 'waiting_for_info', by: PEOPLE },
  receiveSupplement: { from: ['waiting_for_info'], to: 'in_review', by: SYSTEM },
  approve: { from: ['in_review'], to: 'approved', by: PEOPLE },
  /** A rule the grid company switched on (simple work at a metering point that passes every check). */
  approveByRule: { from: ['new'], to: 'approved', by: SYSTEM },
  reject: { from: ['new', 'in_review', 'waiting_for_info'], to: 'rejected', by: PEOPLE, needsReason: true },
  reopen: { from: ['rejected'], to: 'in_review', by: PEOPLE },
  referToDeveloperProject: { from: ['new', 'in_review'], to: 'developer_project', by: PEOPLE, needsReason: true },
  returnToNormalFlow: { from: ['developer_project'], to: 'in_review', by: PEOPLE },
  sendOffer: { from: ['approved'], to: 'offer_sent', by: PEOPLE },
  withdrawOffer: { from: ['offer_sent'], to: 'approved', by: PEOPLE, needsReason: true },
  acceptOffer: { from: ['offer_sent'], to: 'offer_accepted', by: [...PEOPLE, 'system'] },
  sendInvoice: { from: ['offer_accepted'], to: 'invoice_sent', by: [...PEOPLE, 'system'] },
  registerPayment: { from: ['invoice_sent'], to: 'paid', by: [...PEOPLE, 'system'] },
  /**
   * Work without an investment contribution goes straight from approval to completion. Companies that release
   * the work on acceptance can get the notice while the invoice is still out; it is never refused.
   */
  receiveCompletionNotice: {
    from: ['approved', 'offer_accepted', 'invoice_sent', 'paid'],
    to: 'completion_reported',
    by: SYSTEM,
  },
  receiveTerminationRequest: {
    from: ['approved', 'offer_accepted', 'paid', 'meter_mounted', 'metering_point_registered', 'connected'],
    to: 'termination_requested',
    by: SYSTEM,
  },
  registerMeterMounted: { from: ['completion_reported'], to: 'meter_mounted', by: PEOPLE },
  registerMeteringPoint: { from: ['meter_mounted'], to: 'metering_point_registered', by: PEOPLE },
  // Construction power as it runs (rules/constructionPower.ts): connected with the start reading, in use until the
  // installer, the portal or a handler asks for it to end, taken down with the final reading, and closed once its
  // metering point is deregistered. A terminated case is no longer closed without its final reading.
  registerConnection: { from: ['approved', 'offer_accepted', 'invoice_sent', 'paid'], to: 'connected', by: PEOPLE },
  /** A termination asked for by phone or e-mail, registered by the handler; the installer's message is the system's. */
  registerTerminationRequest: { from: ['connected'], to: 'termination_requested', by: PEOPLE },
  registerDisconnection: { from: ['termination_requested'], to: 'disconnected', by: PEOPLE },
  deregisterMeteringPoint: { from: ['disconnected'], to: 'closed', by: PEOPLE },
  close: {
    from: ['metering_point_registered', 'rejected', 'developer_project'],
    to: 'closed',
    by: PEOPLE,
  },
  /** Information asked for came by phone, e-mail or letter instead of the portal; the reason says how. */
  resume: { from: ['waiting_for_info'], to: 'in_review', by: PEOPLE, needsReason: true },
  /** The owner declines the offer: told by phone or letter (people) or answered in the portal (system). */
  declineOffer: { from: ['offer_sent'], to: 'closed', by: [...PEOPLE, 'system'] },
  /** The offer's validity ran out unanswered: registered by people, or closed by the service's sweep. */
  expireOffer: { from: ['offer_sent'], to: 'closed', by: [...PEOPLE, 'system'] },
  /** The installer or the owner withdraws the request (after acceptance: a cancellation); the portal is system. */
  withdraw: { from: WITHDRAWABLE_STATUSES, to: 'closed', by: [...PEOPLE, 'system'] },
  /** Ended for a reason of its own (done, a duplicate, other in words). */
  closeWithReason: { from: OPEN_STATUSES, to: 'closed', by: PEOPLE },
} as const satisfies Record<string, CaseAction>;

export type CaseActionName = keyof typeof CASE_ACTIONS;
export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as CaseActionName[];

export function canTakeAction(action: CaseActionName, from: CaseStatus, actor: Actor): boolean {
  const rule: CaseAction = CASE_ACTIONS[action];
  return rule.from.includes(from) && rule.by.includes(actor);
}

/** The actions a person with this role may take on a case in this status, in table order. */
export function actionsFor(from: CaseStatus, role: UserRole): CaseActionName[] {
  return CASE_ACTION_NAMES.filter((action) => canTakeAction(action, from, role));
}

/**
 * Statuses a person may move a case to from here by a bare change of status (any action leading there). Not
 * `closed`: a closed case carries why it ended, which only the closing actions record (rules/caseClosure.ts).
 */
export function nextStatuses(from: CaseStatus, role: UserRole): readonly CaseStatus[] {
  const to = actionsFor(from, role).map((action) => CASE_ACTIONS[action].to as CaseStatus);
  return [...new Set(to.filter((status) => status !== 'closed'))];
}

export function canMoveCase(from: CaseStatus, to: CaseStatus, role: UserRole): boolean {
  return nextStatuses(from, role).includes(to);
}

/** Whether a person (not only the system) may ever take this action. */
export function isPeopleAction(action: CaseActionName): boolean {
  const rule: CaseAction = CASE_ACTIONS[action];
  return rule.by.some((actor) => actor !== 'system');
}

/**
 * The day the service clock was paused, after a move: waiting for the installer pauses it (from today); leaving
 * the wait ends the pause; any other move keeps what was there.
 */
export function clockPausedOnAfter(
  from: CaseStatus,
  to: CaseStatus,
  today: string,
  pausedOn: string | null,
): string | null {
  if (to === 'waiting_for_info') return from === 'waiting_for_info' ? pausedOn : today;
  if (from === 'waiting_for_info') return null;
  return pausedOn;
}

/**
 * The due date once a wait for the installer ends, by a supplement or a person resuming the case: the installer's
 * time does not count, so it moves by the working days the clock stood still.
 */
export function dueDateAfterPause(dueDate: string | null, pausedOn: string | null, today: string): string | null {
  if (dueDate === null || pausedOn === null) return dueDate;
  return addWorkingDays(dueDate, Math.max(0, workingDaysBetween(pausedOn, today)));
}

/** Moving to these needs a reason the installer or owner can read. */
export const STATUSES_REQUIRING_REASON: readonly CaseStatus[] = ['rejected', 'developer_project'];

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
