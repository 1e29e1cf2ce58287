// Every case can end, in the browser (issue 13): a case handler registers the owner's decline told by phone, an
// offer that ran out (and is refused one that still holds), and a withdrawal — the installer's before acceptance, the
// owner's after it as a cancellation with the costs already incurred. Each closes the case with its reason shown in
// words, the confirmation says a message was queued only when one was, and the dialogs are used by keyboard and
// scanned with axe.
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { HarnessCore } from '../../harness/harnessCore';
import { insertIssuedOffer } from '../support/issuedOffer';
import { axeViolations, expect, openCaseByKeyboard, test } from './fixtures';

const SHOTS = process.env.SCREENSHOTS ? path.resolve(__dirname, '../../.screenshots') : null;
const shoot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

interface CaseRef {
  id: number;
  caseNumber: string;
}

/** A new-installation case with no offer put in `status`, and an issued offer valid until `validUntil` if given. */
function caseInStatus(harness: HarnessCore, status: string, validUntil?: string, skip: number[] = []): CaseRef {
  const sqlite = harness.core.database.sqlite;
  const row = sqlite
    .prepare(
      `SELECT id, case_number AS caseNumber FROM cases
       WHERE request_type = 'new_installation' AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = cases.id)
         AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 1`,
    )
    .get(JSON.stringify(skip)) as CaseRef;
  sqlite.prepare('UPDATE cases SET status = ? WHERE id = ?').run(status, row.id);
  if (validUntil) insertIssuedOffer(sqlite, row.id, { validUntil });
  return row;
}

const header = (desk: Page) => desk.locator('dl').first();

