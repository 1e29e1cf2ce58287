// Pictures of the central-mode screens to look at (not assertions about pixels): the connection indicator's
// states, the panel with refused changes, the settings screen, the case view with a claim. Off in the normal run;
// `SCREENSHOTS=1 npx playwright test screenshots` writes them to .screenshots/.
import { caseCompleteness } from '../../electron/core/casework/completenessService';
import { installerCheckFor } from '../../electron/core/casework/installerCheckService';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startTcpProxy } from '../support/tcpProxy';
import { createTestDatabase } from '../support/postgres';
import { seedCentral } from '../support/syncClients';
import { startHarnessCore, type HarnessCore } from '../harness/harnessCore';
import { createPerson, expect, openDesk, startCentralHarness, test } from './fixtures';

const OUT = path.resolve(__dirname, '../../.screenshots');
const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`) });

test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to take the screenshots');
test.setTimeout(180_000);

async function openCase(page: Page, caseNumber: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Søk i saker' }).fill(caseNumber);
  await page.getByRole('grid', { name: 'Arbeidskø' }).getByText(caseNumber, { exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: caseNumber })).toBeVisible();
}

const indicator = (page: Page) => page.getByRole('banner').getByRole('status').getByRole('button');

test('central mode, as it looks', async ({ page, context }) => {
  const db = await createTestDatabase('e2e_shots');
  const cores: HarnessCore[] = [];
  const pages: Page[] = [page];
  const proxy = await startTcpProxy('127.0.0.1', Number(new URL(db.adminUrl).port || 5432));
  try {
    await seedCentral(db, 2_000);
    const anne = await createPerson(db, 'anne', 'Anne Hansen');
    const bjorn = await createPerson(db, 'bjorn', 'Bjørn Lie');

    // The first download, caught while it runs (a larger data set, so there is time to see it).
    const downloading = startHarnessCore({ centralUrl: proxy.urlFor(db.urlFor(anne)), cases: 0 });
    cores.push(downloading);
    await openDesk(page, downloading.core);
    await expect(indicator(page)).toContainText(/Synkroniserer|Tilkoblet/, { timeout: 20_000 });
    if (/Synkroniserer \d/.test(await indicator(page).innerText())) await shoot(page, 'central-1-syncing');
    await expect(indicator(page)).toContainText('Tilkoblet', { timeout: 60_000 });
    await shoot(page, 'central-2-connected');

    const bjornCore = await startCentralHarness(db, bjorn);
    cores.push(bjornCore);
    const bjornPage = await context.newPage();
    pages.push(bjornPage);
    await openDesk(bjornPage, bjornCore.core);

    // A claim: held by Anne, seen by Bjørn. (A page in a background tab gets no animation frames, so each page
    // is brought to the front before its pictures: Mantine's transitions wait for frames.)
    await page.bringToFront();
    const target = downloading.core.database.sqlite
      .prepare("SELECT id, case_number FROM cases WHERE status = 'new' AND claimed_by IS NULL ORDER BY submitted_at LIMIT 1")
      .get() as { id: number; case_number: string };
    await openCase(page, target.case_number);
    await page.getByRole('button', { name: 'Ta saken' }).click();
    await expect(page.getByRole('button', { name: 'Slipp saken' })).toBeVisible();
    await shoot(page, 'central-3-case-claim-mine');
    await bjornPage.bringToFront();
    await openCase(bjornPage, target.case_number);
    await expect(bjornPage.getByText(/Tatt av Anne Hansen/)).toBeVisible({ timeout: 10_000 });
    await shoot(bjornPage, 'central-4-case-claim-other');

    // Refused: Bjørn's desk changes the case Anne holds (a status with a reason, and a claim).
    await bjornPage.evaluate(async (caseId) => {
      const api = (window as unknown as { api: Record<string, (input: unknown) => Promise<unknown>> }).api;
      await api['case.setStatus']({ caseId, status: 'waiting_for_info', reason: 'Situasjonskart mangler. Ber installatøren sende det på nytt.' });
      await api['case.claim']({ caseId });
    }, target.id);
    await expect(indicator(bjornPage)).toContainText('2 ikke lagret', { timeout: 10_000 });
    await shoot(bjornPage, 'central-5-refused-notice');
    await indicator(bjornPage).click();
    await expect(bjornPage.getByRole('dialog', { name: 'Tilkobling' })).toContainText('Endringer som ikke ble lagret (2)');
    await bjornPage.waitForTimeout(1_000);
    await shoot(bjornPage, 'central-6-refused-panel');

    // Offline with a change waiting: Anne's connection is cut, she writes a note anyway.
    await page.bringToFront();
    proxy.cut();
    await page.getByRole('textbox', { name: 'Nytt internt notat' }).fill('Befaring avtalt med eier torsdag kl. 09.');
    await page.getByRole('button', { name: 'Legg til notat' }).click();
    await expect(indicator(page)).toContainText('Frakoblet – 1 endring venter', { timeout: 20_000 });
    await shoot(page, 'central-7-offline-pending');
    await indicator(page).click();
    await expect(page.getByRole('dialog', { name: 'Tilkobling' })).toBeVisible();
    await page.waitForTimeout(1_000);
    await shoot(page, 'central-8-offline-panel');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Tilkobling' })).toBeHidden();
    proxy.restore();

    // Settings, with a successful test.
    await page.getByRole('button', { name: 'Innstillinger' }).click();
    await page.getByRole('button', { name: 'Test tilkobling' }).click();
    await expect(page.getByText('Tilkoblingen virker')).toBeVisible({ timeout: 20_000 });
    await shoot(page, 'central-9-settings');
    await page.getByRole('textbox', { name: 'Port' }).fill('0');
    await page.getByRole('textbox', { name: 'Brukernavn' }).fill('');
    await page.getByRole('button', { name: 'Lagre og koble til' }).click();
    await shoot(page, 'central-10-settings-invalid');
  } finally {
    await Promise.all(pages.map((open) => open.goto('about:blank').catch(() => undefined)));
    await Promise.all(cores.map((core) => core.dispose()));
    await proxy.close();
    await db.drop();
  }
});

test('standalone mode, as it looks', async ({ desk }) => {
  await expect(indicator(desk)).toContainText('Frittstående');
  await shoot(desk, 'standalone-1-queue');
  await indicator(desk).click();
  await desk.waitForTimeout(1_000);
  await shoot(desk, 'standalone-2-panel');
  await desk.getByRole('button', { name: 'Åpne innstillinger' }).click();
  await expect(desk.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
  await desk.waitForTimeout(500);
  await shoot(desk, 'standalone-3-settings');
  await desk.getByRole('radio', { name: 'English' }).check();
  await shoot(desk, 'standalone-4-settings-english');
});

test('casework, as it looks', async ({ desk, harness }) => {
  const sqlite = harness.core.database.sqlite;
  const today = '2026-11-27';
  // A new request that misses something and needs work its installer may not do: the checklist and the installer
  // panel both have something to say.
  const candidates = sqlite.prepare("SELECT id, case_number FROM cases WHERE status = 'new' ORDER BY submitted_at").all() as Array<{
    id: number;
    case_number: string;
  }>;
  const chosen =
    candidates.find(
      (c) =>
        !caseCompleteness(sqlite, c.id).complete &&
        installerCheckFor(sqlite, c.id, today).work.some((w) => w.proposed.performer === 'area_supplier'),
    ) ??
    candidates.find((c) => !caseCompleteness(sqlite, c.id).complete) ??
    candidates[0];
  await desk.setViewportSize({ width: 1440, height: 1000 });
  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill(chosen.case_number);
  await desk.getByText(chosen.case_number, { exact: true }).first().click();
  await expect(desk.getByRole('region', { name: 'Kompletthet' })).toBeVisible();
  await desk.waitForTimeout(500);
  await desk.screenshot({ path: path.join(OUT, 'casework-1-case-view.png'), fullPage: true });
  await desk.keyboard.press('Alt+KeyB');
  await expect(desk.getByRole('dialog')).toBeVisible();
  await desk.waitForTimeout(300);
  await shoot(desk, 'casework-2-information-request');
  await desk.keyboard.press('Escape');
  const installer = desk.getByRole('region', { name: 'Installatør' });
  await installer.scrollIntoViewIfNeeded();
  await installer.screenshot({ path: path.join(OUT, 'casework-3-installer-panel.png') });
  await desk.getByRole('button', { name: 'Tilbake til køen' }).click();
  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill('');
  await desk.waitForTimeout(500);
  await shoot(desk, 'casework-4-queue-due');
});
