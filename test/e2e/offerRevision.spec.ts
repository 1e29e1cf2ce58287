// Revising an offer after the price list changed, by keyboard: "Revider" makes version 2 in one step, priced by the
// version now in effect; a line whose item the new version dropped stays at its old price as a free line, and the
// screen says so; version 1 stays issued. The screen passes axe. `SCREENSHOTS=1` also writes a picture of it.
import path from 'node:path';
import type { CreateOfferDraftResult, OfferDetail, OfferSummary, PriceListDetail } from '../../shared/contract';
import { formatNok } from '../../shared/rules';
import { startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { axeViolations, expect, openDesk, test, openCaseByKeyboard } from './fixtures';

const TODAY = '2026-11-27'; // HARNESS_NOW in Oslo
let harness: HarnessCore;
test.beforeEach(() => {
  // A supervisor: the one who may publish a price list version, and who may also draft offers.
  harness = startHarnessCore({ cases: 60, userId: 'marit.rosseland' });
});
test.afterEach(async () => {
  await harness.dispose();
});

async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await harness.core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

test('Revider prices version 2 by the list in effect and keeps a dropped item as a free line', async ({ page }) => {
  const sqlite = harness.core.database.sqlite;
  const target = sqlite
    .prepare(`SELECT id, case_number AS caseNumber FROM cases c WHERE request_type = 'new_installation'
              AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = c.id) ORDER BY id LIMIT 1`)
    .get() as { id: number; caseNumber: string };
  sqlite.prepare("UPDATE cases SET status = 'approved', main_fuse_a = 63 WHERE id = ?").run(target.id);
  harness.core.context.casesChanged('all');
  const first = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId: target.id });
  await ok('case.issueOffer', { offerId: first.offerId });
  const issued = await ok<OfferDetail>('offer.get', { offerId: first.offerId });

  // Version 3 from today: the fitter hour 100 kr dearer, and the planning hour no longer in the list.
  const current = await ok<PriceListDetail>('priceList.get', { id: 'agder-nett-standard', version: 2 });
  const list = structuredClone(current.priceList);
  list.catalogue = list.catalogue.filter((item) => item.code !== 'planning_hour');
  list.catalogue.find((item) => item.code === 'fitter_hour')!.unitPriceOre += 10_000;
  await ok('priceList.publish', { priceList: { ...list, version: 3, effectiveFrom: TODAY } });

  await openDesk(page, harness.core);
  await openCaseByKeyboard(page, target.caseNumber);
  const section = page.getByRole('region', { name: 'Tilbud' });
  const revise = section.getByRole('button', { name: 'Revider' });
  await revise.focus();
  await page.keyboard.press('Enter');

  await expect(section.getByRole('heading', { name: 'Versjon 2 – Utkast' })).toBeVisible();
  await expect(section).toContainText('Prisliste agder-nett-standard, versjon 3');
  await expect(section.getByText('Noen poster er ikke lenger i prislisten')).toBeVisible();
  await expect(section.getByText(/Prislisten som gjelder nå, har ikke disse postene: .+\. De står igjen som frie linjer/)).toBeVisible();
  const fitterHours = issued.lines.find((line) => line.id === 'std:fitter_hour')!.quantityMilli / 1000;
  const expected = issued.calculation.grossOre + fitterHours * 10_000;
  await expect(section.getByTestId('grand-total')).toHaveText(formatNok(expected).replace(/\u00a0/g, ' ').replace(' kr', ''));
  await expect(section.getByTestId('offer-version-1').getByTestId('offer-state')).toHaveText('Utstedt');

  const offers = await ok<OfferSummary[]>('offer.list', { caseId: target.id });
  expect(offers.map((o) => [o.offerVersion, o.state, o.priceListVersion])).toEqual([[1, 'issued', 2], [2, 'draft', 3]]);
  expect(await axeViolations(page)).toEqual([]);
  if (process.env.SCREENSHOTS) {
    await section.getByTestId('offer-version-1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(process.cwd(), '.screenshots', 'offer-revision.png') });
  }
});