test('the owner declined by phone: registered with the owner’s words, the case closes and the installer is told', async ({ desk, harness }) => {
  const sent = caseInStatus(harness, 'offer_sent', '2026-12-31');
  harness.core.context.casesChanged('all');
  await openCaseByKeyboard(desk, sent.caseNumber);
  await expect(desk.getByRole('button', { name: /Eier takket nei/ })).toHaveAttribute('aria-keyshortcuts', 'Alt+E');
  await desk.getByRole('heading', { level: 1, name: sent.caseNumber }).focus();
  await desk.keyboard.press('Alt+KeyE');
  const dialog = desk.getByRole('dialog', { name: `Registrer at eieren takket nei i sak ${sent.caseNumber}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: /Begrunnelse/ })).toBeFocused();
  await desk.keyboard.type('Eieren ringte: for dyrt, bygger ikke i år.');
  expect(await axeViolations(desk)).toEqual([]);
  await shoot(desk, 'case-endings-1-decline-dialog');
  await dialog.getByRole('button', { name: 'Registrer og avslutt' }).click();
  await expect(desk.getByText('Saken er avsluttet: eieren takket nei. Beskjed til installatøren er lagt til utsending.')).toBeVisible();
  await expect(header(desk)).toContainText('Avsluttet fordi');
  await expect(header(desk)).toContainText('Eier takket nei til tilbudet – «Eieren ringte: for dyrt, bygger ikke i år.»');
  const history = desk.getByRole('region', { name: 'Historikk' });
  await expect(history).toContainText('Status endret fra Tilbud sendt til Avsluttet');
  await expect(history).toContainText('Melding om avsluttet sak lagt til utsending');
  const message = harness.core.database.sqlite.prepare('SELECT kind, body FROM outgoing_messages WHERE case_id = ?').get(sent.id) as
    { kind: string; body: string };
  expect(message.kind).toBe('closure');
  expect(message.body).toContain('«Eieren ringte: for dyrt, bygger ikke i år.»');
  // Nothing more to decide on a closed case.
  await expect(desk.getByRole('group', { name: 'Beslutninger' })).toHaveCount(0);
  expect(await axeViolations(desk)).toEqual([]);
  await shoot(desk, 'case-endings-2-declined');
});

test('an offer that ran out is registered as expired; one that still holds is refused with its last day', async ({ desk, harness }) => {
  const holding = caseInStatus(harness, 'offer_sent', '2026-12-31');
  const ranOut = caseInStatus(harness, 'offer_sent', '2026-11-20', [holding.id]);
  harness.core.context.casesChanged('all');

  await openCaseByKeyboard(desk, holding.caseNumber);
  await desk.getByRole('button', { name: /Tilbudet gikk ut/ }).click();
  let dialog = desk.getByRole('dialog', { name: `Registrer at tilbudet gikk ut i sak ${holding.caseNumber}` });
  await dialog.getByRole('button', { name: 'Registrer og avslutt' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Tilbudet har ikke gått ut');
  await expect(dialog.getByRole('alert')).toContainText('31.12.2026');
  await dialog.getByRole('button', { name: 'Avbryt' }).last().click();
  await expect(dialog).toBeHidden();
  await expect(desk.getByText('Tilbud sendt').first()).toBeVisible();

  // Cancelling the dialog leaves no refusal behind in the decision bar.
  await expect(desk.getByRole('alert').filter({ hasText: 'Tilbudet har ikke gått ut' })).toHaveCount(0);
  await desk.getByRole('button', { name: 'Tilbake til køen' }).click();
  await openCaseByKeyboard(desk, ranOut.caseNumber);
  // The case's own "Tilbake til køen" under the pointer: axe below measures its hover colours too (blue 9 on blue 0).
  await desk.getByRole('button', { name: 'Tilbake til køen' }).hover();
  await desk.getByRole('heading', { level: 1, name: ranOut.caseNumber }).focus();
  await desk.keyboard.press('Alt+KeyX');
  dialog = desk.getByRole('dialog', { name: `Registrer at tilbudet gikk ut i sak ${ranOut.caseNumber}` });
  await expect(dialog).toBeVisible();
  // By keyboard: from the words field past Avbryt to the confirming button.
  await desk.keyboard.press('Tab');
  await desk.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Registrer og avslutt' })).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(desk.getByText('Saken er avsluttet: tilbudet gikk ut. Beskjed til installatøren er lagt til utsending.')).toBeVisible();
  await expect(header(desk)).toContainText('Tilbudet gikk ut');
  expect(await axeViolations(desk)).toEqual([]);
  await shoot(desk, 'case-endings-3-expired');

  // In the queue the closed case says why it closed.
  await desk.keyboard.press('Escape');
  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill(ranOut.caseNumber);
  await expect(desk.getByRole('grid', { name: 'Arbeidskø' })).toContainText('Avsluttet · Tilbudet gikk ut');
  // And the filter by why cases closed finds it among the demo's expired offers, the offer that still holds not.
  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill('');
  await desk.getByRole('combobox', { name: 'Avsluttet fordi' }).click();
  await desk.getByRole('option', { name: 'Tilbudet gikk ut' }).click();
  await desk.keyboard.press('Escape');
  const grid = desk.getByRole('grid', { name: 'Arbeidskø' });
  await expect(grid).toContainText(ranOut.caseNumber);
  await expect(grid).not.toContainText(holding.caseNumber);
  await expect(grid).not.toContainText('Trukket av');
  expect(await axeViolations(desk)).toEqual([]);
  await shoot(desk, 'case-endings-3b-closure-filter');
});

test('withdrawals: the installer’s before acceptance, and the owner’s after it as a cancellation with its costs', async ({ desk, harness }) => {
  const inReview = caseInStatus(harness, 'in_review');
  const paid = caseInStatus(harness, 'paid', '2026-12-31', [inReview.id]);
  harness.core.context.casesChanged('all');

  await openCaseByKeyboard(desk, inReview.caseNumber);
  await expect(desk.getByRole('button', { name: /Bestillingen er trukket/ })).toHaveAttribute('aria-keyshortcuts', 'Alt+W');
  await desk.getByRole('heading', { level: 1, name: inReview.caseNumber }).focus();
  await desk.keyboard.press('Alt+KeyW');
  let dialog = desk.getByRole('dialog', { name: `Registrer at bestillingen er trukket i sak ${inReview.caseNumber}` });
  await expect(dialog).toContainText('Dette er ikke en avvisning');
  // Who withdrew must be said.
  await dialog.getByRole('button', { name: 'Registrer og avslutt' }).click();
  await expect(dialog).toContainText('Velg et av alternativene.');
  await expect(dialog.getByRole('textbox', { name: /Påløpte kostnader/ })).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'Installatøren' }).focus();
  await desk.keyboard.press('Space');
  await dialog.getByRole('textbox', { name: /Begrunnelse/ }).fill('Installatøren meldte feil adresse, sender ny melding.');
  expect(await axeViolations(desk)).toEqual([]);
  await shoot(desk, 'case-endings-4-withdraw-dialog');
  await dialog.getByRole('button', { name: 'Registrer og avslutt' }).click();
  await expect(desk.getByText('Saken er avsluttet som trukket. Beskjed til installatøren er lagt til utsending.')).toBeVisible();
  await expect(header(desk)).toContainText('Trukket av installatøren – «Installatøren meldte feil adresse, sender ny melding.»');
  await expect(desk.getByRole('region', { name: 'Historikk' })).toContainText('Bekreftelse på trukket bestilling lagt til utsending');

  await desk.keyboard.press('Escape');
  await openCaseByKeyboard(desk, paid.caseNumber);
  await desk.getByRole('button', { name: /Bestillingen er trukket/ }).click();
  dialog = desk.getByRole('dialog', { name: `Registrer at bestillingen er trukket i sak ${paid.caseNumber}` });
  await expect(dialog).toContainText('så dette er en kansellering');
  await dialog.getByRole('radio', { name: 'Eieren' }).check();
  await dialog.getByRole('textbox', { name: /Begrunnelse/ }).fill('Eier har trukket bestillingen');
  const costs = dialog.getByRole('textbox', { name: /Påløpte kostnader/ });
  await costs.fill('tolv tusen');
  await dialog.getByRole('button', { name: 'Registrer og avslutt' }).click();
  await expect(dialog).toContainText('Skriv et beløp i kroner');
  await costs.fill('12 500');
  expect(await axeViolations(desk)).toEqual([]);
  await shoot(desk, 'case-endings-5-cancellation-dialog');
  await dialog.getByRole('button', { name: 'Registrer og avslutt' }).click();
  await expect(dialog).toBeHidden();
  await expect(header(desk)).toContainText('Trukket av eieren – «Eier har trukket bestillingen» · Påløpte kostnader: 12\u00a0500,00\u00a0kr');
  await expect(desk.getByRole('region', { name: 'Historikk' })).toContainText('Melding om kansellering lagt til utsending');
  const message = harness.core.database.sqlite.prepare('SELECT kind, body FROM outgoing_messages WHERE case_id = ?').get(paid.id) as
    { kind: string; body: string };
  expect(message.kind).toBe('cancellation');
  expect(message.body).toContain('12\u00a0500,00\u00a0kr, faktureres eieren etter tilknytningsavtalen');
  expect(await axeViolations(desk)).toEqual([]);
  await shoot(desk, 'case-endings-6-cancelled');
});
