// The offer letter rendered to PDF, warm: one Chromium and one page kept open (as the app keeps it), many renders of
// the demo offer. The bar: offer.pdf_p95_ms ≤ 500.
import { offerLetterHtml } from '../../core/offers/offerLetter';
import { ChromiumPdfRenderer } from '../../harness/chromiumPdfRenderer';
import { demoOfferLetterInput } from '../fixtures/offers/demoOfferLetter';
import { percentile, round, timeRuns, type BenchResult } from './stats';

export async function benchOfferPdf(runs = 20): Promise<BenchResult[]> {
  const renderer = new ChromiumPdfRenderer();
  const input = demoOfferLetterInput();
  try {
    // Each run builds the HTML from the offer too: that is part of printing a letter.
    const samples = await timeRuns(runs, (i) => renderer.render(offerLetterHtml({ ...input, offerVersion: i + 1 })), 3);
    return [{ name: 'offer.pdf_p95_ms', value: round(percentile(samples, 95)), unit: 'ms' }];
  } finally {
    await renderer.close();
  }
}
