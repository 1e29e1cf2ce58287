// Support requests in Chromium across both apps on one PostgreSQL, mail going to a real SMTP server on loopback:
// an installer on a phone (375 px) asks about a wrong reading on a construction-power cabinet of one of the firm's
// cases, with a photo of the meter (a case number not the firm's is refused on the spot); a supervisor (Sara Berg)
// opens Henvendelser in the desk by keyboard, follows the link to the case, and answers; the installer reads the
// answer in the portal, and exactly one e-mail notice arrived. Someone who cannot log in asks from the login page.
// axe-clean and screenshotted at 375 px and 1280 px (test-results/portal-screens/).
import path from 'node:path';
import type { Page } from '@playwright/test';
import pg from 'pg';
import { constructionPowerCase } from '../integration/portal/constructionPowerCase';
import { firmWithAdmin, PASSWORD, portalLogin, startPortalService, startSmtp, type TestSmtp } from '../integration/portal/portalFixture';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { login } from '../support/serviceClient';
import { closeServices } from '../support/serviceInstances';
import type { HarnessCore } from '../../harness/harnessCore';
import { axeViolations, createPerson, expect, openDesk, startCentralHarness, test } from './fixtures';
import { SCREENS, checkScreen, heading, logInAt } from './portalScreens';

let db: TestDatabase;
let smtp: TestSmtp;
let url: string;
let firm: { id: string; org: string };
let caseNumber: string;
let otherFirmsCase: string;
const EMAIL = 'kari@byggestrom.test';
const FIRM = 'Byggestrøm Elektro AS';

test.beforeAll(async () => {
  db = await createTestDatabase('e2e_portal_support');
  smtp = await startSmtp();
  url = (await startPortalService(db, smtp)).url;
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  try {
    const supervisor = await login(url, await db.createLogin('sup', 'supervisor'));
    firm = await firmWithAdmin(url, admin, supervisor, EMAIL, FIRM);
    const other = await firmWithAdmin(url, admin, supervisor, 'ola@annen.test', 'Annen Elektro AS');
    caseNumber = await constructionPowerCase(await portalLogin(url, EMAIL), firm, 'E2E-SUPPORT-1');
    otherFirmsCase = await constructionPowerCase(await portalLogin(url, 'ola@annen.test'), other, 'E2E-SUPPORT-2');
  } finally {
    await admin.end();
  }
});

test.afterAll(async () => {
  await smtp?.close();
  if (db) {
    await closeServices(db);
    await db.drop();
  }
});

const logIn = (page: Page) => logInAt(page, url, EMAIL, PASSWORD);

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 meter 48213 kWh')]);
const QUESTION = 'Fakturaen for byggestrøm sier 84 213 kWh, men måleren i skapet viser 48 213 kWh. Bilde vedlagt.';
const ANSWER = 'Takk! Avlesningen er rettet til 48 213 kWh, og du får en ny faktura.';

