// The owner answers the offer through the personal link in the letter (issue 12, item 5): no account, only the
// offer's id (in the link's path) and the code printed in the letter, which travels in POST bodies only — never in
// a query string, so that no log or proxy keeps it. Three calls, each checking the code again:
//   POST /api/portal/owner/offers/:offerId/open    portalOwnerOpenOffer    the offer's essentials
//   POST /api/portal/owner/offers/:offerId/letter  portalOwnerOfferLetter  the letter's PDF
//   POST /api/portal/owner/offers/:offerId/answer  portalOwnerAnswerOffer  accept or decline, with the owner's name
// An unknown offer and a wrong code get the same answer (404 ownerOffer.notFound); after 5 wrong codes in a row the
// offer's code is locked for 15 minutes (429 ownerOffer.locked), and every address is limited per minute.
import { z } from 'zod';
import { normaliseOwnerCode } from '../rules/ownerOfferCode';

export const OwnerOfferParams = z.object({ offerId: z.uuid() });

/** As typed or printed ("k7m2q xr9td", "K7M2Q-XR9TD"); the service reads it in its stored form. */
export const OwnerCode = z.string().max(40).refine((typed) => normaliseOwnerCode(typed) !== null, 'not a code of the letter');

export const OwnerOpenOfferInput = z.object({ code: OwnerCode }).strict();
export type OwnerOpenOfferInput = z.infer<typeof OwnerOpenOfferInput>;

export const OWNER_ANSWERS = ['accept', 'decline'] as const;
export const OwnerAnswerOfferInput = z.object({
  code: OwnerCode,
  /** The owner's name as they sign: recorded with the answer. */
  name: z.string().trim().min(2).max(200),
  answer: z.enum(OWNER_ANSWERS),
  /** Why the owner declines (optional). */
  reason: z.string().trim().max(2000).optional(),
}).strict();
export type OwnerAnswerOfferInput = z.infer<typeof OwnerAnswerOfferInput>;

export const OwnerOfferLine = z.object({
  description: z.string(),
  /** Thousandths of the unit. */
  quantityMilli: z.number().int(),
  unit: z.string(),
  netOre: z.number().int(),
  vatOre: z.number().int(),
  grossOre: z.number().int(),
});

/**
 * What the owner may still do: answer (open), or nothing because it was answered, ran out (expired), was replaced by a
 * newer offer (superseded), or the case has moved on (closed: e.g. withdrawn).
 */
/** One step from the cost of the connection to the amount to pay (rules/offerSettlement.ts), as the letter has it. */
export const OwnerOfferStep = z.object({
  code: z.enum(['connection_cost', 'connection_fee_deduction', 'contribution', 'added_line', 'to_pay']),
  operator: z.enum(['', '−', '+', '=']),
  /** The line's own description for an added line; the portal words the others by their code. */
  label: z.string(),
  netOre: z.number().int(),
  vatOre: z.number().int(),
  grossOre: z.number().int(),
});
export type OwnerOfferStep = z.infer<typeof OwnerOfferStep>;

export const OWNER_OFFER_STANDINGS = ['open', 'accepted', 'declined', 'expired', 'superseded', 'closed'] as const;
export const OwnerOfferStanding = z.enum(OWNER_OFFER_STANDINGS);
export type OwnerOfferStanding = z.infer<typeof OwnerOfferStanding>;

export const OwnerOfferView = z.object({
  caseNumber: z.string(),
  ownerName: z.string(),
  installation: z.object({ address: z.string(), postcode: z.string(), postTown: z.string() }),
  /** The request type the offer is for (domain REQUEST_TYPES), translated by the portal. */
  requestType: z.string(),
  offerVersion: z.number().int(),
  issuedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** The lines of the cost of the connection; the connection fee and services are among `steps`. */
  lines: z.array(OwnerOfferLine),
  steps: z.array(OwnerOfferStep),
  totals: z.object({ netOre: z.number().int(), vatOre: z.number().int(), grossOre: z.number().int(), contributionOre: z.number().int() }),
  /** The terms the offer refers to (the portal words them): OWNER_OFFER_TERMS. */
  terms: z.array(z.enum(['legalBasis', 'disagreement', 'postCalculation', 'invoice'])),
  standing: OwnerOfferStanding,
  answer: z.object({ answer: z.enum(['accepted', 'declined']), name: z.string(), at: z.string() }).nullable(),
  /** The letter's PDF can be fetched (portalOwnerOfferLetter). */
  hasLetter: z.boolean(),
});
export type OwnerOfferView = z.infer<typeof OwnerOfferView>;

export const OwnerAnswerOfferOutput = z.object({
  offer: OwnerOfferView,
  /** False when the offer had been answered already: the first answer stands. */
  recorded: z.boolean(),
});
export type OwnerAnswerOfferOutput = z.infer<typeof OwnerAnswerOfferOutput>;

/**
 * Why an answer was not taken: expired, superseded, closed (the case does not take an acceptance now). The portal
 * says each in plain words.
 */
export const OWNER_OFFER_REFUSALS = ['ownerOffer.expired', 'ownerOffer.superseded', 'ownerOffer.closed'] as const;
