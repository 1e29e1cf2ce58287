// Pictures of the central-mode screens to look at (not assertions about pixels): desks signed in to the central
// service, the connection indicator's states (offline through a proxy cut between desk and service), the panel
// with refused changes, the settings screen (signed in, the company's own sign-in offered, errors), the case view
// with a claim. Off in the normal run;
// `SCREENSHOTS=1 npx playwright test screenshots` writes them to .screenshots/.
import { caseCompleteness } from '../../core/casework/completenessService';
import { installerCheckFor } from '../../core/casework/installerCheckService';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { oidcRoutes } from '../../service/auth/oidc';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { createTestDatabase, TEST_PASSWORD } from '../support/postgres';
import { closeServices, startService } from '../support/serviceInstances';
import { seedCentral } from '../support/syncClients';
import { signInToService } from '../../harness/centralUrl';
import { startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { createPerson, expect, openDesk, startCentralHarness, test } from './fixtures';

const OUT = path.resolve(__dirname, '../../.screenshots');
const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`) });

test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to take the screenshots');
test.setTimeout(300_000);

async function openCase(page: Page, caseNumber: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Søk i saker' }).fill(caseNumber);
  await page.getByRole('grid', { name: 'Arbeidskø' }).getByText(caseNumber, { exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: caseNumber })).toBeVisible();
}

const indicator = (page: Page) => page.getByRole('banner').getByRole('status').getByRole('button');

/**
 * A stand-in identity provider: only its discovery document, enough for the service to name it to the desk
 * (GET /api/login/oidc/config). Nobody signs in there in these pictures.
 */
async function startIssuerStandIn(): Promise<{ issuer: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url !== '/.well-known/openid-configuration') {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
    }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test('central mode, as it looks', async ({ page, context }) => {
  const db = await createTestDatabase('e2e_shots');
  const cores: HarnessCore[] = [];
  const pages: Page[] = [page];
  const idp = await startIssuerStandIn();
  let proxy: TcpProxy | null = null;
  try {
    await seedCentral(db, 2_000);
    const anne = await createPerson(db, 'anne', 'Anne Hansen');
    const bjorn = await createPerson(db, 'bjorn', 'Bjørn Lie');
    // Anne's desk works against an instance of the service that also offers the company's own sign-in, through a
    // proxy the test can cut (the network going away); Bjørn's against the database's shared instance.
    const running = await startService(db, {
      plugins: [(app, pool) => oidcRoutes(app, { config: { issuer: idp.issuer, clientId: 'desk', groupClaim: 'groups', roles: {} }, pool })],
    });
    proxy = await startTcpProxy('127.0.0.1', Number(new URL(running.url).port));
    const signedIn = await signInToService(running.url, anne, TEST_PASSWORD);
    signedIn.settings.url = proxy.urlFor(running.url);

    // The first download, caught while it runs (a larger data set, so there is time to see it).
    const downloading = startHarnessCore({ central: signedIn, cases: 0 });
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
    const refusedPanel = bjornPage.getByRole('dialog', { name: 'Tilkobling' });
    await expect(refusedPanel).toContainText('Endringer som ikke ble lagret (2)');
    await bjornPage.waitForTimeout(1_000);
    await shoot(bjornPage, 'central-6-refused-panel');

    // Once Anne lets go, Bjørn's refused claim is applied again, and granted.
    await page.bringToFront();
    await page.getByRole('button', { name: 'Slipp saken' }).click();
    await expect
      .poll(() => bjornCore.core.database.sqlite.prepare('SELECT claimed_by FROM cases WHERE id = ?').get(target.id), { timeout: 10_000 })
      .toEqual({ claimed_by: null });
    await bjornPage.bringToFront();
    await refusedPanel.getByRole('listitem').filter({ hasText: `Ta sak ${target.case_number}` }).getByRole('button', { name: 'Bruk på nytt' }).click();
    await expect(refusedPanel).toContainText('Endringer som ikke ble lagret (1)');
    await bjornPage.waitForTimeout(500);
    await shoot(bjornPage, 'central-6b-refused-applied-again');
    await bjornPage.keyboard.press('Escape');

    // Offline with a change waiting: Anne's connection to the service is cut, she writes a note anyway.
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
    await expect(indicator(page)).toContainText('Tilkoblet', { timeout: 30_000 });

    // Settings, signed in: the service offers the company's own sign-in too, and a test with the password works.
    await page.getByRole('button', { name: 'Innstillinger' }).click();
    const region = page.getByRole('region', { name: 'Sentral tjeneste' });
    await expect(region.getByRole('button', { name: 'Logg inn med virksomhetens pålogging' })).toBeVisible({ timeout: 20_000 });
    await region.getByLabel(/^Passord/).fill(TEST_PASSWORD);
    await region.getByRole('button', { name: 'Test tilkobling' }).click();
    await expect(region.getByText('Innloggingen virker')).toBeVisible({ timeout: 20_000 });
    await shoot(page, 'central-9-settings');
    await page.setViewportSize({ width: 1440, height: 1300 });
    await page.waitForTimeout(300);
    await shoot(page, 'central-9b-settings-whole');
    await page.setViewportSize({ width: 1440, height: 900 });

    // A wrong password.
    await region.getByLabel(/^Passord/).fill('feil-passord');
    await region.getByRole('button', { name: 'Test tilkobling' }).click();
    await expect(region.getByRole('alert')).toContainText('Brukernavnet eller passordet er feil.');
    await shoot(page, 'central-10-settings-wrong-password');

    // The company's own sign-in, pressed in the browser harness: it needs the desktop app.
    await region.getByRole('button', { name: 'Logg inn med virksomhetens pålogging' }).click();
    await expect(region.getByRole('alert')).toContainText('bare skrivebordsprogrammet');
    await shoot(page, 'central-11-settings-provider-needs-desktop');

    // Plain http:// to another machine, refused beside the field; and a missing user name.
    await region.getByRole('textbox', { name: 'Adresse' }).fill('http://saksbehandling.nettselskap.no');
    await region.getByRole('textbox', { name: 'Brukernavn' }).fill('');
    await region.getByRole('button', { name: 'Logg inn og lagre' }).click();
    await expect(region.getByText('Skriv inn brukernavnet ditt.')).toBeVisible();
    await shoot(page, 'central-12-settings-invalid');
  } finally {
    await Promise.all(pages.map((open) => open.goto('about:blank').catch(() => undefined)));
    // A core closes once what it is sending is through: let it through, should the test have stopped offline.
    proxy?.restore();
    await Promise.all(cores.map((core) => core.dispose()));
    await proxy?.close();
    await closeServices(db);
    await idp.close();
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

test('offer builder, as it looks', async ({ desk, harness }) => {
  const sqlite = harness.core.database.sqlite;
  const chosen = sqlite
    .prepare("SELECT id, case_number FROM cases WHERE request_type = 'new_installation' ORDER BY id LIMIT 1")
    .get() as { id: number; case_number: string };
  sqlite.prepare("UPDATE cases SET status = 'approved', main_fuse_a = 63 WHERE id = ?").run(chosen.id);
  harness.core.context.casesChanged('all');
  await desk.setViewportSize({ width: 1440, height: 1000 });
  await desk.getByRole('checkbox', { name: /^Ny\b/ }).uncheck();
  await desk.getByRole('checkbox', { name: /^Under behandling/ }).uncheck();
  await openCase(desk, chosen.case_number);
  const section = desk.getByRole('region', { name: 'Tilbud' });
  await section.getByRole('button', { name: 'Lag tilbud' }).click();
  await expect(section.getByTestId('offer-line')).toHaveCount(13);
  await section.getByRole('textbox', { name: 'Fri linje' }).fill('Omlegging av stikkledning');
  await section.getByRole('textbox', { name: 'Fri linje' }).press('Enter');
  await desk.keyboard.type('12,345');
  await section.getByText('Slik er tallene regnet ut').click();
  // Tall enough for the whole section, so the sticky header does not cover part of it.
  await desk.setViewportSize({ width: 1440, height: 2400 });
  await desk.waitForTimeout(500);
  await section.screenshot({ path: path.join(OUT, 'offers-builder.png') });
  await desk.setViewportSize({ width: 1440, height: 1000 });
  await section.getByRole('textbox', { name: 'Enhetspris i kroner, linje 14' }).fill('12 345,50');
  await expect(section.getByTestId('save-state')).toHaveText('Alle endringer er lagret.');
  await section.getByRole('button', { name: 'Utsted tilbud …' }).click();
  await expect(desk.getByRole('dialog')).toHaveCSS('opacity', '1');
  await shoot(desk, 'offers-issue-dialog');
  await desk.getByRole('button', { name: 'Utsted tilbudet' }).click();
  await expect(section.getByRole('heading', { name: 'Versjon 1 – Utstedt' })).toBeVisible({ timeout: 30_000 });
  await desk.waitForTimeout(500);
  await section.screenshot({ path: path.join(OUT, 'offers-issued.png') });
});

test('area suppliers and work orders, as they look', async ({ page }) => {
  const { execFileSync } = await import('node:child_process');
  const harness = startHarnessCore({ cases: 120, userId: 'marit.rosseland' });
  try {
    const sqlite = harness.core.database.sqlite;
    const chosen = sqlite
      .prepare("SELECT id, case_number, installer_id FROM cases WHERE status IN ('new', 'in_review') AND municipality_number = '4204' ORDER BY id LIMIT 1")
      .get() as { id: number; case_number: string; installer_id: number };
    sqlite.prepare(`UPDATE cases SET request_type = 'new_installation', main_fuse_a = 40, has_production = 0,
                      work_routing = '{}', status = 'in_review' WHERE id = ?`).run(chosen.id);
    sqlite.prepare('DELETE FROM prequalifications WHERE installer_id = ?').run(chosen.installer_id);
    harness.core.context.casesChanged('all');
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openDesk(page, harness.core);

    await page.getByRole('button', { name: 'Områdeleverandører' }).click();
    await expect(page.getByTestId('area-supplier-row')).toHaveCount(6);
    await page.waitForTimeout(300);
    await shoot(page, 'area-suppliers');
    await page.getByRole('button', { name: 'Endre Holt Linjeservice AS' }).click();
    await expect(page.getByRole('dialog')).toHaveCSS('opacity', '1');
    await shoot(page, 'area-suppliers-edit');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Områdeleverandører' }).click();
    await openCase(page, chosen.case_number);
    const panel = page.getByRole('region', { name: 'Arbeidsordre' });
    await panel.getByRole('button', { name: /^Bestill fra/ }).first().click();
    await expect(panel.getByTestId('work-order-service_cable_connection')).toBeVisible({ timeout: 30_000 });
    await panel.getByTestId('work-order-service_cable_connection').getByRole('button', { name: 'Registrer som bekreftet' }).click();
    await expect(panel.getByTestId('work-order-service_cable_connection').getByTestId('work-order-status')).toHaveText('Bekreftet');
    await panel.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await panel.screenshot({ path: path.join(OUT, 'work-order-panel.png') });

    await panel.getByTestId('work-order-service_cable_connection').getByRole('button', { name: 'Vis brev' }).click();
    await expect.poll(() => harness.openedFiles.length).toBe(1);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', harness.openedFiles[0].absolutePath,
      path.join(OUT, 'work-order-pdf')]);
  } finally {
    await page.goto('about:blank').catch(() => undefined);
    await harness.dispose();
  }
});

test('workload, as it looks', async ({ page }) => {
  const harness = startHarnessCore({ cases: 2_000, userId: 'marit.rosseland' });
  try {
    const first = (harness.core.database.sqlite
      .prepare("SELECT municipality_number FROM cases WHERE assignee_id IS NULL AND status NOT IN ('closed', 'rejected') ORDER BY due_date IS NULL, due_date LIMIT 1")
      .get() as { municipality_number: string }).municipality_number;
    await harness.core.dispatch('assignmentRules.save', { criterion: 'municipality', value: first, assigneeId: 'per.tonnessen' });
    await harness.core.dispatch('assignmentRules.save', { criterion: 'request_type', value: 'temporary_installation', assigneeId: 'ingrid.salvesen' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await openDesk(page, harness.core);
    await page.getByRole('banner').getByRole('button', { name: 'Arbeidsfordeling' }).click();
    const list = page.getByRole('listbox');
    await list.focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    await shoot(page, 'workload');
    await page.getByRole('combobox', { name: 'Tildel til' }).selectOption('silje.omdal');
    await page.getByRole('button', { name: 'Tildel 4 saker …' }).click();
    await expect(page.getByRole('dialog')).toHaveCSS('opacity', '1');
    await shoot(page, 'workload-confirm');
  } finally {
    await page.goto('about:blank').catch(() => undefined);
    await harness.dispose();
  }
});

test('overview, as it looks', async ({ page }) => {
  const harness = startHarnessCore({ cases: 3_000, userId: 'marit.rosseland' });
  try {
    // Tall enough for the whole screen in one picture (the overview scrolls inside the window).
    await page.setViewportSize({ width: 1440, height: 3800 });
    await openDesk(page, harness.core);
    await page.getByRole('banner').getByRole('button', { name: 'Oversikt over saksbehandlingen' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Gjennomstrømning per saksbehandler per uke' })).toBeVisible();
    await page.waitForTimeout(500);
    await shoot(page, 'overview');
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('about:blank').catch(() => undefined);
    await harness.dispose();
  }
});