test('an installer on a phone reports a wrong reading; a supervisor answers in the desk; the installer reads it', async ({ page, browser }, testInfo) => {
  // ── The installer, 375 px ──
  await page.setViewportSize({ width: 375, height: 812 });
  await logIn(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Kundestøtte' }).click();
  await expect(heading(page, 'Kundestøtte')).toBeVisible();
  await expect(page.getByText('Firmaet har ikke sendt noen henvendelser ennå.')).toBeVisible();

  // Sending with nothing filled in names what is missing.
  await page.getByRole('button', { name: 'Send henvendelsen' }).click();
  await expect(page.getByText('Velg hva henvendelsen gjelder.')).toBeVisible();
  await checkScreen(page, 'support-missing');

  await page.getByRole('combobox', { name: 'Hva gjelder det?' }).selectOption({ label: 'Feil måleravlesning på byggestrømskap' });
  // Another firm's case is not found, as a number that does not exist.
  await page.getByRole('textbox', { name: /^Saksnummer/ }).fill(otherFirmsCase);
  await page.getByRole('textbox', { name: /^Målernummer/ }).fill('7359992890123456');
  await page.getByRole('textbox', { name: /^Målerstand/ }).fill('48213');
  await page.getByRole('textbox', { name: /^Beskriv hva som er galt/ }).fill(QUESTION);
  await page.getByRole('textbox', { name: /^Telefon/ }).fill('912 34 567');
  await page.locator('input[type="file"]').setInputFiles({ name: 'maler.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  await expect(page.getByRole('main')).toContainText('maler.jpg');
  await checkScreen(page, 'support-form');
  await page.getByRole('button', { name: 'Send henvendelsen' }).click();
  const caseField = page.getByRole('textbox', { name: /^Saksnummer/ });
  await expect(page.getByText('Fant ingen sak med dette nummeret hos firmaet.').first()).toBeVisible();
  await expect(caseField).toHaveAttribute('aria-invalid', 'true');
  await checkScreen(page, 'support-case-not-found');

  await caseField.fill(caseNumber);
  await page.getByRole('button', { name: 'Send henvendelsen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Henvendelsen er sendt' })).toBeVisible();
  const mine = page.getByTestId('support-request');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('Venter på svar');
  await expect(mine).toContainText(`sak ${caseNumber}`);
  await expect(mine).toContainText(/Måler 7359992890123456, målerstand 48\s213 kWh/);
  await expect(mine).toContainText('Vedlegg: maler.jpg');
  await checkScreen(page, 'support-sent');
  const mailsBefore = smtp.mails.length;

  // ── The supervisor's desk ──
  const sara = await createPerson(db, 'sara', 'Sara Berg', 'supervisor');
  let saraCore: HarnessCore | null = null;
  const { locale, timezoneId } = testInfo.project.use;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale, timezoneId });
  const desk = await context.newPage();
  try {
    saraCore = await startCentralHarness(db, sara, () => url);
    await openDesk(desk, saraCore.core);
    const navButton = desk.getByRole('banner').getByRole('button', { name: 'Henvendelser', exact: true });
    await navButton.focus();
    await desk.keyboard.press('Enter');
    await expect(desk.getByRole('heading', { level: 1, name: 'Henvendelser fra installatører' })).toBeVisible();
    const open = desk.getByTestId('support-request-open');
    await expect(open).toHaveCount(1);
    await expect(open).toContainText(FIRM);
    await expect(open).toContainText('Feil måleravlesning på byggestrømskap');
    await expect(open).toContainText(QUESTION);
    await expect(open).toContainText('Måler 7359992890123456');
    await expect(open).toContainText('Tlf. 912 34 567');
    // The photo of the meter opens with the desktop's application, as sent.
    await open.getByRole('button', { name: 'Åpne vedlegget maler.jpg' }).click();
    await expect.poll(() => saraCore?.openedFiles.length).toBe(1);
    expect(saraCore.openedFiles[0]).toMatchObject({ fileName: 'maler.jpg', mimeType: 'image/jpeg' });
    await expect(open).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    // The case is in Sara's cache: its number is a link that opens it.
    await expect(open.getByRole('button', { name: `Åpne sak ${caseNumber}` })).toBeVisible();
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: path.join(SCREENS, 'desk-support-requests-1440.png'), fullPage: true });

    await open.getByRole('button', { name: `Åpne sak ${caseNumber}` }).click();
    await expect(desk.getByRole('heading', { level: 1, name: caseNumber })).toBeVisible();
    await desk.keyboard.press('Escape');
    await expect(desk.getByRole('heading', { level: 1, name: 'Henvendelser fra installatører' })).toBeVisible();

    // Answer by keyboard: the button, the answer (required), Tab to Send svar og lukk, Enter.
    await desk.getByRole('button', { name: `Svar ${FIRM} – Feil måleravlesning på byggestrømskap` }).focus();
    await desk.keyboard.press('Enter');
    const dialog = desk.getByRole('dialog', { name: `Svar til ${FIRM}` });
    const answerField = dialog.getByRole('textbox', { name: /Svar til installatøren/ });
    await expect(answerField).toBeFocused();
    await dialog.getByRole('button', { name: 'Send svar og lukk' }).click();
    await expect(dialog).toContainText('Skriv et svar.');
    await expect(answerField).toHaveAttribute('aria-invalid', 'true');
    await desk.waitForFunction(() => document.getAnimations().length === 0);
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: path.join(SCREENS, 'desk-support-answer-1440.png') });
    await answerField.focus();
    await desk.keyboard.type(ANSWER);
    await desk.keyboard.press('Tab');
    await desk.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Send svar og lukk' })).toBeFocused();
    await desk.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(desk.getByTestId('support-requests-done')).toContainText(`Svaret er sendt til ${FIRM}`);
    await expect(open).toHaveCount(0);
    const answered = desk.getByTestId('support-request-answered');
    await expect(answered).toContainText(ANSWER);
    await expect(answered).toContainText('Sara Berg');
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: path.join(SCREENS, 'desk-support-answered-1440.png'), fullPage: true });
  } finally {
    await desk.goto('about:blank').catch(() => undefined);
    await context.close();
    await saraCore?.dispose();
  }

  // ── The installer reads the answer, at both widths; one e-mail notice arrived ──
  const mail = await smtp.next(EMAIL, mailsBefore);
  expect(mail.text).toContain('/portal/support');
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(smtp.mails.slice(mailsBefore).filter((m) => m.to.includes(EMAIL))).toHaveLength(1);
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await page.reload();
    await expect(heading(page, 'Kundestøtte')).toBeVisible();
    await expect(mine).toContainText('Besvart');
    await expect(mine).toContainText(ANSWER);
    await checkScreen(page, 'support-answered');
  }
});

for (const [width, height] of [[375, 812], [1280, 900]] as const) {
  test(`at ${width} px: someone who cannot log in asks from the login page, and is answered the same for any address`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto(`${url}/portal/login`);
    await page.getByRole('link', { name: 'Får du ikke logget inn? Spør oss' }).click();
    await expect(heading(page, 'Får du ikke logget inn?')).toBeVisible();
    await page.getByRole('button', { name: 'Send henvendelsen' }).click();
    await expect(page.getByText('Skriv en gyldig e-postadresse').first()).toBeVisible();
    await checkScreen(page, 'login-help');
    await page.getByRole('textbox', { name: 'E-post' }).fill(`ukjent-${width}@nowhere.test`);
    await page.getByRole('textbox', { name: 'Organisasjonsnummer' }).fill(firm.org);
    await page.getByRole('textbox', { name: /Hva skjer når du prøver/ }).fill('Jeg får «Feil e-post eller passord» selv etter nytt passord.');
    await page.getByRole('button', { name: 'Send henvendelsen' }).click();
    await expect(page.getByRole('status')).toContainText(`svarer til ukjent-${width}@nowhere.test`);
    await checkScreen(page, 'login-help-sent');
  });
}
