// Two case handlers at two desks on one central database, each desk a real core with its own cache behind its
// own page, signed in to the central service and syncing through it: what one does shows on the other's screen
// without a reload; claims say who works on a case; the connection is always in view; the settings screen tries
// the service before anything is saved.
import type { Locator, Page } from '@playwright/test';
import type { HarnessCore } from '../../harness/harnessCore';
import type { CaseDetail } from '../../shared/contract';
import { ok } from '../support/apiResult';
import { TEST_PASSWORD } from '../support/postgres';
import { serviceFor } from '../support/serviceInstances';
import { axeViolations, expect, syncStatus, test } from './fixtures';

interface CaseRef {
  id: number;
  case_number: string;
}

/** A case in the default queue (new or in review) that nobody holds, from this desk's cache. */
function freeCase(harness: HarnessCore, skip = 0): CaseRef {
  return harness.core.database.sqlite
    .prepare(
      `SELECT id, case_number FROM cases
       WHERE status IN ('new', 'in_review') AND claimed_by IS NULL
       ORDER BY submitted_at, id LIMIT 1 OFFSET ?`,
    )
    .get(skip) as CaseRef;
}

async function openCase(page: Page, caseNumber: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Søk i saker' }).fill(caseNumber);
  await page.getByRole('grid', { name: 'Arbeidskø' }).getByText(caseNumber, { exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: caseNumber })).toBeVisible();
}

async function waiting(harness: HarnessCore): Promise<{ pending: number; refused: number } | null> {
  const status = await syncStatus(harness.core);
  return status.mode === 'central' ? { pending: status.pending, refused: status.refused } : null;
}

const indicator = (page: Page) => page.getByRole('banner').getByRole('button', { name: /Tilkoblet|Synkroniserer|Frakoblet|Feil|Kobler til/ });
/** The claim line of the case view ("Hvem arbeider med saken: …"). */
const claimLine = (page: Page) => page.getByRole('status').filter({ hasText: 'Hvem arbeider med saken' });
/** A dialog done sliding or fading in: axe measures contrast against what is on screen at that moment. */
const settled = (dialog: Locator) => expect(dialog).toHaveCSS('opacity', '1');
const notes = (page: Page) => page.getByRole('region', { name: 'Interne notater' });

test('two desks on one central database: a note added at one appears at the other without a reload', async ({ central }) => {
  const { anne, bjorn } = central;
  const target = freeCase(anne.harness);
  await openCase(anne.page, target.case_number);
  await openCase(bjorn.page, target.case_number);

  const text = 'Ringte installatøren: situasjonskartet kommer på e-post i dag.';
  await anne.page.getByRole('textbox', { name: 'Nytt internt notat' }).fill(text);
  await anne.page.getByRole('button', { name: 'Legg til notat' }).click();
  await expect(notes(anne.page)).toContainText(text);

  // Bjørn's screen follows on its own: the service tells his core of the note and his case view reads it.
  await expect(notes(bjorn.page)).toContainText(text, { timeout: 5_000 });
  await expect(notes(bjorn.page).getByRole('listitem').filter({ hasText: text })).toContainText('Anne Hansen');
  await expect(bjorn.page.getByRole('heading', { level: 1, name: target.case_number })).toBeVisible();
  // And Anne's change reached the central database and left nothing waiting.
  await expect.poll(async () => waiting(anne.harness)).toEqual({ pending: 0, refused: 0 });
});

