// An issued offer whose lines no longer work out to the figures it was issued with (a rule of calculation changed
// since): the case handler sees the figures as sent, said plainly, next to the calculation worked out again. A desk
// holds an issued offer as its lines and four figures (storedFigures in core/mutations/offerMutations.ts); here the
// figures are set as if the rule had changed after the offer went out. The screen passes axe.
// `SCREENSHOTS=1` also writes a picture of it.
import path from 'node:path';
import type { CreateOfferDraftResult, OfferDetail } from '../../shared/contract';
import { formatNok, issuedFiguresOf } from '../../shared/rules';
import { startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { ok } from '../support/apiResult';
import { axeViolations, expect, openCaseByKeyboard, openDesk, test } from './fixtures';

let harness: HarnessCore;
test.beforeEach(() => {
  harness = startHarnessCore({ cases: 60 });
});
test.afterEach(async () => {
  await harness.dispose();
});

const call = async <T>(name: string, input: unknown): Promise<T> => ok<T>(await harness.core.dispatch(name, input));

/** The text as the screen shows it (Intl's non-breaking spaces as plain ones). */
const shown = (text: string) => text.replace(/\u00a0/g, ' ');

test('an issued offer says what was sent when its lines no longer work out to it', async ({ page }) => {
  const sqlite = harness.core.database.sqlite;
  const target = sqlite
    .prepare(`SELECT id, case_number AS caseNumber FROM cases c WHERE request_type = 'new_installation'
              AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = c.id) ORDER BY id LIMIT 1`)
    .get() as { id: number; caseNumber: string };
  sqlite.prepare("UPDATE cases SET status = 'approved', main_fuse_a = 63 WHERE id = ?").run(target.id);
  harness.core.context.casesChanged('all');
  const { offerId } = await call<CreateOfferDraftResult>('case.createOfferDraft', { caseId: target.id });
  await call('case.issueOffer', { offerId });
  const issued = await call<OfferDetail>('offer.get', { offerId });
  // Issued 250 kr dearer than the lines work out to now.
  const asIssued = { ...issuedFiguresOf(issued.calculation), grossOre: issued.calculation.grossOre + 25_000 };
  sqlite.prepare('UPDATE offers SET totals = ? WHERE id = ?').run(JSON.stringify(asIssued), offerId);
  harness.core.context.casesChanged([target.id]);

  await openDesk(page, harness.core);
  await openCaseByKeyboard(page, target.caseNumber);
  const section = page.getByRole('region', { name: 'Tilbud' });
  const alert = section.getByRole('alert').filter({ hasText: 'Utregningen avviker fra det utstedte tilbudet' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(shown(`Det som ble sendt, gjelder: ${formatNok(asIssued.grossOre)} inkl. mva`));
  await expect(alert).toContainText(shown(`anleggsbidrag ${formatNok(asIssued.contributionOre)}`));
  // The calculation shown beside it is the one worked out again from the lines.
  await expect(section.getByTestId('grand-total')).toHaveText(shown(formatNok(issued.calculation.grossOre)).replace(' kr', ''));
  expect(await axeViolations(page)).toEqual([]);
  if (process.env.SCREENSHOTS) {
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(process.cwd(), '.screenshots', 'offer-figures-as-issued.png') });
  }

  // Figures that do work out: no alert.
  sqlite.prepare('UPDATE offers SET totals = ? WHERE id = ?').run(JSON.stringify(issuedFiguresOf(issued.calculation)), offerId);
  harness.core.context.casesChanged([target.id]);
  await expect(alert).toHaveCount(0);
});
