// When grid-side work on a case is released — may be ordered and done — and from which day its clock runs (issue 13,
// item 4). One rule for the desk's panel and order, the central service's applier and the screen's words. Pure.
//
// The practice behind it: the work at the connection point waits until the owner has paid the anleggsbidrag, or
// has accepted the offer where the grid company releases on acceptance (company setting `release_on_acceptance`;
// kontrollforskriften FOR-1999-03-11-302 §§ 16-1, 16-2; see rules/decisionMessages.ts). A case that costs no
// contribution is released by its approval, which is the installer's go-ahead. The meter is mounted only once the
// ferdigmelding is in (Troms Kraft Nett, "Målermontering"; Lede, "Plassering av måler"; rules/meterClock.ts): meter
// work is released by the ferdigmelding that completes the case (a partial one leaves the case, and the one meter
// order for it, waiting for the last part).
import type { CaseStatus, GridWorkKind } from './domain';
import { workOrderDueDate } from './workOrders';

/** The step that releases a work. */
export type WorkReleaseStep = 'approval' | 'acceptance' | 'payment' | 'completionNotice';

/** What a not yet released work waits for: a release step, the offer being sent, or nothing (the case has ended). */
export type WorkReleaseWait = WorkReleaseStep | 'offerSent' | 'caseEnded';

export type WorkRelease =
  | {
      released: true;
      by: WorkReleaseStep;
      /** `YYYY-MM-DD`: the day of the release, or null where the history does not say (cases from before it did). */
      on: string | null;
    }
  | { released: false; awaits: WorkReleaseWait };

export interface WorkReleaseFacts {
  status: CaseStatus;
  /** The case is settled by an offer (one drafted or issued, or its request type's default: rules/decisionMessages.ts approvalNextStep). */
  offerCase: boolean;
  releaseOnAcceptance: boolean;
  /**
   * `YYYY-MM-DD` of each step: a billing step the first day it happened, a status the last time the case reached it
   * (a case sent back and approved again is released by the new approval); null when it has not, or the history does not say.
   */
  approvedOn: string | null;
  acceptedOn: string | null;
  paidOn: string | null;
  completionReportedOn: string | null;
}

/** Work released only by the ferdigmelding: the meter is mounted after the installer reports the work done. */
export const WORK_RELEASED_BY_COMPLETION: readonly GridWorkKind[] = ['direct_meter_mounting', 'transformer_meter_mounting'];

const BEFORE_APPROVAL: readonly CaseStatus[] = ['new', 'in_review', 'waiting_for_info'];
const AFTER_APPROVAL: readonly CaseStatus[] = ['approved', 'offer_sent', 'offer_accepted', 'invoice_sent', 'paid'];
const AFTER_COMPLETION: readonly CaseStatus[] = ['completion_reported', 'meter_mounted', 'metering_point_registered'];
const ACCEPTED: readonly CaseStatus[] = ['offer_accepted', 'invoice_sent'];

/**
 * Whether `kind` of work is released on a case with these facts. Statuses not on the path from approval to the
 * registered metering point (rejected, closed, developer project, termination, and any ending added later) release
 * nothing: no work is ordered on an ended case.
 */
export function workRelease(kind: GridWorkKind, facts: WorkReleaseFacts): WorkRelease {
  const { status } = facts;
  if (BEFORE_APPROVAL.includes(status)) return { released: false, awaits: 'approval' };
  const completed = AFTER_COMPLETION.includes(status);
  if (!completed && !AFTER_APPROVAL.includes(status)) return { released: false, awaits: 'caseEnded' };
  if (WORK_RELEASED_BY_COMPLETION.includes(kind)) {
    return completed
      ? { released: true, by: 'completionNotice', on: facts.completionReportedOn }
      : { released: false, awaits: 'completionNotice' };
  }
  if (!facts.offerCase) return { released: true, by: 'approval', on: facts.approvedOn };
  if (status === 'paid' || completed) {
    // Released at acceptance already where the company did so then; otherwise by the payment.
    if (facts.releaseOnAcceptance && facts.acceptedOn !== null) return { released: true, by: 'acceptance', on: facts.acceptedOn };
    return { released: true, by: 'payment', on: facts.paidOn };
  }
  if (ACCEPTED.includes(status) && facts.releaseOnAcceptance) return { released: true, by: 'acceptance', on: facts.acceptedOn };
  if (status === 'approved') return { released: false, awaits: 'offerSent' };
  return { released: false, awaits: status === 'offer_sent' && facts.releaseOnAcceptance ? 'acceptance' : 'payment' };
}

/**
 * A released work's due date: the agreement's working days counted from the release, not from the day someone
 * ordered it — or from that day where the history does not say when the release was. An order placed so late that
 * the release's clock has run out by the order day is counted from the order day instead: a supplier cannot be due
 * before it has the order (central work_orders_due_after_order holds the same).
 */
export function releasedWorkDueDate(release: Extract<WorkRelease, { released: true }>, orderedOn: string, agreementDays: number): string {
  const fromRelease = workOrderDueDate(release.on ?? orderedOn, agreementDays);
  return fromRelease > orderedOn ? fromRelease : workOrderDueDate(orderedOn, agreementDays);
}
