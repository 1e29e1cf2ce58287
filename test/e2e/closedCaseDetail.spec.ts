// A closed case whose detail the first download left out, as the case handler meets it: opened while the service
// cannot be reached, the case shows with a calm notice of where its history is; once the connection is back,
// "Prøv igjen" brings the whole history, notes and files in. Real core, real service, real PostgreSQL, Chromium.
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { HarnessCore } from '../../harness/harnessCore';
import { createTestDatabase } from '../support/postgres';
import { closeServices, serviceFor } from '../support/serviceInstances';
import { seedCentral } from '../support/syncClients';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import { axeViolations, createPerson, expect, openDesk, startCentralHarness, syncStatus, test } from './fixtures';

async function connection(harness: HarnessCore): Promise<string> {
  const status = await syncStatus(harness.core);
  return status.mode === 'central' ? status.state : status.mode;
}

const shoot = (page: Page, name: string) => page.screenshot({ path: path.join('test-results', 'screenshots', `${name}.png`) });

test('a closed case opened offline says where its history is, and "Prøv igjen" fetches it once connected', async ({ page }) => {
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
    const closed = sqlite.prepare(
      'SELECT c.id, c.case_number FROM cases c JOIN case_detail_on_server d ON d.case_id = c.id ORDER BY c.id LIMIT 1',
    ).get() as { id: number; case_number: string };
    await openDesk(page, harness.core);

    // The network goes; the desk says so.
    proxy.cut();
    await expect.poll(() => connection(harness!), { timeout: 15_000 }).toBe('offline');

    await page.getByRole('searchbox', { name: 'Søk i saker' }).fill(closed.case_number);
    await page.getByRole('grid', { name: 'Arbeidskø' }).getByText(closed.case_number, { exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: closed.case_number })).toBeVisible({ timeout: 10_000 });
    const notice = page.getByTestId('detail-on-server');
    await expect(notice).toContainText('Historikken er ikke lastet ned');
    await expect(notice).toContainText('hentes når du er tilkoblet');
    const history = page.getByRole('region', { name: 'Historikk' });
    await expect(history).not.toContainText('Melding mottatt');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'closed-case-detail-1-offline');

    // Back online: one press fetches the case's whole detail, and the notice goes.
    proxy.restore();
    await expect.poll(() => connection(harness!), { timeout: 20_000 }).toBe('connected');
    await notice.getByRole('button', { name: 'Prøv igjen' }).click();
    await expect(notice).toBeHidden({ timeout: 10_000 });
    await expect(history).toContainText('Melding mottatt');
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
