// Ny melding in the installers' portal (issue 12, item 2) in Chromium against a real central service on a test
// database: an installer on a phone (375 px) and at a desk (1280 px) fetches the installation data the grid company
// holds by metering point ID, types the owner (a wrong fødselsnummer caught on the spot), sees the power budget
// become required when the main fuse goes over 40 A at 400 V, attaches files (one that only pretends to be a PDF
// refused at once), reloads — the draft comes back from the server and asks for the files again — and sends; the
// case is in PostgreSQL with its attachments and the draft is gone. Axe-clean, screenshots in
// test-results/portal-screens/.
import path from 'node:path';
import type { Page } from '@playwright/test';
import pg from 'pg';
import { gs1CheckDigit } from '../../shared/rules';
import { firmWithAdmin, portalLogin, PASSWORD, startPortalService, startSmtp, type TestSmtp } from '../integration/portal/portalFixture';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { login, type RawClient } from '../support/serviceClient';
import { closeServices } from '../support/serviceInstances';
import { expect, test } from './fixtures';
import { SCREENS, checkScreen } from './portalScreens';

let db: TestDatabase;
let smtp: TestSmtp;
let url: string;
let admin: pg.Client;
let supervisor: RawClient;

/** A metering point the grid company knows from an earlier case, one per window width (each run sends a new case). */
const knownMeteringPoint = (width: number) => {
  const first = `7070575000${String(width).padStart(7, '0')}`;
  return `${first}${gs1CheckDigit(first)}`;
};
const WIDTHS = [[375, 812], [1280, 900]] as const;
const ATTACHMENTS = path.resolve(__dirname, '../../resources/demo-attachments');
test.beforeAll(async () => {
  db = await createTestDatabase('e2e_portal_new_message');
  smtp = await startSmtp();
  url = (await startPortalService(db, smtp)).url;
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  supervisor = await login(url, await db.createLogin('sup', 'supervisor'));
  // Another firm's earlier case at the installation: the grid company knows it from there.
  const earlier = await firmWithAdmin(url, admin, supervisor, 'tidligere@elektro.test', 'Tidligere Elektro AS');
  const earlierInstaller = await portalLogin(url, 'tidligere@elektro.test');
  for (const [width] of WIDTHS) {
    const sent = await earlierInstaller.post('/api/portal/messages', {
      messageId: `EARLIER-${width}`, kind: 'request', sentAt: '2025-05-02T08:15:00+02:00',
      sender: { role: 'installer', organisationNumber: earlier.org, name: 'Tidligere Elektro AS' },
      requestType: 'new_installation',
      installation: {
        address: 'Strandveien 12', postcode: '4631', postTown: 'Kristiansand', municipalityNumber: '4204', gnr: 12, bnr: 34,
        buildingUse: 'house', networkSystem: '400V_TN', phases: 3, mainFuseA: 40, meteringPointIds: [knownMeteringPoint(width)], meterNumbers: ['7359992'],
      },
      owner: { name: 'Tidligere Eier', idKind: 'national_id', email: 'tidligere@eier.test' },
      installer: { organisationNumber: earlier.org, name: 'Tidligere Elektro AS' },
    });
    expect(sent.status, sent.text).toBe(200);
  }
});

test.afterAll(async () => {
  await admin?.end();
  await smtp?.close();
  if (db) {
    await closeServices(db);
    await db.drop();
  }
});

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const missingList = (page: Page) => page.getByTestId('completeness-missing');