test('the connection indicator says Tilkoblet, and its panel names the server and what waits', async ({ central }) => {
  const { anne } = central;
  const page = anne.page;
  await expect(page.getByRole('banner').getByRole('status')).toContainText('Tilkoblet');
  // The queue works from the downloaded cache.
  const open = anne.harness.core.database.sqlite
    .prepare("SELECT count(*) AS n FROM cases WHERE status IN ('new', 'in_review')")
    .get() as { n: number };
  expect(open.n).toBeGreaterThan(0);
  await expect(page.getByText(`${open.n} saker`)).toBeVisible();
  await indicator(page).click();
  const panel = page.getByRole('dialog', { name: 'Tilkobling' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(anne.login);
  await expect(panel).toContainText('Ingen – alt er sendt');
  await expect(panel).toContainText('Endringer som ikke ble lagret (0)');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  // Esc closed the panel only: still on the queue.
  await expect(page.getByRole('heading', { level: 1, name: 'Arbeidskø' })).toBeVisible();
});

test('a claim taken at one desk shows at the other as "Tatt av …", and letting go frees the case', async ({ central }) => {
  const { anne, bjorn } = central;
  // A free case still waiting for its grid assessment, so that recording one is among what the claim opens.
  let target: CaseRef | undefined;
  for (let skip = 1; !target && skip < 40; skip++) {
    const candidate = freeCase(anne.harness, skip);
    const detail = ok<CaseDetail>(await anne.harness.core.dispatch('case.get', { caseId: candidate.id }));
    if (detail.gridAssessmentRequired && detail.gridAssessment === null) target = candidate;
  }
  expect(target, 'the central demo data has a free case that needs a grid assessment').toBeDefined();
  await openCase(anne.page, target!.case_number);
  await openCase(bjorn.page, target!.case_number);
  await expect(claimLine(bjorn.page)).toContainText('Ingen arbeider med saken nå');

  // A case handler takes cases; assigning is the supervisor's.
  await expect(anne.page.getByRole('button', { name: 'Tildel meg' })).toHaveCount(0);
  // Casework waits for the claim (the service would refuse it): no decisions, no correcting the owner, no grid
  // assessment, no request to the installer.
  const ownerButton = (page: Page) => page.getByRole('button', { name: 'Rett opplysninger om eier' });
  const caseworkButtons = (page: Page) => [
    ownerButton(page),
    page.getByRole('button', { name: 'Registrer vurdering' }),
    page.getByRole('button', { name: /^Be om opplysninger/ }),
  ];
  await expect(anne.page.getByText('Ta saken for å arbeide med den. Notater kan du skrive uansett.')).toBeVisible();
  await expect(anne.page.getByRole('group', { name: 'Beslutninger' })).toHaveCount(0);
  for (const button of caseworkButtons(anne.page)) await expect(button).toHaveCount(0);
  await anne.page.getByRole('button', { name: 'Ta saken' }).click();
  await expect(claimLine(anne.page)).toContainText(/Du arbeider med saken \(til \d\d:\d\d\)$/);
  await expect(anne.page.getByRole('group', { name: 'Beslutninger' })).toBeVisible();
  for (const button of caseworkButtons(anne.page)) await expect(button).toBeVisible();
  await expect(anne.page.getByText('Ta saken for å arbeide med den.')).toHaveCount(0);

  await expect(claimLine(bjorn.page)).toContainText(/Tatt av Anne Hansen til \d\d:\d\d$/, { timeout: 5_000 });
  await expect(bjorn.page.getByRole('button', { name: 'Ta saken' })).toHaveCount(0);
  await expect(bjorn.page.getByRole('group', { name: 'Beslutninger' })).toHaveCount(0);
  for (const button of caseworkButtons(bjorn.page)) await expect(button).toHaveCount(0);
  await expect(bjorn.page.getByText('Bare den som har saken kan arbeide med den.')).toBeVisible();
  // Notes are for everyone, whoever holds the case.
  await expect(bjorn.page.getByRole('textbox', { name: 'Nytt internt notat' })).toBeEnabled();

  await anne.page.getByRole('button', { name: 'Slipp saken' }).click();
  await expect(claimLine(anne.page)).toContainText('Ingen arbeider med saken nå');
  await expect(claimLine(bjorn.page)).toContainText('Ingen arbeider med saken nå', { timeout: 5_000 });
  await expect(bjorn.page.getByRole('button', { name: 'Ta saken' })).toBeVisible();
});

test('a refused change is listed with what was written; it can be discarded, or applied again once it fits', async ({ central }) => {
  const { anne, bjorn } = central;
  const target = freeCase(anne.harness, 2);
  await openCase(anne.page, target.case_number);
  await anne.page.getByRole('button', { name: 'Ta saken' }).click();
  await expect(claimLine(anne.page)).toContainText('Du arbeider med saken');
  await expect
    .poll(() => bjorn.harness.core.database.sqlite.prepare('SELECT claimed_by FROM cases WHERE id = ?').get(target.id))
    .toEqual({ claimed_by: anne.login });

  // Bjørn's desk changes the case Anne holds, as a desk that had not yet heard of her claim would (a status with
  // its reason, and a claim of its own): the central database says no to both.
  const page = bjorn.page;
  await openCase(page, target.case_number);
  const reason = 'Situasjonskart mangler.';
  const made = await page.evaluate(
    async ({ caseId, reason }) => {
      const api = (window as unknown as { api: Record<string, (input: unknown) => Promise<{ ok: boolean }>> }).api;
      const status = await api['case.setStatus']({ caseId, status: 'waiting_for_info', reason });
      const claim = await api['case.claim']({ caseId });
      return [status.ok, claim.ok];
    },
    { caseId: target.id, reason },
  );
  expect(made).toEqual([true, true]);
  await expect(indicator(page)).toContainText('2 ikke lagret', { timeout: 5_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'ble ikke lagret' }).first()).toBeVisible();
  // The optimistic change was taken back: the case is as Anne left it.
  await expect(claimLine(page)).toContainText('Tatt av Anne Hansen');

  await indicator(page).click();
  const panel = page.getByRole('dialog', { name: 'Tilkobling' });
  await expect(panel).toContainText('Endringer som ikke ble lagret (2)');
  const statusChange = panel.getByRole('listitem').filter({ hasText: 'Status til «Venter på installatør»' });
  await expect(statusChange).toContainText(target.case_number);
  await expect(statusChange).toContainText(reason);
  await expect(statusChange).toContainText(/saken er tatt av en annen saksbehandler/i);
  const claim = panel.getByRole('listitem').filter({ hasText: `Ta sak ${target.case_number}` });
  await expect(claim).toContainText(/saken er tatt av en annen saksbehandler/i);
  await settled(panel);
  expect(await axeViolations(page)).toEqual([]);

  // Discarding asks first, and "Avbryt" leaves everything as it was.
  await statusChange.getByRole('button', { name: 'Forkast' }).click();
  await expect(statusChange).toContainText('Forkaste endringen?');
  await statusChange.getByRole('button', { name: 'Avbryt' }).click();
  await expect(statusChange.getByRole('button', { name: 'Forkast' })).toBeFocused();
  await statusChange.getByRole('button', { name: 'Forkast' }).click();
  await statusChange.getByRole('button', { name: 'Ja, forkast' }).click();
  await expect(panel).toContainText('Endringer som ikke ble lagret (1)');

  // Once Anne lets go, Bjørn applies his claim again, and this time it is granted.
  await anne.page.getByRole('button', { name: 'Slipp saken' }).click();
  await expect
    .poll(() => bjorn.harness.core.database.sqlite.prepare('SELECT claimed_by FROM cases WHERE id = ?').get(target.id))
    .toEqual({ claimed_by: null });
  await claim.getByRole('button', { name: 'Bruk på nytt' }).click();
  await expect(panel).toContainText('Endringer som ikke ble lagret (0)');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(indicator(page)).not.toContainText('ikke lagret');
  await expect(claimLine(page)).toContainText('Du arbeider med saken', { timeout: 5_000 });
  await expect(claimLine(anne.page)).toContainText('Tatt av Bjørn Lie', { timeout: 5_000 });
});

test('a draft offer is built by whoever holds the case; let go, it shows read only, at this desk and the other', async ({ central }) => {
  const { anne, bjorn } = central;
  const target = anne.harness.core.database.sqlite
    .prepare(
      `SELECT id, case_number FROM cases c WHERE status = 'approved' AND claimed_by IS NULL AND has_production = 0
         AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = c.id) ORDER BY id LIMIT 1`,
    )
    .get() as CaseRef | undefined;
  expect(target, 'the central demo data has an approved case without production or an offer').toBeDefined();
  const showEveryStatus = async (page: Page) => {
    await page.getByRole('checkbox', { name: /^Ny\b/ }).uncheck();
    await page.getByRole('checkbox', { name: /^Under behandling/ }).uncheck();
  };
  await showEveryStatus(anne.page);
  await openCase(anne.page, target!.case_number);
  const section = anne.page.getByRole('region', { name: 'Tilbud' });
  // Not the case handler's yet: nothing to offer from here (no offers, so no section at all).
  await expect(anne.page.getByText('Ta saken for å arbeide med den.')).toBeVisible();
  await expect(anne.page.getByRole('button', { name: 'Lag tilbud' })).toHaveCount(0);

  await anne.page.getByRole('button', { name: 'Ta saken' }).click();
  await section.getByRole('button', { name: 'Lag tilbud' }).click();
  const lines = section.getByTestId('offer-line');
  await expect(section.getByTestId('deduction-input')).toBeVisible();
  await expect(lines.first()).toBeVisible();
  const lineCount = await lines.count();
  await expect.poll(async () => waiting(anne.harness), { timeout: 10_000 }).toEqual({ pending: 0, refused: 0 });

  // Let go: the draft stays, its lines and figures read only, with no way to change or issue it.
  await anne.page.getByRole('button', { name: 'Slipp saken' }).click();
  await expect(claimLine(anne.page)).toContainText('Ingen arbeider med saken nå');
  await expect(section).toContainText('Utkast. Bare den som har saken kan endre det.');
  await expect(lines).toHaveCount(lineCount);
  await expect(section.getByTestId('deduction-input')).toHaveCount(0);
  await expect(section.getByRole('button', { name: /Utsted/ })).toHaveCount(0);
  expect(await axeViolations(anne.page)).toEqual([]);

  // Bjørn's desk has it too, read only.
  await showEveryStatus(bjorn.page);
  await openCase(bjorn.page, target!.case_number);
  const seen = bjorn.page.getByRole('region', { name: 'Tilbud' });
  await expect(seen).toContainText('Utkast. Bare den som har saken kan endre det.', { timeout: 10_000 });
  await expect(seen.getByTestId('offer-line')).toHaveCount(lineCount);
  await expect(seen.getByTestId('deduction-input')).toHaveCount(0);
});

test('settings: the form shows the service and who is signed in, and "Test tilkobling" says whether it works', async ({ central }) => {
  const { anne, db } = central;
  const page = anne.page;
  const running = await serviceFor(db);
  // What the page asks of the core: an address refused by the form must never reach it (nor the network).
  const calls: string[] = [];
  const dispatch = anne.harness.core.dispatch.bind(anne.harness.core);
  anne.harness.core.dispatch = (name, input) => {
    calls.push(name);
    return dispatch(name, input);
  };
  const region = page.getByRole('region', { name: 'Sentral tjeneste' });
  const urlField = region.getByRole('textbox', { name: 'Adresse' });
  const userField = region.getByRole('textbox', { name: 'Brukernavn' });
  const passwordField = region.getByLabel(/^Passord/);

  await page.getByRole('button', { name: 'Innstillinger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
  await expect(region.getByText(`Nå: logget inn på ${running.url} som ${anne.login}, til`)).toBeVisible();
  await expect(urlField).toHaveValue(running.url);
  await expect(userField).toHaveValue(anne.login);
  await expect(passwordField).toHaveValue('');
  await expect(region.getByText('Denne maskinen har ingen nøkkelring, så innloggingen gjelder bare til programmet lukkes.')).toBeVisible();
  await expect(region.getByRole('button', { name: 'Logg ut' })).toBeVisible();
  // This service has no identity provider configured (its config answers 404): no such button.
  await expect(region.getByRole('button', { name: 'Logg inn med virksomhetens pålogging' })).toHaveCount(0);

  // The service answers, and with the password the sign-in works and names the person and their role.
  await passwordField.fill(TEST_PASSWORD);
  await region.getByRole('button', { name: 'Test tilkobling' }).click();
  const ok = region.getByRole('status').filter({ hasText: 'Tjenesten svarer' });
  await expect(ok).toContainText(`Innloggingen virker: Anne Hansen (${anne.login}, Saksbehandler).`);
  expect(await axeViolations(page)).toEqual([]);

  // A wrong password is said as such, with what to do.
  await passwordField.fill('feil-passord');
  await region.getByRole('button', { name: 'Test tilkobling' }).click();
  await expect(region.getByRole('alert').filter({ hasText: 'Det virker ikke' })).toContainText('Brukernavnet eller passordet er feil.');
  expect(await axeViolations(page)).toEqual([]);

  // Plain http:// to another machine is refused beside the field, with the reason, before anything is sent.
  calls.length = 0;
  await urlField.fill('http://saksbehandling.nettselskap.no');
  await region.getByRole('button', { name: 'Test tilkobling' }).click();
  await expect(region.getByText('Adressen begynner med http://, som sender passordet ukryptert over nettet.')).toBeVisible();
  await expect(urlField).toHaveAttribute('aria-invalid', 'true');
  await expect(urlField).toBeFocused();
  await region.getByRole('button', { name: 'Logg inn og lagre' }).click();
  await expect(urlField).toBeFocused();
  expect(calls.filter((name) => name !== 'sync.status' && name !== 'outbox.refused')).toEqual([]);

  // Signing in needs a user name; the first wrong field gets the focus.
  await urlField.fill(running.url);
  await userField.fill('');
  await region.getByRole('button', { name: 'Logg inn og lagre' }).click();
  await expect(region.getByText('Skriv inn brukernavnet ditt.')).toBeVisible();
  await expect(userField).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);

  // Going back to standalone asks first; Esc closes the question and stays on the settings.
  await page.getByRole('button', { name: 'Bruk frittstående modus' }).click();
  const confirm = page.getByRole('dialog', { name: 'Bruke frittstående modus?' });
  await expect(confirm).toContainText('starter på nytt med demodataene på denne maskinen');
  await settled(confirm);
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();

  // Esc goes back to where the settings were opened from; nothing was saved, and the desk is still signed in.
  await page.getByRole('heading', { level: 1, name: 'Innstillinger' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Arbeidskø' })).toBeVisible();
  const saved = await anne.harness.core.dispatch('settings.get', {});
  expect(saved).toMatchObject({ ok: true, value: { central: { url: running.url, username: anne.login, signedIn: true } } });
  await expect(page.getByRole('banner').getByRole('status')).toContainText('Tilkoblet');
});

test('the case view in central mode, with a claim held, is clean under axe', async ({ central }) => {
  const { anne, bjorn } = central;
  const target = freeCase(anne.harness, 3);
  await openCase(anne.page, target.case_number);
  await anne.page.getByRole('button', { name: 'Ta saken' }).click();
  await expect(claimLine(anne.page)).toContainText('Du arbeider med saken');
  expect(await axeViolations(anne.page)).toEqual([]);
  await openCase(bjorn.page, target.case_number);
  await expect(claimLine(bjorn.page)).toContainText('Tatt av Anne Hansen', { timeout: 5_000 });
  expect(await axeViolations(bjorn.page)).toEqual([]);
});
