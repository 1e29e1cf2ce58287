// After the offer: sent → accepted → invoice sent → paid, and when the installer may start. One planner decides
// whether a billing step applies to a case — for a person at the desk (who is refused) and for the billing system's
// file (whose row is then flagged for a person) alike — so both paths follow the same rules, in whole øre.
import type { CaseActionName } from './caseStatus';
import { CASE_ACTIONS, canTakeAction } from './caseStatus';
import type { CaseStatus, UserRole } from './domain';
import { formatNok, type Ore } from './money';

export const BILLING_KINDS = ['offer_sent', 'acceptance', 'invoice', 'payment'] as const;
export type BillingKind = (typeof BILLING_KINDS)[number];

/** The case action each billing step is. */
export const BILLING_KIND_ACTION = {
  offer_sent: 'sendOffer',
  acceptance: 'acceptOffer',
  invoice: 'sendInvoice',
  payment: 'registerPayment',
} as const satisfies Record<BillingKind, CaseActionName>;
export type OfferStepAction = (typeof BILLING_KIND_ACTION)[BillingKind];
export const OFFER_STEP_ACTIONS: readonly OfferStepAction[] = BILLING_KINDS.map((kind) => BILLING_KIND_ACTION[kind]);

export const billingKindOf = (action: OfferStepAction): BillingKind =>
  BILLING_KINDS.find((kind) => BILLING_KIND_ACTION[kind] === action)!;

/**
 * Whether this step releases the work at the connection point (the installer's start approval): payment always;
 * acceptance where the grid company releases on acceptance (company setting `release_on_acceptance`).
 */
export function releasesWork(kind: BillingKind, releaseOnAcceptance: boolean): boolean {
  return kind === 'payment' || (kind === 'acceptance' && releaseOnAcceptance);
}

/** An amount matches the offer only to the øre: no tolerance, no rounding. */
export const amountMatches = (amountOre: Ore, offerGrossOre: Ore): boolean =>
  Number.isSafeInteger(amountOre) && amountOre === offerGrossOre;

export interface OfferFacts {
  id: string;
  version: number;
  state: 'draft' | 'issued' | 'superseded';
  /** The grand total incl. VAT, øre. */
  grossOre: Ore;
  validUntil: string | null;
  /** `YYYY-MM-DD` in Oslo: the day the offer was issued; null for a draft. */
  issuedOn: string | null;
}

export interface BillingStepInput {
  kind: BillingKind;
  /** The offer version the step is about; null at the desk, where it is the case's issued offer. */
  offerVersion: number | null;
  amountOre: Ore | null;
  /** `YYYY-MM-DD`: the day it happened (sent, accepted, invoiced, paid). */
  occurredOn: string;
  /** `YYYY-MM-DD` in Oslo, by the clock of whoever decides (the desk, or the server centrally). */
  today: string;
}

export const BILLING_FLAG_CODES = ['noIssuedOffer', 'offerUnknown', 'offerSuperseded', 'offerNotIssued', 'offerExpired',
  'occurredInFuture', 'occurredBeforeIssue', 'amountMissing', 'amountMismatch', 'statusNotAllowed'] as const;
export type BillingFlagCode = (typeof BILLING_FLAG_CODES)[number];

export type BillingPlan =
  | { outcome: 'applied'; offer: OfferFacts; action: OfferStepAction; to: CaseStatus }
  | { outcome: 'flagged'; code: BillingFlagCode; params: Record<string, string | number>; offer: OfferFacts | null };

const flag = (code: BillingFlagCode, offer: OfferFacts | null, params: Record<string, string | number> = {}): BillingPlan => ({
  outcome: 'flagged', code, params, offer,
});

/**
 * Whether a billing step applies to a case in `status` with these offers, taken by `actor`. The offer is the one
 * named (or, with no version, the issued one); it must be the issued offer — a superseded one was replaced — and an
 * offer is sent or accepted only within its validity. A step happened on a day between the offer's issue and today:
 * not in the future (a payment not yet made), not before the offer existed (which would also let an expired offer be
 * accepted by backdating). A payment states its amount, and any amount given must be the offer's grand total to the øre.
 */
export function planBillingStep(
  step: BillingStepInput,
  status: CaseStatus,
  offers: readonly OfferFacts[],
  actor: UserRole | 'system',
): BillingPlan {
  const action = BILLING_KIND_ACTION[step.kind];
  const issued = offers.find((offer) => offer.state === 'issued') ?? null;
  let offer: OfferFacts | null = issued;
  if (step.offerVersion !== null) {
    offer = offers.find((candidate) => candidate.version === step.offerVersion) ?? null;
    if (!offer) return flag('offerUnknown', null, { offerVersion: step.offerVersion });
    if (offer.state === 'superseded') {
      return flag('offerSuperseded', offer, { offerVersion: offer.version, currentVersion: issued?.version ?? '–' });
    }
    if (offer.state !== 'issued') return flag('offerNotIssued', offer, { offerVersion: offer.version });
  }
  if (!offer) return flag('noIssuedOffer', null);
  if (step.occurredOn > step.today) return flag('occurredInFuture', offer, { occurredOn: step.occurredOn, today: step.today });
  if (offer.issuedOn !== null && step.occurredOn < offer.issuedOn) {
    return flag('occurredBeforeIssue', offer, { offerVersion: offer.version, occurredOn: step.occurredOn, issuedOn: offer.issuedOn });
  }
  if ((step.kind === 'offer_sent' || step.kind === 'acceptance') && offer.validUntil !== null && step.occurredOn > offer.validUntil) {
    return flag('offerExpired', offer, { offerVersion: offer.version, validUntil: offer.validUntil });
  }
  if (step.kind === 'payment' && step.amountOre === null) return flag('amountMissing', offer, { offerVersion: offer.version });
  if (step.amountOre !== null && !amountMatches(step.amountOre, offer.grossOre)) {
    return flag('amountMismatch', offer, {
      offerVersion: offer.version,
      amount: formatNok(step.amountOre),
      expected: formatNok(offer.grossOre),
    });
  }
  if (!canTakeAction(action, status, actor)) return flag('statusNotAllowed', offer, { status });
  return { outcome: 'applied', offer, action, to: CASE_ACTIONS[action].to };
}
