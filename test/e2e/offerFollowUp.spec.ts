// After the offer, in the browser: a case with an offer issued through the core; the handler sends it from the
// decision bar; the billing system's file (acceptance, invoice, payment) is imported as `npm run import-payments`
// does; the case then shows the start approval in its history and billing section. The queue's "expired offers"
// filter lists an offer sent but never accepted whose validity has run out. Axe scans both screens.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { importPaymentsIntoSqlite } from '../../core/billing/localPaymentImport';
import type { CreateOfferDraftResult, IssueOfferResult, OfferDetail } from '../../shared/contract';
import { HARNESS_NOW, type HarnessCore } from '../../harness/harnessCore';
import { insertIssuedOffer } from '../support/issuedOffer';
import { ok } from '../support/apiResult';
import { paidInFullFile } from '../support/billingFile';
import { axeViolations, expect, test, openCaseByKeyboard } from './fixtures';

const SHOTS = process.env.SCREENSHOTS ? path.resolve(__dirname, '../../.screenshots') : null;
const shoot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

interface CaseRef {
  id: number;
  caseNumber: string;
}

function caseInStatus(harness: HarnessCore, status: string, skip: number[] = []): CaseRef {
  const row = harness.core.database.sqlite
    .prepare(
      `SELECT id, case_number AS caseNumber FROM cases
       WHERE request_type = 'new_installation' AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = cases.id)
         AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 1`,
    )
    .get(JSON.stringify(skip)) as CaseRef;
  harness.core.database.sqlite.prepare('UPDATE cases SET status = ? WHERE id = ?').run(status, row.id);
  return row;
}

test('an issued offer is sent from the decision bar; the payment file releases the work; expired offers are found', async ({ desk, harness }) => {
  // An approved case with an offer issued through the core (the letter rendered to PDF, as at the desk).
  const approved = caseInStatus(harness, 'approved');
  const draft = ok<CreateOfferDraftResult>(await harness.core.dispatch('case.createOfferDraft', { caseId: approved.id }));
  ok<IssueOfferResult>(await harness.core.dispatch('case.issueOffer', { offerId: draft.offerId }));
  const offer = ok<OfferDetail>(await harness.core.dispatch('offer.get', { offerId: draft.offerId }));
  // Another case whose offer went out but ran out on 20 November without an answer.
  const expired = caseInStatus(harness, 'offer_sent', [approved.id]);
  insertIssuedOffer(harness.core.database.sqlite, expired.id, { validUntil: '2026-11-20' });
  harness.core.context.casesChanged('all');

  await openCaseByKeyboard(desk, approved.caseNumber);
  const send = desk.getByRole('button', { name: /Registrer tilbud sendt/ });
  await expect(send).toHaveAttribute('aria-keyshortcuts', 'Alt+N');
  await desk.getByRole('heading', { level: 1, name: approved.caseNumber }).focus();
  await desk.keyboard.press('Alt+KeyN');
  await expect(desk.getByText('Tilbudet er registrert som sendt')).toBeVisible();
  const billing = desk.getByRole('region', { name: 'Fakturering' });
  await expect(billing).toContainText(`Tilbud versjon ${offer.offerVersion}`);
  await expect(billing).toContainText('Klarsignal er ikke sendt ennå.');
  // The owner's steps are the billing system's now: the decision bar offers registering the acceptance.
  await expect(desk.getByRole('button', { name: /Registrer at tilbudet er godtatt/ })).toBeVisible();

  // The billing system's file: acceptance, invoice and payment of the offer's exact total.
  const file = paidInFullFile(approved.caseNumber, offer.offerVersion, offer.grossOre, 'E2E');
  const summary = importPaymentsIntoSqlite(harness.core.database.sqlite, 'betalinger.csv', file, { now: new Date(HARNESS_NOW) });
  expect(summary).toMatchObject({ applied: 3, flagged: 0, quarantined: 0 });
  harness.core.context.casesChanged(summary.caseIds);

  // Back to the queue and into the case again: paid, and the start approval is in the history.
  await desk.keyboard.press('Escape');
  await openCaseByKeyboard(desk, approved.caseNumber);
  const history = desk.getByRole('region', { name: 'Historikk' });
  await expect(history).toContainText('Klarsignal lagt til utsending');
  await expect(history).toContainText('Betaling registrert: tilbud versjon 1');
  await expect(history).toContainText('Fra fakturasystemets fil');
  await expect(desk.getByRole('region', { name: 'Fakturering' })).toContainText('Klarsignal til installatøren lagt til utsending');
  await expect(desk.getByText('Betalt').first()).toBeVisible();
  expect(await axeViolations(desk)).toEqual([]);
  await shoot(desk, 'offer-follow-up-1-case');

  // The queue: the filter for offers past their validity lists the one that ran out, and only offers sent.
  await desk.keyboard.press('Escape');
  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill('');
  await desk.getByRole('radio', { name: /Utløpte tilbud/ }).check();
  await expect(desk.getByText(expired.caseNumber, { exact: true })).toBeVisible();
  await expect(desk.getByText(approved.caseNumber, { exact: true })).toHaveCount(0);
  await expect(desk.getByRole('radio', { name: 'Utløpte tilbud (1)' })).toBeChecked();
  expect(await axeViolations(desk)).toEqual([]);
  await shoot(desk, 'offer-follow-up-2-expired-filter');
});

