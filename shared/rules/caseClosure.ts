// Why a case ended. Every closed case carries one of these codes (cases.closure_reason) and, where people wrote
// them, their words (cases.decision_reason). The codes are stable; people read them through the i18n files.
import type { CaseStatus } from './domain';

export const CLOSURE_REASONS = [
  /** The work is done: metering point registered, construction power terminated. */
  'completed',
  'owner_declined',
  'offer_expired',
  'withdrawn_by_installer',
  'withdrawn_by_owner',
  /** Sent twice, or sent in error. */
  'duplicate',
  'other',
  /** A rejected advance notice that was closed; the rejection's reason stands. */
  'rejected',
  /** Taken out of the normal flow as a developer's project and closed here. */
  'developer_project',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** The reasons a person picks when closing a case with a reason (the others have their own action). */
export const CLOSE_WITH_REASON_CHOICES = ['completed', 'duplicate', 'other'] as const satisfies readonly ClosureReason[];
export type CloseWithReasonChoice = (typeof CLOSE_WITH_REASON_CHOICES)[number];

/** Reasons that need the handler's words: "other" says nothing by itself. */
export const CLOSURE_REASONS_NEEDING_WORDS: readonly ClosureReason[] = ['other'];

export const WITHDRAWN_BY = ['installer', 'owner'] as const;
export type WithdrawnBy = (typeof WITHDRAWN_BY)[number];

export const withdrawalReasonOf = (by: WithdrawnBy): ClosureReason =>
  by === 'installer' ? 'withdrawn_by_installer' : 'withdrawn_by_owner';

/**
 * Open statuses: a case in any of these can still be withdrawn or closed with a reason. A rejected case is
 * decided (it is closed by `close` or reopened), a closed one is over. Construction power whose cabinet stands
 * (connected, termination requested, disconnected) ends only through its final reading and the metering point's
 * deregistration (rules/constructionPower.ts): closing it any other way would lose the reading the rent is billed on.
 */
export const OPEN_STATUSES = [
  'new', 'in_review', 'waiting_for_info', 'approved', 'offer_sent', 'offer_accepted', 'invoice_sent', 'paid',
  'completion_reported', 'meter_mounted', 'metering_point_registered', 'developer_project',
] as const satisfies readonly CaseStatus[];

/**
 * Statuses a request can still be withdrawn from: until the ferdigmelding. Once the installation is reported done
 * (and the meter mounted, the metering point registered) there is nothing left to withdraw — such a case is closed
 * with a reason, or finished.
 */
export const WITHDRAWABLE_STATUSES = OPEN_STATUSES.filter(
  (status) => status !== 'completion_reported' && status !== 'meter_mounted' && status !== 'metering_point_registered',
);

/**
 * The owner has accepted the offer (a tilknytningsavtale is made): ending the case now is a cancellation, told to
 * the installer as such, and the grid company's costs already incurred can be recorded. The company's terms decide
 * what is charged; L-nett's published terms, for one, settle contribution work "etter medgått kostnad"
 * (l-nett.no, "Kostnader"). The search tool found no text of a kontrollforskriften § 17-4 on cancellation, so no
 * section is cited for it here.
 */
export const ACCEPTED_STATUSES: readonly CaseStatus[] = ['offer_accepted', 'invoice_sent', 'paid'];

export const isAcceptedStatus = (status: CaseStatus): boolean => ACCEPTED_STATUSES.includes(status);

/** The closure reason the plain `close` step records, by the status it closes from. */
export function closureReasonOfClose(from: CaseStatus): ClosureReason {
  if (from === 'rejected') return 'rejected';
  if (from === 'developer_project') return 'developer_project';
  return 'completed';
}

/** How information that ends a wait came in, when a person resumes the case. */
export const INFORMATION_CHANNELS = ['phone', 'email', 'letter'] as const;
export type InformationChannel = (typeof INFORMATION_CHANNELS)[number];
