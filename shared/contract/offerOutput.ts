// The offer builder's catalogue, and a stored letter printed or saved where the user chooses. Printing and the
// save dialog belong to the shell (Electron's print dialog and save dialog; the browser harness records them);
// the core only finds the file and checks it.
import { z } from 'zod';
import type { PriceList } from '../rules';
import { AttachmentId } from './common';
import { OfferId } from './offers';
import { call, type DomainCalls } from './call';

export const OfferCatalogueInput = z.object({ offerId: OfferId }).strict();
export const AttachmentPrintInput = z.object({ attachmentId: AttachmentId }).strict();
export const AttachmentSaveCopyInput = z.object({ attachmentId: AttachmentId }).strict();

/** The price-list version an offer was made with, whole: what the handler may add lines from, and which of its
 * fees are connection fees (deducted from the contribution). */
export type OfferCatalogue = PriceList;

export interface AttachmentPrintResult {
  attachmentId: number;
  fileName: string;
}

export interface AttachmentSaveCopyResult {
  attachmentId: number;
  fileName: string;
  /** Where the copy was written; null when the user cancelled the save dialog. */
  savedTo: string | null;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const offerOutputCalls = {
  'offer.catalogue': call<OfferCatalogue>()(OfferCatalogueInput),
  'attachment.print': call<AttachmentPrintResult>()(AttachmentPrintInput),
  'attachment.saveCopy': call<AttachmentSaveCopyResult>()(AttachmentSaveCopyInput),
} satisfies DomainCalls;