test('a payment that does not match the offer is flagged on the case; the handler registers it and resolves the flag', async ({ desk, harness }) => {
  const invoiced = caseInStatus(harness, 'invoice_sent');
  insertIssuedOffer(harness.core.database.sqlite, invoiced.id, { grossOre: 1_234_550 });
  const file = `hendelse_id;type;saksnummer;tilbudsversjon;beløp;dato;referanse\nE2E-9;betaling;${invoiced.caseNumber};1;12 000,00;26.11.2026;KID 9`;
  expect(importPaymentsIntoSqlite(harness.core.database.sqlite, 'b.csv', file, { now: new Date(HARNESS_NOW) })).toMatchObject({ flagged: 1 });
  harness.core.context.casesChanged('all');

  // Findable in the queue, then on the case as a warning saying what is wrong.
  await desk.getByRole('radio', { name: /Avvik fra faktura \(1\)/ }).check();
  await expect(desk.getByRole('grid', { name: 'Arbeidskø' })).toContainText(invoiced.caseNumber);
  await desk.getByRole('radio', { name: /^Alle$/ }).last().check();
  await openCaseByKeyboard(desk, invoiced.caseNumber);
  const warning = desk.getByRole('alert').filter({ hasText: 'Avvik fra fakturasystemet' });
  await expect(warning).toContainText('Beløpet 12 000,00 kr stemmer ikke med tilbudets sum 12 345,50 kr.');
  expect(await axeViolations(desk)).toEqual([]);
  await shoot(desk, 'offer-follow-up-3-flag');

  // Registering the payment by keyboard: Alt+I opens the dialog with the offer's total; a wrong amount is refused.
  await desk.getByRole('heading', { level: 1, name: invoiced.caseNumber }).focus();
  await desk.keyboard.press('Alt+KeyI');
  const dialog = desk.getByRole('dialog', { name: `Registrer betaling i sak ${invoiced.caseNumber}` });
  const amount = dialog.getByRole('textbox', { name: /Beløp/ });
  await expect(amount).toHaveValue('12\u00a0345,50');
  await amount.fill('12 000');
  await dialog.getByRole('button', { name: 'Registrer betaling' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Beløpet 12 000,00 kr er ikke tilbudets sum 12 345,50 kr.');
  await amount.fill('12,3,4');
  await dialog.getByRole('button', { name: 'Registrer betaling' }).click();
  await expect(dialog).toContainText('Skriv beløpet i kroner med høyst to desimaler');
  // What the core said of the earlier amount is gone once the amount was changed.
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  expect(await axeViolations(desk)).toEqual([]);
  await shoot(desk, 'offer-follow-up-4-payment-dialog');
  await amount.fill('12 345,50');
  await dialog.getByRole('textbox', { name: /Referanse/ }).fill('KID 9 rettet');
  await dialog.getByRole('button', { name: 'Registrer betaling' }).click();
  await expect(dialog).toBeHidden();
  await expect(desk.getByRole('region', { name: 'Historikk' })).toContainText('Klarsignal lagt til utsending');

  await warning.getByRole('button', { name: 'Marker som løst' }).click();
  await expect(warning).toBeHidden();
  await expect(desk.getByRole('region', { name: 'Historikk' })).toContainText('Avvik fra fakturering markert som løst');

  // A malformed row of the next file lands in the quarantine beside the portal's messages, with its reason in words.
  const bad = `hendelse_id;type;saksnummer;tilbudsversjon;beløp;dato;referanse\nE2E-10;betaling;${invoiced.caseNumber};1;12,3,4;26.11.2026;`;
  expect(importPaymentsIntoSqlite(harness.core.database.sqlite, 'betalinger-2.csv', bad, { now: new Date(HARNESS_NOW) })).toMatchObject({ quarantined: 1 });
  await desk.keyboard.press('Escape');
  const nav = desk.getByRole('banner').getByRole('button', { name: /^Karantene/ });
  await nav.focus();
  await desk.keyboard.press('Enter');
  const list = desk.getByRole('listbox', { name: 'Karantene' });
  const row = list.getByRole('option').filter({ hasText: 'Beløp (kr): er ikke kroner med høyst to desimaler' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('E2E-10');
  await expect(row).toContainText('billing:betalinger-2.csv');
  expect(await axeViolations(desk)).toEqual([]);
  await shoot(desk, 'offer-follow-up-5-quarantine');
});

