// After the offer: the steps a person takes from the decision bar (send the offer, register the owner's acceptance,
// the invoice sent, the payment) and what the case view shows of them — each step, the flags the billing file left
// for a person, and whether the installer's start approval has gone out.
import { z } from 'zod';
import { OFFER_STEP_ACTIONS, type BillingFlagCode, type BillingKind, type OfferStepAction } from '../rules/offerFollowUp';
import { CaseId } from './common';
import { call, type DomainCalls } from './call';
import type { MutationResult } from './common';

export const BILLING_REFERENCE_MAX_LENGTH = 100;

/** Amount and date default to the issued offer's total and today; a payment's amount must be that total to the øre. */
export const OfferStepArgs = z
  .object({
    caseId: CaseId,
    amountOre: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    occurredOn: z.iso.date().optional(),
    reference: z.string().trim().max(BILLING_REFERENCE_MAX_LENGTH).optional(),
  })
  .strict();

export const OfferStepAct = OfferStepArgs.extend({
  action: z.enum(OFFER_STEP_ACTIONS as [OfferStepAction, ...OfferStepAction[]]),
}).strict();

export const CaseBillingInput = z.object({ caseId: CaseId }).strict();
export const ResolveBillingFlagInput = z.object({ billingEventId: z.string().min(1).max(200) }).strict();

export interface BillingEventView {
  id: string;
  kind: BillingKind;
  offerVersion: number | null;
  amountOre: number | null;
  occurredOn: string;
  reference: string | null;
  source: 'desk' | 'billing_file' | 'portal';
  outcome: 'applied' | 'flagged';
  flagCode: BillingFlagCode | null;
  /** What the flag's message names (amounts already formatted in NOK). */
  flagParams: Record<string, string | number>;
  recordedAt: string;
  recordedBy: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface CaseBillingView {
  /** The issued offer the next step is about, if any. */
  issuedOffer: { id: string; version: number; grossOre: number; validUntil: string | null; expired: boolean } | null;
  events: BillingEventView[];
  /** Flagged rows from the billing file nobody has marked resolved yet. */
  openFlags: BillingEventView[];
  /** The installer's start approval, once sent. */
  startApproval: { messageId: string; createdAt: string } | null;
  /** Whether this person may mark a flag resolved. */
  canResolve: boolean;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const offerFollowUpCalls = {
  'case.billing': call<CaseBillingView>()(CaseBillingInput),
  'billing.resolveFlag': call<MutationResult>()(ResolveBillingFlagInput),
} satisfies DomainCalls;
