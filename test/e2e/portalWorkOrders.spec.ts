// Work orders in the portal (issue 12, item 4) in Chromium, against a real central service with the portal plugged in
// and a seeded central database: the area supplier's fitter, on a phone (375 px) and at a desk (1280 px), finds the
// order in Arbeidsordrer, opens it, confirms it with a planned date and reports the meter mounted with a photo from
// the camera input and the samsvarserklæring. Every screen is scanned by axe and photographed to
// test-results/portal-screens/. Then a case handler's desk, syncing with the same service, shows the case as
// *Måler montert* with the supplier's report in its work-order section.
import path from 'node:path';
import pg from 'pg';
import { PASSWORD, startPortalService, startSmtp, type TestSmtp } from '../integration/portal/portalFixture';
import { caseAwaitingMeter, pdfBytes, placeOrder, PNG_PHOTO, supplierFirm } from '../integration/portal/workOrderFixture';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { login } from '../support/serviceClient';
import { closeServices } from '../support/serviceInstances';
import { seedCentral } from '../support/syncClients';
import { createPerson, expect, openCaseByKeyboard, openDesk, startCentralHarness, test } from './fixtures';
import { SCREENS, checkScreen, heading, logInAt } from './portalScreens';

let db: TestDatabase;
let smtp: TestSmtp;
let url: string;
let admin: pg.Client;
let asSupervisor: pg.Client;
const SUPPLIER_EMAIL = 'ola@kkm.test';
const SUPPLIER_NAME = 'Kristiansand Kabel og Montasje AS';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  db = await createTestDatabase('e2e_portal_work_orders');
  await seedCentral(db, 60);
  smtp = await startSmtp();
  url = (await startPortalService(db, smtp)).url;
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  const supervisorLogin = await db.createLogin('sara', 'supervisor');
  asSupervisor = new pg.Client({ connectionString: db.urlFor(supervisorLogin) });
  await asSupervisor.connect();
  await supplierFirm(url, admin, await login(url, supervisorLogin), 1, SUPPLIER_EMAIL);
});

test.afterAll(async () => {
  await asSupervisor?.end();
  await admin?.end();
  await smtp?.close();
  if (db) {
    await closeServices(db);
    await db.drop();
  }
});

const osloDay = (offset = 0) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + offset * 86_400_000));

