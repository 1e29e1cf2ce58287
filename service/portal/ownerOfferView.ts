// What the owner reads of an offer (portalOwnerOpenOffer): the row owner_offer_view (central 0024) answers, in the
// portal's shape, with where the offer stands — open to answer, answered, expired (valid_until before today in
// Oslo), superseded by a newer version, or closed because the case no longer takes an acceptance.
import {
  CASE_ACTIONS, isContributionLine, offerSettlement, type CalculatedLine, type CaseStatus, type OfferCalculation,
} from '../../shared/rules';
import type { OwnerOfferStanding, OwnerOfferView } from '../../shared/portalApi/ownerOffer';

export interface OwnerOfferRow {
  caseNumber: string;
  address: string;
  postcode: string;
  postTown: string;
  requestType: string;
  ownerName: string;
  caseStatus: string;
  offerVersion: number;
  state: 'issued' | 'superseded' | 'draft';
  totals: OfferCalculation;
  validUntil: string | null;
  issuedOn: string | null;
  hasLetter: boolean;
  today: string;
  answer: 'accepted' | 'declined' | null;
  answeredByName: string | null;
  answeredAt: string | null;
}

/**
 * The terms the letter states (offers/letterTemplate.ts), worded by the portal: the legal basis (kontrollforskriften
 * chapter 16), the right to bring a disagreement before RME, the estimate's settlement afterwards (§ 16-11) and
 * the invoice after acceptance.
 */
export const OWNER_OFFER_TERMS = ['legalBasis', 'disagreement', 'postCalculation', 'invoice'] as const;

export function standingOf(row: Pick<OwnerOfferRow, 'answer' | 'state' | 'validUntil' | 'today' | 'caseStatus'>): OwnerOfferStanding {
  if (row.answer) return row.answer;
  if (row.state !== 'issued') return 'superseded';
  if (row.validUntil !== null && row.validUntil < row.today) return 'expired';
  return (CASE_ACTIONS.acceptOffer.from as readonly CaseStatus[]).includes(row.caseStatus as CaseStatus) ? 'open' : 'closed';
}

const lineOf = (line: CalculatedLine) => ({
  description: line.description, quantityMilli: line.quantityMilli, unit: line.unit,
  netOre: line.netOre, vatOre: line.vatOre, grossOre: line.grossOre,
});

export function ownerOfferView(row: OwnerOfferRow): OwnerOfferView {
  return {
    caseNumber: row.caseNumber,
    ownerName: row.ownerName,
    installation: { address: row.address, postcode: row.postcode, postTown: row.postTown },
    requestType: row.requestType,
    offerVersion: row.offerVersion,
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    lines: row.totals.lines.filter(isContributionLine).map(lineOf),
    steps: offerSettlement(row.totals).steps.map((step) => ({
      code: step.code, operator: step.operator, label: step.label, netOre: step.netOre, vatOre: step.vatOre, grossOre: step.grossOre,
    })),
    totals: { netOre: row.totals.netOre, vatOre: row.totals.vatOre, grossOre: row.totals.grossOre, contributionOre: row.totals.contributionOre },
    terms: [...OWNER_OFFER_TERMS],
    standing: standingOf(row),
    answer: row.answer && row.answeredByName && row.answeredAt
      ? { answer: row.answer, name: row.answeredByName, at: new Date(row.answeredAt).toISOString() }
      : null,
    hasLetter: row.hasLetter,
  };
}
