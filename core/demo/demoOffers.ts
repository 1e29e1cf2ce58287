// The offers of the demo: when the simulated handler sends an offer, it is the one the offer builder would start
// from (rules/standardOfferLines.ts on the price list in force that day), issued, with its letter on file, so that
// the billing steps after it (acceptance, invoice, payment) name its version and its amount to the øre.
import {
  calculateOffer,
  offerValidUntil,
  priceListInEffect,
  standardLinesFor,
  type PriceList,
} from '../../shared/rules';
import type { AttachmentStore } from '../attachments/attachmentStore';
import { offerPdfName, storedFigures } from '../mutations/offerMutations';
import { toStoredLines } from '../offers/storedLines';
import type { RequestFacts } from './cases';
import { demoOfferLetterPdf } from './demoOfferLetter';

/** An offers row as the seeder's statement takes it. */
type Row = unknown[];

export interface DemoOffer {
  id: string;
  grossOre: number;
  validUntil: string;
}

export interface IssuedDemoOffer extends DemoOffer {
  offerRow: Row;
  letter: { fileName: string; sha256: string; sizeBytes: number };
}

/** Offers are keyed by UUID; the demo's are derived from the case id, deterministically. */
export const demoOfferId = (caseId: number): string => `00000000-0000-4000-9000-${caseId.toString(16).padStart(12, '0')}`;

export class DemoOfferMaker {
  constructor(
    private readonly priceLists: readonly PriceList[],
    private readonly store: AttachmentStore,
  ) {}

  issue(caseId: number, caseNumber: string, request: RequestFacts, issuedOn: string, issuedAt: string, by: string): IssuedDemoOffer {
    const list = priceListInEffect(this.priceLists, issuedOn)
      ?? [...this.priceLists].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
    const standard = standardLinesFor(request.requestType, { mainFuseA: request.mainFuseA }, list);
    const calculation = calculateOffer({ lines: standard.lines, connectionFeeDeduction: standard.connectionFeeDeduction });
    const validUntil = offerValidUntil(issuedOn, list.offerValidity);
    const id = demoOfferId(caseId);
    const pdf = demoOfferLetterPdf({
      caseNumber, address: request.place.address, postcode: request.place.postcode, postTown: request.place.postTown,
      ownerName: request.owner.name, issuedOn, validUntil, calculation,
    });
    const stored = this.store.putContent(pdf);
    const offerRow: Row = [id, caseId, 1, 'issued', list.id, list.version, toStoredLines(standard.lines),
      standard.connectionFeeDeduction ?? 0,
      storedFigures(calculation), validUntil, issuedAt, by, stored.sha256, issuedAt, by];
    return {
      id, grossOre: calculation.grossOre, validUntil, offerRow,
      letter: { fileName: offerPdfName(caseNumber, 1), ...stored },
    };
  }
}
