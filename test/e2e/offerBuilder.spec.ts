// The offer builder, by keyboard, as a case handler on an approved case: a draft from the standard items, a line
// from the price list and a free line added, a price changed — totals and VAT follow exactly, in the øre the rules
// give; a wrong amount is refused beside its field and nothing typed or saved is lost; issued with a confirmation
// naming the owner and the total; the letter among the attachments and in the history, saved as a PDF (read back
// with pdftotext) and printed; revised into version 2, which supersedes version 1 only when it is issued; then sent,
// paid by the billing system's file, and the installer's start approval in the history.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import type { OfferDetail, OfferSummary } from '../../shared/contract';
import { formatNok } from '../../shared/rules';
import { importPaymentsIntoSqlite } from '../../core/billing/localPaymentImport';
import { HARNESS_NOW, startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { paidInFullFile } from '../support/billingFile';
import { axeViolations, expect, openDesk, test, openCaseByKeyboard } from './fixtures';

interface ApprovedCase {
  id: number;
  caseNumber: string;
  ownerName: string;
}

/** A new installation with a 63 A main fuse (direct metering), approved and waiting for its offer. */
function approvedCase(harness: HarnessCore): ApprovedCase {
  const sqlite = harness.core.database.sqlite;
  const row = sqlite
    .prepare(
      `SELECT id, case_number AS caseNumber, owner_name AS ownerName FROM cases
       WHERE request_type = 'new_installation' AND id NOT IN (SELECT case_id FROM offers) ORDER BY id LIMIT 1`,
    )
    .get() as ApprovedCase;
  sqlite.prepare("UPDATE cases SET status = 'approved', main_fuse_a = 63 WHERE id = ?").run(row.id);
  harness.core.context.casesChanged('all');
  return row;
}

/** Focus a control and press a key on it: what a keyboard user does after tabbing there. */
async function press(target: Locator, key: string): Promise<void> {
  await target.focus();
  await target.press(key);
}

const kr = (ore: number) => formatNok(ore).replace(/\u00a0/g, ' ');
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

async function offers(harness: HarnessCore, caseId: number): Promise<OfferSummary[]> {
  const result = await harness.core.dispatch('offer.list', { caseId });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as OfferSummary[];
}
async function offer(harness: HarnessCore, offerId: string): Promise<OfferDetail> {
  const result = await harness.core.dispatch('offer.get', { offerId });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as OfferDetail;
}

// The standard draft for this case, by the demo price list version 2 (2026): 29 900,00 kr of exempt cost lines,
// the 2 300,00 kr connection fee added as a line and deducted again; no VAT.
const STANDARD_COST_ORE = 2_990_000;
const METER_MOUNTING_ORE = 175_000; // 25 % VAT
const FREE_LINE_ORE = 1_234_550; // "12 345,50"
const CHANGED_PRICE_ORE = 199_999; // "1 999,99": VAT 49 999,75 øre → 50 000 rounded half-up

test('build, check, issue, save, print and revise an offer by keyboard; sent, paid by the billing file, start approval in the history', async ({ desk, harness }) => {
  test.setTimeout(120_000);
  const target = approvedCase(harness);
  await openCaseByKeyboard(desk, target.caseNumber);

  const section = desk.getByRole('region', { name: 'Tilbud' });
  await expect(section).toContainText('Ingen tilbud ennå');
  await press(section.getByRole('button', { name: 'Lag tilbud' }), 'Enter');

  // The draft: the standard items, figures as the rules give them.
  const lines = section.getByTestId('offer-line');
  await expect(lines).toHaveCount(13);
  const grand = section.getByTestId('grand-total');
  await expect(grand).toHaveText(kr(STANDARD_COST_ORE).replace(' kr', ''));
  await expect(section.getByTestId('deduction-total')).toHaveText(kr(-230_000).replace(' kr', ''));
  await expect(section.getByTestId('deduction-input')).toHaveValue('2\u00a0300,00');
  // The letter's steps: cost 29 900 → minus the fee 2 300 → anleggsbidrag 27 600 → plus the fee 2 300 → 29 900 to pay.
  const steps = section.getByTestId('settlement-step');
  await expect(steps).toHaveCount(5);
  await expect(section.getByTestId('connection-cost')).toHaveText(kr(STANDARD_COST_ORE).replace(' kr', ''));
  await expect(section.getByTestId('contribution-total')).toHaveText(kr(STANDARD_COST_ORE - 230_000).replace(' kr', ''));
  await expect(steps.nth(3)).toContainText('+ Tilknytning av nytt anlegg, direktemålt');
  await expect(steps.nth(3)).toContainText('utenfor');
  await expect(steps.nth(4)).toContainText('= Å betale');
  await steps.first().locator('xpath=ancestor::table/../..').screenshot({ path: test.info().outputPath('offer-builder-steps.png') });

  // A line from the price list: search, arrow, Enter; the focus lands on its quantity.
  const fromList = section.getByRole('combobox', { name: 'Legg til fra prislisten' }).or(section.getByLabel('Legg til fra prislisten', { exact: true }));
  await fromList.focus();
  await desk.keyboard.type('Montering av måler');
  await desk.keyboard.press('ArrowDown');
  await desk.keyboard.press('Enter');
  await expect(lines).toHaveCount(14);
  await expect(section.getByRole('textbox', { name: 'Mengde, linje 14' })).toBeFocused();
  await expect(lines.nth(13).getByTestId('line-vat')).toHaveText('437,50');
  await expect(grand).toHaveText(kr(STANDARD_COST_ORE + METER_MOUNTING_ORE + 43_750).replace(' kr', ''));

  // A free line: its description and Enter; the focus lands on its price, typed as NOK.
  await section.getByRole('textbox', { name: 'Fri linje' }).focus();
  await desk.keyboard.type('Omlegging av stikkledning');
  await desk.keyboard.press('Enter');
  await expect(lines).toHaveCount(15);
  const freePrice = section.getByRole('textbox', { name: 'Enhetspris i kroner, linje 15' });
  await expect(freePrice).toBeFocused();
  await desk.keyboard.type('12 345,50');
  await expect(lines.nth(14).getByTestId('line-net')).toHaveText('12\u00a0345,50');

  // A price changed: VAT per line, rounded half-up to whole øre.
  const meterPrice = section.getByRole('textbox', { name: 'Enhetspris i kroner, linje 14' });
  await meterPrice.focus();
  await meterPrice.press('ControlOrMeta+a');
  await desk.keyboard.type('1 999,99');
  await expect(lines.nth(13).getByTestId('line-vat')).toHaveText('500,00');
  const expectedGross = STANDARD_COST_ORE + CHANGED_PRICE_ORE + 50_000 + FREE_LINE_ORE;
  await expect(grand).toHaveText(kr(expectedGross).replace(' kr', ''));
  await expect(section.getByTestId('vat-total-standard')).toHaveText('500,00');
  await expect(section.getByTestId('save-state')).toHaveText('Alle endringer er lagret.');
  let draft = await offer(harness, (await offers(harness, target.id))[0].id);
  expect(draft.calculation.grossOre).toBe(expectedGross);
  expect(draft.lines.at(-1)).toMatchObject({ description: 'Omlegging av stikkledning', unitPriceOre: FREE_LINE_ORE, source: null });

  // A wrong amount: the message beside the field, the text kept, nothing saved.
  await freePrice.focus();
  await freePrice.press('ControlOrMeta+a');
  await desk.keyboard.type('12,345');
  await expect(section.getByText('Skriv beløpet i kroner, f.eks. 12 345,50 (høyst to desimaler).')).toBeVisible();
  await expect(freePrice).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByTestId('save-state')).toContainText('Ikke lagret');
  const deduction = section.getByTestId('deduction-input');
  await deduction.focus();
  await deduction.press('ControlOrMeta+a');
  await desk.keyboard.type('99 999');
  await expect(section.getByText(/Fradraget er større enn anleggsbidraget/)).toBeVisible();
  await desk.waitForTimeout(1_000); // longer than the save delay: a save would have happened by now
  draft = await offer(harness, draft.id);
  expect(draft.calculation.grossOre).toBe(expectedGross);
  expect(draft.connectionFeeDeductionOre).toBe(230_000);
  await expect(freePrice).toHaveValue('12,345');
  await deduction.press('ControlOrMeta+a');
  await desk.keyboard.type('2 300');
  await freePrice.focus();
  await freePrice.press('ControlOrMeta+a');
  await desk.keyboard.type('12 345,50');
  await expect(section.getByTestId('save-state')).toHaveText('Alle endringer er lagret.');

  // Alt+Delete removes a line; a line added by mistake goes again.
  await section.getByRole('textbox', { name: 'Fri linje' }).focus();
  await desk.keyboard.type('Feil linje');
  await desk.keyboard.press('Enter');
  await expect(lines).toHaveCount(16);
  await desk.keyboard.press('Alt+Delete');
  await expect(lines).toHaveCount(15);
  await expect(grand).toHaveText(kr(expectedGross).replace(' kr', ''));

  // "How each figure came about", opened by keyboard.
  await press(section.getByText('Slik er tallene regnet ut'), 'Enter');
  await expect(section.getByTestId('offer-explanation')).toContainText(
    plain(`Mva 25 % av ${formatNok(CHANGED_PRICE_ORE)} = ${formatNok(50_000)}`),
  );

  await expect(section.getByTestId('save-state')).toHaveText('Alle endringer er lagret.');
  expect(await axeViolations(desk)).toEqual([]);

  // Issue: the confirmation names the owner and the total.
  await press(section.getByRole('button', { name: 'Utsted tilbud …' }), 'Enter');
  const dialog = desk.getByRole('dialog', { name: 'Utstede tilbud versjon 1?' });
  await expect(dialog).toContainText(target.ownerName);
  await expect(dialog.getByTestId('issue-total')).toHaveText(`Totalt å betale: ${kr(expectedGross)} inkl. mva`);
  await expect(dialog).toHaveCSS('opacity', '1');
  expect(await axeViolations(desk)).toEqual([]);
  await expect(dialog.getByRole('button', { name: 'Utsted tilbudet' })).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  // Read only now; the letter among the attachments, the issue in the history.
  await expect(section.getByRole('heading', { name: 'Versjon 1 – Utstedt' })).toBeVisible();
  await expect(section.getByRole('textbox')).toHaveCount(0);
  const letterName = `tilbud-${target.caseNumber}-v1.pdf`;
  await expect(desk.getByRole('region', { name: /^Vedlegg/ })).toContainText(letterName);
  await expect(desk.getByRole('region', { name: 'Historikk' })).toContainText(
    `Tilbud versjon 1 utstedt – ${kr(expectedGross)} inkl. mva`,
  );

  // Save the PDF: the harness wrote the copy where a save dialog would have; it reads as the owner's letter.
  await press(section.getByRole('button', { name: 'Lagre PDF' }), 'Enter');
  await expect.poll(() => harness.savedFiles.length).toBe(1);
  expect(harness.savedFiles[0].fileName).toBe(letterName);
  const text = plain(execFileSync('pdftotext', ['-layout', harness.savedFiles[0].savedTo, '-'], { encoding: 'utf8' }));
  expect(text).toContain(target.ownerName);
  expect(text).toContain(plain(formatNok(expectedGross)));

  // Print: the harness saw the request for the same letter; "Vis brev" hands it to the desktop.
  await press(section.getByRole('button', { name: 'Skriv ut' }), 'Enter');
  await expect.poll(() => harness.printedFiles.map((file) => file.fileName)).toEqual([letterName]);
  await press(section.getByRole('button', { name: 'Vis brev' }), 'Enter');
  await expect.poll(() => harness.openedFiles.map((file) => file.fileName)).toEqual([letterName]);

  // Revise: version 2 starts from version 1's lines re-priced by the list in effect, so the meter mounting line is
  // back at the list's price (with its 25 % VAT) while the free line keeps its own; version 1 stays issued until 2 is.
  await press(section.getByRole('button', { name: 'Revider' }), 'Enter');
  await expect(section.getByRole('heading', { name: 'Versjon 2 – Utkast' })).toBeVisible();
  await expect(lines).toHaveCount(15);
  await expect(section.getByTestId('offer-version-1').getByTestId('offer-state')).toHaveText('Utstedt');
  await expect(section.getByTestId('offer-version-2').getByTestId('offer-state')).toHaveText('Utkast');
  const quantity = section.getByRole('textbox', { name: 'Mengde, linje 15' });
  await quantity.focus();
  await quantity.press('ControlOrMeta+a');
  await desk.keyboard.type('2');
  const revisedGross = expectedGross - (CHANGED_PRICE_ORE + 50_000) + (METER_MOUNTING_ORE * 5) / 4 + FREE_LINE_ORE;
  await expect(grand).toHaveText(kr(revisedGross).replace(' kr', ''));
  await expect(section.getByTestId('save-state')).toHaveText('Alle endringer er lagret.');
  expect((await offers(harness, target.id)).map((o) => o.state)).toEqual(['issued', 'draft']);

  await press(section.getByRole('button', { name: 'Utsted tilbud …' }), 'Enter');
  const second = desk.getByRole('dialog', { name: 'Utstede tilbud versjon 2?' });
  await expect(second.getByTestId('issue-total')).toHaveText(`Totalt å betale: ${kr(revisedGross)} inkl. mva`);
  await expect(second.getByRole('button', { name: 'Utsted tilbudet' })).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(second).toBeHidden({ timeout: 30_000 });
  await expect(section.getByTestId('offer-version-1').getByTestId('offer-state')).toHaveText('Erstattet');
  await expect(section.getByTestId('offer-version-2').getByTestId('offer-state')).toHaveText('Utstedt');
  const history = desk.getByRole('region', { name: 'Historikk' });
  await expect(history).toContainText('Tilbud versjon 1 erstattet av en ny versjon');
  await expect(history).toContainText(`Tilbud versjon 2 utstedt – ${kr(revisedGross)} inkl. mva`);
  expect((await offers(harness, target.id)).map((o) => [o.offerVersion, o.state, o.grossOre])).toEqual([
    [1, 'superseded', expectedGross],
    [2, 'issued', revisedGross],
  ]);

  // The rest of the story: the offer is registered as sent, the billing system's file brings the owner's
  // acceptance, the invoice and the payment, and the installer's start approval shows in the history.
  await desk.getByRole('heading', { level: 1, name: target.caseNumber }).focus();
  await desk.keyboard.press('Alt+KeyN');
  await expect(desk.getByText('Tilbudet er registrert som sendt')).toBeVisible();
  const summary = importPaymentsIntoSqlite(harness.core.database.sqlite, 'betalinger.csv',
    paidInFullFile(target.caseNumber, 2, revisedGross, 'STORY'), { now: new Date(HARNESS_NOW) });
  expect(summary).toMatchObject({ applied: 3, flagged: 0, quarantined: 0 });
  harness.core.context.casesChanged(summary.caseIds);
  await desk.keyboard.press('Escape');
  await openCaseByKeyboard(desk, target.caseNumber);
  const after = desk.getByRole('region', { name: 'Historikk' });
  await expect(after).toContainText('Betaling registrert: tilbud versjon 2');
  await expect(after).toContainText('Klarsignal lagt til utsending');
  expect(await axeViolations(desk)).toEqual([]);
});