for (const [width, height] of [[375, 812], [1280, 900]] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test('the supplier confirms an order with a planned date and reports the meter mounted with a photo; the desk shows Måler montert', async ({ page, browser }) => {
      test.setTimeout(120_000);
      const target = await caseAwaitingMeter(admin, '4204');
      await placeOrder(asSupervisor, target.id, 1);

      await logInAt(page, url, SUPPLIER_EMAIL, PASSWORD);

      await page.getByRole('navigation').getByRole('link', { name: 'Arbeidsordrer' }).click();
      await expect(heading(page, 'Arbeidsordrer')).toBeVisible();
      const open = page.getByRole('region', { name: 'Åpne ordrer' });
      const card = open.getByTestId('work-order').filter({ hasText: `Sak ${target.caseNumber}` });
      await expect(card).toContainText('Montering av direktemålt måler');
      await expect(card).toContainText('Bestilt');
      await checkScreen(page, 'work-orders');

      await card.getByRole('link', { name: `Åpne arbeidsordre for sak ${target.caseNumber}` }).click();
      await expect(heading(page, `Arbeidsordre – sak ${target.caseNumber}`)).toBeVisible();
      await expect(page.getByRole('region', { name: 'Anlegget' })).toContainText('Kristiansand');
      await expect(page.getByRole('button', { name: 'Last ned arbeidsordren (PDF)' })).toBeVisible();
      await checkScreen(page, 'work-order');

      // The letter downloads with the session's token.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Last ned arbeidsordren (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`arbeidsordre-${target.caseNumber}.pdf`);

      // Confirm: a date in the past is refused on the spot, then the day after tomorrow.
      const confirm = page.getByRole('region', { name: 'Bekreft ordren' });
      await confirm.getByLabel('Planlagt dato').fill(osloDay(-1));
      await confirm.getByRole('button', { name: 'Bekreft med planlagt dato' }).click();
      await expect(confirm.getByText('Datoen kan ikke være tilbake i tid.')).toBeVisible();
      await confirm.getByLabel('Planlagt dato').fill(osloDay(2));
      await confirm.getByRole('button', { name: 'Bekreft med planlagt dato' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Ordren er bekreftet' })).toBeVisible();
      await expect(page.getByText('Bekreftet av Ola Montør')).toBeVisible();
      await expect(page.getByRole('region', { name: 'Bekreft ordren' })).toHaveCount(0);
      await checkScreen(page, 'work-order-confirmed');

      // Report: the meter number is asked for first; then a photo from the camera input and the declaration.
      const report = page.getByRole('region', { name: 'Rapporter utført' });
      await report.getByRole('button', { name: 'Send rapport' }).click();
      await expect(report.getByText('Skriv målernummeret')).toBeVisible();
      await checkScreen(page, 'work-order-report-missing');
      await report.getByLabel(/^Målernummer/).fill('7359992912345');
      await report.getByLabel(/^Målerstand/).fill('12,5');
      const camera = report.getByLabel('Bilder (JPEG eller PNG)');
      await expect(camera).toHaveAttribute('capture', 'environment');
      await expect(camera).toHaveAttribute('accept', 'image/*');
      await camera.setInputFiles({ name: 'ny-maler.png', mimeType: 'image/png', buffer: PNG_PHOTO });
      await report.getByLabel(/^Samsvarserklæring/).setInputFiles({
        name: 'samsvarserklaering.pdf', mimeType: 'application/pdf', buffer: pdfBytes('samsvarserklæring') });
      await expect(report).toContainText('Valgt: ny-maler.png');
      await report.getByRole('button', { name: 'Send rapport' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Rapporten er sendt' })).toBeVisible();
      const reported = page.getByRole('region', { name: 'Rapportert utført' });
      await expect(reported).toContainText('Målernummer 7359992912345, målerstand 12,5 kWh');
      await expect(reported.getByRole('button', { name: 'ny-maler.png' })).toBeVisible();
      await expect(reported.getByRole('button', { name: 'samsvarserklaering.pdf' })).toBeVisible();
      await checkScreen(page, 'work-order-reported');

      // Back in the list the order is among the done ones.
      await page.getByRole('link', { name: 'Tilbake til arbeidsordrene' }).click();
      await expect(page.getByRole('region', { name: 'Utførte ordrer' }).getByTestId('work-order')
        .filter({ hasText: `Sak ${target.caseNumber}` })).toContainText('Utført');
      await checkScreen(page, 'work-orders-done');

      // English, on the same screen.
      await page.getByRole('radio', { name: 'English' }).check();
      await expect(heading(page, 'Work orders')).toBeVisible();
      await checkScreen(page, 'work-orders-en');
      await page.getByRole('radio', { name: 'Norsk' }).check();

      // The desk: a case handler's core syncing with the service sees the case move and the supplier's report.
      if (width !== 1280) return;
      const handler = await startCentralHarness(db, await createPerson(db, 'hanne', 'Hanne Handler'));
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
      try {
        const deskPage = await context.newPage();
        await openDesk(deskPage, handler.core);
        await openCaseByKeyboard(deskPage, target.caseNumber);
        await expect(deskPage.locator('main').getByText('Måler montert').first()).toBeVisible();
        const panel = deskPage.getByRole('region', { name: 'Arbeidsordre' });
        const order = panel.getByTestId('work-order-direct_meter_mounting');
        await expect(order.getByTestId('work-order-status')).toHaveText('Utført');
        await expect(order.getByTestId('work-order-meter')).toHaveText('Målernummer 7359992912345, målerstand 12,5 kWh');
        await expect(order.getByTestId('work-order-portal-report')).toContainText('Rapportert utført');
        await expect(order.getByTestId('work-order-portal-report')).toContainText(`Ola Montør (${SUPPLIER_NAME})`);
        await expect(order.getByRole('button', { name: 'Bilde: ny-maler.png' })).toBeVisible();
        await expect(order.getByRole('button', { name: 'Samsvarserklæring: samsvarserklaering.pdf' })).toBeVisible();
        await expect(deskPage.getByRole('region', { name: 'Historikk' })).toContainText('Installatørportalen');
        await order.scrollIntoViewIfNeeded();
        await deskPage.screenshot({ path: path.join(SCREENS, 'desk-work-order-reported-1440.png') });
        await deskPage.goto('about:blank');
      } finally {
        await context.close();
        await handler.dispose();
      }
    });
  });
}
