// Offer calls: list and read a case's offers, make a draft from the standard lines, save it, issue it.
// Amounts are whole øre; whether the lines add up (no negative price, a deduction no larger than the
// contribution) is decided by calculateOffer in core, which names what is wrong.
import { z } from 'zod';
import { COST_KINDS, MAIN_COMPONENTS, VAT_CODES } from '../rules';
import type { IssuedFigures, OfferCalculation, OfferLine } from '../rules';
import { CaseId } from './common';
import { call, type DomainCalls } from './call';
import type { MutationResult } from './common';

export const OFFER_MAX_LINES = 200;
export const OFFER_STATES = ['draft', 'issued', 'superseded'] as const;
export type OfferState = (typeof OFFER_STATES)[number];

const SafeInt = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
export const OfferId = z.uuid();

export const OfferLineSchema = z.object({
  id: z.string().min(1).max(100),
  component: z.enum([...MAIN_COMPONENTS, 'fee']),
  kind: z.enum(COST_KINDS),
  description: z.string().trim().min(1).max(200),
  quantityMilli: SafeInt,
  unit: z.string().trim().min(1).max(20),
  unitPriceOre: SafeInt,
  vatCode: z.enum(VAT_CODES),
  source: z
    .object({ priceListId: z.string().min(1).max(100), version: z.number().int().positive(), itemCode: z.string().min(1).max(100) })
    .nullable(),
}) satisfies z.ZodType<OfferLine>;

export const OfferListInput = z.object({ caseId: CaseId }).strict();
export const OfferGetInput = z.object({ offerId: OfferId }).strict();
export const CreateOfferDraftInput = z.object({ caseId: CaseId }).strict();
export const SaveOfferDraftInput = z
  .object({
    offerId: OfferId,
    lines: z.array(OfferLineSchema).max(OFFER_MAX_LINES),
    /** Positive øre to deduct, or null (or 0) for none. */
    connectionFeeDeductionOre: SafeInt.nullable(),
  })
  .strict();
/** The next version of the offer in force, re-priced by the price list in effect today. */
export const ReviseOfferInput = z.object({ fromOfferId: OfferId }).strict();
export const IssueOfferInput = z.object({ offerId: OfferId }).strict();

export interface OfferSummary {
  id: string;
  caseId: number;
  offerVersion: number;
  state: OfferState;
  priceListId: string;
  priceListVersion: number;
  /** The grand total incl. VAT, øre. */
  grossOre: number;
  validUntil: string | null;
  issuedAt: string | null;
  issuedBy: string | null;
  /** The issued letter among the case's attachments; null for a draft. */
  pdfAttachmentId: number | null;
  createdAt: string;
  createdBy: string;
}

export interface OfferDetail extends OfferSummary {
  lines: OfferLine[];
  connectionFeeDeductionOre: number | null;
  /** The offer's figures worked out from its lines; each step of `explanation` says how a figure came about. */
  calculation: OfferCalculation;
  /**
   * For an issued offer whose figures as issued this version of the desk does not reproduce from its lines (a
   * changed rule of calculation): the figures it was issued with, which stand. Null when they agree, and for a draft.
   */
  figuresAsIssued: IssuedFigures | null;
}

export interface CreateOfferDraftResult {
  offerId: string;
  offerVersion: number;
  /** Standard items the price list lacks, left out of the draft. */
  missing: string[];
}

export interface IssueOfferResult {
  offerId: string;
  offerVersion: number;
  pdfAttachmentId: number;
  pdfSha256: string;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const offerCalls = {
  'offer.list': call<OfferSummary[]>()(OfferListInput),
  'offer.get': call<OfferDetail>()(OfferGetInput),
  'case.createOfferDraft': call<CreateOfferDraftResult & MutationResult>()(CreateOfferDraftInput),
  'case.saveOfferDraft': call<MutationResult>()(SaveOfferDraftInput),
  'case.reviseOffer': call<CreateOfferDraftResult & MutationResult>()(ReviseOfferInput),
  'case.issueOffer': call<IssueOfferResult & MutationResult>()(IssueOfferInput),
} satisfies DomainCalls;