test('a standard item the price list lacks is named, and the draft is made without it', async ({ desk, harness }) => {
  const target = approvedCase(harness);
  // The price list in effect without the direct meter: as a company's list might lack an item.
  const sqlite = harness.core.database.sqlite;
  const { body } = sqlite.prepare("SELECT body FROM price_lists WHERE list_version = 2").get() as { body: string };
  const list = JSON.parse(body) as { catalogue: Array<{ code: string }> };
  list.catalogue = list.catalogue.filter((item) => item.code !== 'meter_direct');
  sqlite.prepare('UPDATE price_lists SET body = ? WHERE list_version = 2').run(JSON.stringify(list));

  await openCaseByKeyboard(desk, target.caseNumber);
  const section = desk.getByRole('region', { name: 'Tilbud' });
  await press(section.getByRole('button', { name: 'Lag tilbud' }), 'Enter');
  await expect(section.getByTestId('offer-line')).toHaveCount(12);
  await expect(section).toContainText('Noen standardposter mangler i prislisten');
  await expect(section).toContainText('prislisten ikke har dem: Måler, direktemålt.');
  expect(await axeViolations(desk)).toEqual([]);
});

test('what was typed is saved when the handler leaves the case before the save delay', async ({ desk, harness }) => {
  const target = approvedCase(harness);
  await openCaseByKeyboard(desk, target.caseNumber);
  const section = desk.getByRole('region', { name: 'Tilbud' });
  await press(section.getByRole('button', { name: 'Lag tilbud' }), 'Enter');
  const price = section.getByRole('textbox', { name: 'Enhetspris i kroner, linje 2' });
  await price.focus();
  await price.press('ControlOrMeta+a');
  await desk.keyboard.type('91,25');
  // At once back to the queue, well inside the save delay.
  await press(desk.getByRole('button', { name: 'Tilbake til køen' }), 'Enter');
  await expect(desk.getByRole('grid', { name: 'Arbeidskø' })).toBeVisible();
  await expect.poll(async () => {
    const [summary] = await offers(harness, target.id);
    return (await offer(harness, summary.id)).lines[1].unitPriceOre;
  }).toBe(9_125);
  // The queue polls; stop it before the fixture closes the core under it.
  await desk.goto('about:blank');
});

