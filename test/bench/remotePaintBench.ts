// ui.remote_change_paint_p95_ms: a change committed by another desk, through the central service, until it is
// painted in this desk's open queue and open case view — Chromium through the harness, the desk's page on its own
// running core (engine, live socket, change stream), the other desk a second core. Measured from just before the
// other desk's call to the first animation frame after this page's DOM shows the new value (a MutationObserver
// watching for it, then requestAnimationFrame), on one wall clock (performance.timeOrigin + now() on both sides).
//   queue: a supervisor at the other desk assigns a case on the queue's first screen (or takes it back), and the
//          row's Saksbehandler cell changes;
//   case:  they write a note on the case open here, and it appears among the notes.
import { chromium, type Page } from 'playwright-core';
import type pg from 'pg';
import { connectCentral } from '../../core/sync/centralConnection';
import type { QueuePage } from '../../shared/contract';
import { DEFAULT_QUEUE_FILTERS } from '../../shared/contract/queueDefaults';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../harness/chromium';
import { exposeCoreApi } from '../../harness/exposeApi';
import { startStaticServer } from '../../harness/staticServer';
import { createTestDatabase } from '../support/postgres';
import { closeServices } from '../support/serviceInstances';
import { removeClientFiles, seedCentral, startClient, type Client } from '../support/syncClients';
import { percentile, round, type BenchResult } from './stats';

const SAMPLES_EACH = 20;
const WARMUP = 2;
const ENGINE = { pollIntervalMs: 15_000 };

const wallClock = () => performance.timeOrigin + performance.now();

async function ok<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`call failed: ${JSON.stringify(settled.error)}`);
  return settled.value as T;
}

/**
 * Arms a watcher in the page: resolves with the wall-clock time of the first frame after an element matching
 * `selector` whose text contains `needle` (and, for a row, `within`) is in the DOM.
 */
async function armPaintWatch(page: Page, selector: string, needle: string, within: string | null): Promise<void> {
  // A script as text: a function here would be transformed by the TypeScript loader (its __name helper does not
  // exist in the page).
  await page.evaluate(`(() => {
    const [selector, needle, within] = ${JSON.stringify([selector, needle, within])};
    window.__painted = new Promise((resolve, reject) => {
      const shown = () => [...document.querySelectorAll(selector)].some((element) => {
        const text = element.textContent || '';
        return text.includes(needle) && (within === null || text.includes(within));
      });
      const observer = new MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      setTimeout(() => {
        observer.disconnect();
        reject(new Error('not painted within 10 s: ' + needle));
      }, 10000);
    });
  })()`);
}

const painted = (page: Page) => page.evaluate<number>('window.__painted');

export async function benchRemoteChangePaint(cases: number, report: (result: BenchResult) => void): Promise<void> {
  const db = await createTestDatabase('bench_paint');
  const clients: Client[] = [];
  let admin: pg.Client | null = null;
  const server = await startStaticServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  try {
    console.log(`\nSeeding a central database with ${cases} cases for the remote-change paint …`);
    await seedCentral(db, cases);
    admin = await connectCentral(db.adminUrl);
    await admin.query('VACUUM (ANALYZE)');
    const here = await startClient(db, 'hanne', 'case_handler', ENGINE);
    clients.push(here);
    const other = await startClient(db, 'sverre', 'supervisor', ENGINE);
    clients.push(other);
    await Promise.all([here.core.central!.engine.whenIdle(), other.core.central!.engine.whenIdle()]);
    const idle = () => Promise.all([here.core.central!.engine.whenIdle(), other.core.central!.engine.whenIdle()]);
    const otherName = (here.core.database.sqlite.prepare('SELECT display_name FROM users WHERE id = ?').get(other.login) as
      | { display_name: string }
      | undefined)?.display_name ?? other.login;

    // When this desk's core announced the change (verbose only): what the sync takes, apart from the paint.
    let announced = 0;
    here.core.onChange((batch) => {
      if (batch.caseIds.length > 0) announced = wallClock();
    });
    const announcedAfter: number[] = [];
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await exposeCoreApi(page, here.core);
    await page.goto(server.url);
    const grid = page.getByRole('grid', { name: 'Arbeidskø' });
    await grid.locator('[role="row"][aria-rowindex]').first().waitFor();

    // The queue: the first screen's cases, each assigned to the supervisor and back, one change at a time.
    const first = await ok<QueuePage>(
      here.core.dispatch('queue.list', { filters: DEFAULT_QUEUE_FILTERS, sort: { key: 'received', direction: 'asc' }, offset: 0, limit: 12 }),
    );
    // Each change moves a case between the other desk's person and nobody, whoever had it before.
    const rows = first.rows.slice(0, 6);
    if (rows.length === 0) throw new Error('The queue’s first screen is empty');
    const assignees = new Map(rows.map((row) => [row.id, row.assigneeId]));
    const queueSamples: number[] = [];
    for (let i = 0; i < SAMPLES_EACH + WARMUP; i++) {
      const row = rows[i % rows.length];
      const assigneeId = assignees.get(row.id) === other.login ? null : other.login;
      assignees.set(row.id, assigneeId);
      await armPaintWatch(page, '[role="grid"] [role="row"]', row.caseNumber, assigneeId === null ? 'Ikke tildelt' : otherName);
      const start = wallClock();
      await ok(other.core.dispatch('case.assign', { caseId: row.id, assigneeId }));
      const end = await painted(page);
      if (i >= WARMUP) queueSamples.push(end - start);
      announcedAfter.push(announced - start);
      await idle();
    }

    // The case view: the supervisor writes notes on the case open here.
    const target = rows[0];
    await grid.getByRole('row').filter({ hasText: target.caseNumber }).click();
    await page.getByRole('heading', { level: 1, name: target.caseNumber }).waitFor();
    const caseSamples: number[] = [];
    for (let i = 0; i < SAMPLES_EACH + WARMUP; i++) {
      const body = `Fra kontoret ${i}: ${Date.now()}`;
      await armPaintWatch(page, 'section, [role="region"]', body, null);
      const start = wallClock();
      await ok(other.core.dispatch('case.addNote', { caseId: target.id, body }));
      const end = await painted(page);
      if (i >= WARMUP) caseSamples.push(end - start);
      announcedAfter.push(announced - start);
      await idle();
    }

    const all = [...queueSamples, ...caseSamples];
    if (process.env.BENCH_VERBOSE) console.log({ queueSamples, caseSamples, announcedAfter: announcedAfter.map(Math.round) });
    report({ name: 'ui.remote_change_paint_p95_ms', value: round(percentile(all, 95)), unit: 'ms' });
    report({ name: 'ui.remote_change_paint_queue_p95_ms', value: round(percentile(queueSamples, 95)), unit: 'ms' });
    report({ name: 'ui.remote_change_paint_case_p95_ms', value: round(percentile(caseSamples, 95)), unit: 'ms' });
    report({ name: 'ui.remote_change_paint_samples', value: all.length, unit: 'count' });
  } finally {
    await browser.close();
    await server.close();
    await admin?.end().catch(() => undefined);
    for (const client of clients) {
      await client.close().catch(() => undefined);
      removeClientFiles(client);
    }
    await closeServices(db);
    await db.drop();
  }
}
