// Following a case in the installers' portal (issue 12, item 3) in Chromium against a real central service on a
// test database: the installer lands on Mine saker, finds a case, reads the grid company's request for information
// in the thread, answers it with the field and the file asked for (the case goes back to review), downloads a file
// from the archive, and sends the ferdigmelding with a meter reading, the dates and the samsvarserklæring once the
// owner has paid. At a phone's width (375 px) and a desktop's (1280 px), axe-clean, with screenshots of the list
// and the case page in test-results/portal-screens/.
import {
  askForInformation, newInstallation, paidAndStarted, PDF, send,
} from '../integration/portal/caseFixture';
import { firmWithAdmin, portalLogin, PASSWORD } from '../integration/portal/portalFixture';
import { osloDate } from '../../core/clock';
import { meterMountingDueDate } from '../../shared/rules';
import { expect, test } from './fixtures';
import { portalService } from './portalService';
import { checkScreen, heading } from './portalScreens';

const portal = portalService('e2e_portal_cases');

const statusOf = async (caseNumber: string) =>
  (await portal.admin.query<{ status: string }>('SELECT status FROM cases WHERE case_number = $1', [caseNumber])).rows[0].status;

for (const [width, height] of [[375, 812], [1280, 900]] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test('the installer follows its cases, answers a request for information and sends the ferdigmelding', async ({ page }) => {
      const email = `montor-${width}@saker.test`;
      const firm = await firmWithAdmin(portal.url, portal.admin, portal.supervisor, email, `Saker Elektro ${width} AS`);
      const installer = await portalLogin(portal.url, email);
      const waiting = await send(installer, newInstallation(firm, `Sjøgata ${width}`, '2026-11-02T08:15:00+01:00'));
      const paid = await send(installer, newInstallation(firm, `Heiveien ${width}`, '2026-11-09T10:30:00+01:00'));
      const handler = await portal.db.createLogin(`anne${width}`, 'case_handler');
      await portal.admin.query("UPDATE app_users SET display_name = 'Anne Saksbehandler' WHERE id = $1", [handler]);
      await askForInformation(portal.admin, waiting, handler, ['power_budget', 'main_fuse']);
      await paidAndStarted(portal.admin, paid);

      // Logging in lands on Mine saker: both cases, newest first, status in plain words, the handler or "Ikke tildelt".
      await page.goto(`${portal.url}/portal/login`);
      await page.getByLabel('E-post').fill(email);
      await page.getByLabel(/^Passord\b/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await expect(heading(page, 'Mine saker')).toBeVisible();
      const main = page.getByRole('main');
      await expect(main.getByRole('link', { name: waiting })).toBeVisible();
      await expect(main.getByRole('link', { name: paid })).toBeVisible();
      await expect(main).toContainText('Venter på opplysninger fra deg');
      await expect(main).toContainText('Anne Saksbehandler');
      await expect(main).toContainText('Ikke tildelt');
      await expect(main).toContainText('Nyinstallasjon');
      await checkScreen(page, 'cases');

      // A search on the address finds the one case.
      await page.getByLabel('Søk på saksnummer eller adresse').fill(`Sjøgata ${width}`);
      await expect(main.getByRole('link', { name: paid })).toHaveCount(0);
      await expect(page.getByRole('status').filter({ hasText: '1 sak' })).toBeVisible();
      await main.getByRole('link', { name: waiting }).click();

      // The case page: where it stands, and the grid company's question in the thread.
      await expect(heading(page, `Sak ${waiting}`)).toBeVisible();
      await expect(main).toContainText('Anne Saksbehandler');
      await expect(main).toContainText('Forespørsel om opplysninger');
      await expect(main).toContainText('Vi trenger mer informasjon');
      await expect(main.getByRole('heading', { name: 'Svar nettselskapet' })).toBeVisible();
      await checkScreen(page, 'case-waiting');

      // A file from the archive, downloaded with the session.
      const downloading = page.waitForEvent('download');
      await main.getByRole('region', { name: 'Arkiv' }).getByRole('button', { name: 'Last ned situasjonskart ø.pdf' }).click();
      expect((await downloading).suggestedFilename()).toBe('situasjonskart ø.pdf');

      // The answer: the main fuse typed, the power budget attached, a few words.
      await page.getByLabel('Hovedsikring (A)').fill('63');
      await page.getByLabel(/^Effektberegning \(PDF, JPEG eller PNG\)/).setInputFiles({
        name: 'effektberegning.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByLabel('Svar til saksbehandleren').fill('Effektberegning vedlagt. Hovedsikringen blir 63 A.');
      await page.getByRole('button', { name: 'Send svar' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Svaret er sendt' })).toBeVisible();
      await expect(main.getByText('Under behandling').first()).toBeVisible();
      await expect(main.getByRole('heading', { name: 'Svar nettselskapet' })).toHaveCount(0);
      await expect(main).toContainText('Tilleggsopplysninger');
      await expect(main).toContainText('effektberegning.pdf');
      expect(await statusOf(waiting)).toBe('in_review');
      await checkScreen(page, 'case-answered');

      // The paid case takes the ferdigmelding: a meter with its reading, the dates, the samsvarserklæring.
      await page.getByRole('link', { name: 'Tilbake til Mine saker' }).click();
      await expect(heading(page, 'Mine saker')).toBeVisible();
      await main.getByRole('link', { name: paid }).click();
      await expect(heading(page, `Sak ${paid}`)).toBeVisible();
      await expect(main).toContainText('Klarsignal for oppstart');
      await page.getByRole('button', { name: 'Send ferdigmelding' }).click();
      await expect(page.getByText('Legg ved samsvarserklæringen.')).toBeVisible();
      await page.getByLabel('Målernummer').fill('7359992912345678');
      await page.getByLabel('Målerstand (kWh)').fill('12,5');
      await page.getByLabel('Arbeidet ble ferdig').fill('2026-12-03');
      await page.getByLabel('Dato spenningssatt').fill('2026-12-04');
      await page.getByLabel('Samsvarserklæring (PDF)').setInputFiles({ name: 'samsvarserklaering.pdf', mimeType: 'application/pdf', buffer: PDF });
      await checkScreen(page, 'case-completion-form');
      await page.getByRole('button', { name: 'Send ferdigmelding' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Ferdigmeldingen er sendt' })).toBeVisible();
      await expect(main.getByText('Ferdigmeldt').first()).toBeVisible();
      await expect(main).toContainText('Måler 7359992912345678: 12,5 kWh');
      await expect(main).toContainText('samsvarserklaering.pdf');
      expect(await statusOf(paid)).toBe('completion_reported');
      // The meter clock: due when the meter is to be up, the shipped 5 working days after the notice arrived.
      const meterDue = meterMountingDueDate(osloDate(new Date()), 5);
      expect((await portal.admin.query("SELECT to_char(due_date, 'YYYY-MM-DD') AS d FROM cases WHERE case_number = $1", [paid])).rows[0].d).toBe(meterDue);
      const dueFact = main.locator('div', { has: page.locator('dt', { hasText: 'Måler skal monteres innen' }) }).last();
      await expect(dueFact.locator('dd')).toHaveText(new Date(`${meterDue}T12:00:00`).toLocaleDateString('nb-NO', { day: 'numeric', month: 'short', year: 'numeric' }));
      await checkScreen(page, 'case-completed');

      // In English: the list's words follow.
      await page.getByRole('navigation').getByRole('link', { name: 'Mine saker' }).click();
      await page.getByRole('radio', { name: 'English' }).check();
      await expect(heading(page, 'My cases')).toBeVisible();
      await expect(main).toContainText('Completion reported');
      await checkScreen(page, 'cases-en');
      await page.getByRole('radio', { name: 'Norsk' }).check();
    });
  });
}
