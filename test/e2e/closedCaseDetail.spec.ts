// A closed case whose detail the first download left out, as the case handler meets it: opened while the service
// cannot be reached, the case shows at once with a calm notice of where its detail is (the history, the owner's
// contact); once the connection is back, the whole case comes in by itself. Real core, real service, real PostgreSQL, Chromium.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { connectCentral } from '../../core/sync/centralConnection';
import type { HarnessCore } from '../../harness/harnessCore';
import { createTestDatabase } from '../support/postgres';
import { closeServices, serviceFor } from '../support/serviceInstances';
import { seedCentral } from '../support/syncClients';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { axeViolations, createPerson, expect, openCaseByKeyboard, openDesk, startCentralHarness, syncStatus, test } from './fixtures';

async function connection(harness: HarnessCore): Promise<string> {
  const status = await syncStatus(harness.core);
  return status.mode === 'central' ? status.state : status.mode;
}

const shoot = (page: Page, name: string) => page.screenshot({ path: path.join('test-results', 'screenshots', `${name}.png`) });

test('a closed case opened offline says where its history is, and fills in by itself once connected', async ({ page }) => {
  const db = await createTestDatabase('e2e_closed_detail');
  let harness: HarnessCore | null = null;
  let proxy: TcpProxy | null = null;
  try {
    await seedCentral(db, 120);
    const anne = await createPerson(db, 'anne', 'Anne Hansen');
    const running = await serviceFor(db);
    proxy = await startTcpProxy('127.0.0.1', Number(new URL(running.url).port));
    harness = await startCentralHarness(db, anne, proxy.urlFor.bind(proxy));
    const sqlite = harness.core.database.sqlite;
    const admin = await connectCentral(db.adminUrl);
    const { rows: [withEmail] } = await admin.query<{ id: string; owner_email: string }>(
      "SELECT id, owner_email FROM cases WHERE status = 'closed' AND owner_email IS NOT NULL ORDER BY id LIMIT 1").finally(() => admin.end());
    const closed = sqlite.prepare(
      'SELECT c.id, c.case_number FROM cases c JOIN case_detail_on_server d ON d.case_id = c.id WHERE c.id = ?',
    ).get(Number(withEmail.id)) as { id: number; case_number: string };
    await openDesk(page, harness.core);

    // The network goes; the desk says so.
    proxy.cut();
    await expect.poll(() => connection(harness!), { timeout: 15_000 }).toBe('offline');

    await openCaseByKeyboard(page, closed.case_number);
    const notice = page.getByTestId('detail-on-server');
    await expect(notice).toContainText('Saken er ikke lastet ned');
    await expect(notice).toContainText('hentes når du er tilkoblet');
    const history = page.getByRole('region', { name: 'Historikk' });
    // What the detail holds is not shown as empty while it is away: no "Ingen hendelser", no missing site plan, no
    // owner without e-mail; and the owner cannot be corrected from what is not here.
    await expect(history).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Kompletthet' })).toHaveCount(0);
    await expect(page.getByText('Ingen vedlegg er mottatt.')).toHaveCount(0);
    const owner = page.getByRole('region', { name: 'Eier' });
    await expect(owner).toBeVisible();
    await expect(owner.getByText('E-post')).toHaveCount(0);
    await expect(owner.getByRole('button', { name: 'Rett opplysninger om eier' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Ønsket oppstart og tilkobling' })).toHaveCount(0);
    // Nor the case's contact person at the installer (not the firm's in its place), nor when it became complete.
    const installer = page.getByRole('region', { name: 'Installatør' });
    await expect(installer).toBeVisible();
    await expect(installer.getByText('Kontaktperson', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('term').filter({ hasText: /^Komplett$/ })).toHaveCount(0);
    await expect(page.getByText('Ikke komplett')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'closed-case-detail-1-offline');

    // "Prøv igjen" while still offline: it stays calm and says the same.
    await notice.getByRole('button', { name: 'Prøv igjen' }).click();
    await expect(notice).toContainText('hentes når du er tilkoblet');

    // Back online: the case's whole detail comes by itself, and the notice goes.
    proxy.restore();
    await expect.poll(() => connection(harness!), { timeout: 20_000 }).toBe('connected');
    await expect(notice).toBeHidden({ timeout: 10_000 });
    await expect(history).toContainText('Melding mottatt');
    await expect(page.getByRole('region', { name: 'Kompletthet' })).toBeVisible();
    await expect(owner).toContainText(withEmail.owner_email);
    // Correcting the owner of a closed case is casework too: it waits for the claim, as on any case.
    await expect(owner.getByRole('button', { name: 'Rett opplysninger om eier' })).toHaveCount(0);
    await expect(page.getByText('Ta saken for å arbeide med den.')).toBeVisible();
    await page.getByRole('button', { name: 'Ta saken' }).click();
    await expect(owner.getByRole('button', { name: 'Rett opplysninger om eier' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Ønsket oppstart og tilkobling' })).toBeVisible();
    await expect(installer.getByText('Kontaktperson', { exact: true })).toBeVisible();
    await expect(page.getByRole('term').filter({ hasText: /^Komplett$/ })).toBeVisible();
    const events = (sqlite.prepare('SELECT count(*) AS n FROM case_events WHERE case_id = ?').get(closed.id) as { n: number }).n;
    expect(events).toBeGreaterThan(2);
    expect(sqlite.prepare('SELECT 1 FROM case_detail_on_server WHERE case_id = ?').get(closed.id)).toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'closed-case-detail-2-fetched');
  } finally {
    await page.goto('about:blank').catch(() => undefined);
    await harness?.dispose();
    await proxy?.close();
    await closeServices(db);
    await db.drop();
  }
});