test('a plusskunde within the main fuse: the offer section says no contribution, and the draft has no lines', async ({ desk, harness }) => {
  const target = approvedCase(harness);
  harness.core.database.sqlite
    .prepare(`UPDATE cases SET request_type = 'production', has_production = 1, production_kw = 10, main_fuse_a = 63,
                network_system = '230V_IT', phases = 3 WHERE id = ?`)
    .run(target.id);
  harness.core.context.casesChanged('all');
  await openCaseByKeyboard(desk, target.caseNumber);
  const section = desk.getByRole('region', { name: 'Tilbud' });
  const notice = section.getByTestId('plusskunde-notice');
  await expect(notice).toContainText('Plusskunde innenfor hovedsikringen: ikke anleggsbidrag');
  await expect(notice).toContainText('Produksjonen på 10 kW er innenfor det hovedsikringen på 63 A tåler (om lag 25,1 kW)');
  await press(section.getByRole('button', { name: 'Lag tilbud' }), 'Enter');
  await expect(section.getByText('Tilbudet har ingen linjer.', { exact: false })).toBeVisible();
  await expect(section.getByTestId('grand-total')).toHaveText('0,00');
  expect(await axeViolations(desk)).toEqual([]);
  await section.screenshot({ path: test.info().outputPath('offer-plusskunde.png') });
});