for (const [width, height] of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test('an installer fills a new installation, the draft survives a reload, and the case is sent', async ({ page }) => {
      const email = `montor${width}@ny-melding.test`;
      const KNOWN = knownMeteringPoint(width);
      const firm = await firmWithAdmin(url, admin, supervisor, email, `Ny Melding ${width} AS`);
      await page.goto(`${url}/portal/login`);
      await page.getByLabel('E-post').fill(email);
      await page.getByLabel(/^Passord\b/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.getByRole('link', { name: 'Ny melding' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Ny melding' })).toBeVisible();
      // An empty form already says what the grid company will want.
      await expect(missingList(page)).toContainText('Situasjonskart 1:500');
      await expect(missingList(page)).not.toContainText('Effektberegning');
      await checkScreen(page, 'new-message-empty');

      // The installation data from the grid company, by metering point ID.
      await field(page, 'Målepunkt-ID å hente med').fill(`${KNOWN.slice(0, 10)} ${KNOWN.slice(10)}`);
      await page.getByRole('button', { name: 'Hent med målepunkt-ID' }).click();
      await expect(page.getByText('Fylt inn fra nettselskapets opplysninger om Strandveien 12, 4631 Kristiansand')).toBeVisible();
      await expect(field(page, 'Adresse')).toHaveValue('Strandveien 12');
      await expect(field(page, 'Gårdsnummer (gnr)')).toHaveValue('12');
      await expect(page.getByRole('combobox', { name: 'Nettsystem' })).toHaveValue('400V_TN');
      await expect(field(page, 'Hovedsikring (A)')).toHaveValue('40');
      // Nothing of the earlier owner came with it.
      await expect(field(page, 'Eiers navn')).toHaveValue('');

      // The owner; a mistyped fødselsnummer is caught as soon as the field is left.
      await field(page, 'Eiers navn').fill('Kari Nordmann');
      await field(page, 'Fødselsnummer').fill('311299 56716');
      await field(page, 'Eiers e-post').click();
      await expect(page.getByText('Kontrollsifferet stemmer ikke. Sjekk at du har skrevet av riktig.')).toBeVisible();
      await expect(field(page, 'Fødselsnummer')).toHaveAttribute('aria-invalid', 'true');
      await field(page, 'Fødselsnummer').fill('311299 56715');
      await expect(field(page, 'Fødselsnummer')).not.toHaveAttribute('aria-invalid', 'true');
      await field(page, 'Eiers e-post').fill('kari@eier.test');
      await field(page, 'Forventet effekt (kW)').fill('17,5');

      // Over 40 A at 400 V TN the power budget is required, and the checklist says why.
      await expect(missingList(page)).not.toContainText('Effektberegning');
      await field(page, 'Hovedsikring (A)').fill('50');
      await expect(missingList(page)).toContainText('Effektberegning');
      await expect(missingList(page)).toContainText('Kreves fordi nettsystemet er 400 V TN og hovedsikringen er 50 A.');
      await expect(missingList(page).getByRole('link', { name: 'Last ned skjema for effektberegning' })).toHaveAttribute('href', '/api/portal/templates/effektberegning');
      // A new grid customer: the owner's signed order for grid rental is asked for; a shared service line asks for
      // the co-owners' consent as soon as it is ticked.
      await expect(missingList(page)).toContainText('Bestilling av nettleie signert av eier');
      await page.getByRole('checkbox', { name: 'Stikkledningen er felles med andre eiere' }).check();
      await expect(missingList(page)).toContainText('Samtykke fra sameiere, sameiet eller borettslaget (felles stikkledning)');
      await page.getByRole('checkbox', { name: 'Stikkledningen er felles med andre eiere' }).uncheck();
      await expect(missingList(page)).not.toContainText('felles stikkledning');
      await checkScreen(page, 'new-message-power-budget');
      if (width === 375) {
        // On a phone the checklist is far below: the bar at the bottom of the window keeps its count in sight.
        await field(page, 'Hovedsikring (A)').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(SCREENS, 'new-message-phone-window-375.png') });
      }

      // Attachments: a web page calling itself a PDF is refused at once; the real files are tagged with their kinds.
      const files = page.getByTestId('attachment-files');
      await files.setInputFiles({ name: 'kart.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!DOCTYPE html><html></html>') });
      await expect(page.getByText('kart.pdf ble ikke lagt ved: filen er ikke PDF, JPEG eller PNG (sjekket ut fra innholdet).')).toBeVisible();
      await files.setInputFiles([path.join(ATTACHMENTS, 'situasjonskart_1-500.pdf'), path.join(ATTACHMENTS, 'effektberegning.pdf'),
        path.join(ATTACHMENTS, 'bestilling_nettleie.pdf')]);
      await page.getByRole('combobox', { name: 'Hva er situasjonskart_1-500.pdf?' }).selectOption('site_map');
      await page.getByRole('combobox', { name: 'Hva er effektberegning.pdf?' }).selectOption('power_budget');
      await page.getByRole('combobox', { name: 'Hva er bestilling_nettleie.pdf?' }).selectOption('grid_rental_order');
      await page.getByTestId('attachment-camera').setInputFiles(path.join(ATTACHMENTS, 'bilde_maalerskap.png'));
      await expect(page.getByRole('combobox', { name: 'Hva er bilde_maalerskap.png?' })).toHaveValue('photo');
      await expect(page.getByText('Alt nettselskapet krever er med.')).toBeVisible();

      // The draft is on the server, named in the address: a reload brings it back, and asks for the files again.
      await expect(page.getByText(/^Utkast lagret kl\./)).toBeVisible();
      await expect(page).toHaveURL(/\/portal\/new-message\/[0-9a-f-]{36}$/);
      await page.reload();
      await expect(field(page, 'Adresse')).toHaveValue('Strandveien 12');
      await expect(field(page, 'Hovedsikring (A)')).toHaveValue('50');
      await expect(field(page, 'Fødselsnummer')).toHaveValue('311299 56715');
      await expect(page.getByTestId('draft-list')).toContainText('Strandveien 12, Kristiansand');
      await expect(page.getByText('Utkastet hadde disse vedleggene.')).toBeVisible();
      await expect(missingList(page)).toContainText('Effektberegning');
      await checkScreen(page, 'new-message-draft');
      await files.setInputFiles([path.join(ATTACHMENTS, 'situasjonskart_1-500.pdf'), path.join(ATTACHMENTS, 'effektberegning.pdf'),
        path.join(ATTACHMENTS, 'bestilling_nettleie.pdf'), path.join(ATTACHMENTS, 'bilde_maalerskap.png')]);
      // The kinds the draft remembered come back with the files.
      await expect(page.getByRole('combobox', { name: 'Hva er effektberegning.pdf?' })).toHaveValue('power_budget');
      await expect(page.getByText('Utkastet hadde disse vedleggene.')).toHaveCount(0);
      await expect(page.getByText('Alt nettselskapet krever er med.')).toBeVisible();

      await page.getByRole('button', { name: 'Send melding' }).click();
      await expect(page).toHaveURL(/\/portal\/cases\/\d{4}-\d{6}$/);
      const caseNumber = decodeURIComponent(page.url().split('/').pop() ?? '');
      const { rows: [stored] } = await admin.query(
        `SELECT c.address, c.main_fuse_a, c.network_system, c.owner_name, c.owner_national_id, c.expected_power_kw, c.metering_point_ids,
                i.organisation_number, array_agg(a.kind ORDER BY a.kind) AS kinds
           FROM cases c JOIN installers i ON i.id = c.installer_id LEFT JOIN attachments a ON a.case_id = c.id
          WHERE c.case_number = $1 GROUP BY c.id, i.organisation_number`, [caseNumber]);
      expect(stored).toMatchObject({
        address: 'Strandveien 12', main_fuse_a: 50, network_system: '400V_TN', owner_name: 'Kari Nordmann',
        owner_national_id: '31129956715', expected_power_kw: 17.5, organisation_number: firm.org,
        kinds: ['grid_rental_order', 'photo', 'power_budget', 'site_map'], metering_point_ids: [KNOWN],
      });
      const { rows: [{ drafts }] } = await admin.query('SELECT count(*)::int AS drafts FROM portal_drafts d JOIN portal_users u ON u.id = d.user_id WHERE u.email = $1', [email]);
      expect(drafts).toBe(0);
    });
  });
}