test('someone with read-only access sees a draft offer read only, told why, with no way to change or issue it', async ({ page }) => {
  // A case handler drafts the offer; then the same desk's data is opened by a reader.
  const dataDirectory = mkdtempSync(path.join(tmpdir(), 'desk-offer-reader-'));
  try {
    const handler = startHarnessCore({ cases: 60, dataDirectory });
    const target = approvedCase(handler);
    const draft = await handler.core.dispatch('case.createOfferDraft', { caseId: target.id });
    expect(draft.ok).toBe(true);
    await handler.dispose();

    const reader = startHarnessCore({ cases: 60, dataDirectory, userId: 'liv.berge' });
    try {
      await openDesk(page, reader.core);
      await openCaseByKeyboard(page, target.caseNumber);
      const section = page.getByRole('region', { name: 'Tilbud' });
      await expect(section).toContainText('Utkast. Med lesetilgang kan du se det, ikke endre det.');
      await expect(section).not.toContainText('Bare den som har saken');
      await expect(section.getByTestId('offer-line').first()).toBeVisible();
      await expect(section.getByTestId('deduction-input')).toHaveCount(0);
      await expect(section.getByRole('button', { name: /Utsted/ })).toHaveCount(0);
      expect(await axeViolations(page)).toEqual([]);
      if (process.env.SCREENSHOTS) {
        await section.getByRole('heading').first().evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: path.join(process.cwd(), '.screenshots', 'offer-draft-reader.png') });
      }
    } finally {
      await reader.dispose();
    }
  } finally {
    rmSync(dataDirectory, { recursive: true, force: true });
  }
});
