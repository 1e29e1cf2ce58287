// main.event_loop_delay_p99_ms: how long the process standing in for Electron main (this bench's main thread,
// holding the CoreWorkerClient as main does, relaying a sync.status call every 250 ms as it relays the window's calls) waits to
// run its next task while the core works in its worker:
//   - a 100 000-case initial pull through the central service into an empty cache (the service in a process of its
//     own, as on a server: in this process its own work would be measured as main's);
//   - a 10 000-request import (importBench.ts) in a worker thread (the desk has no import call: imports are a CLI's).
// perf_hooks.monitorEventLoopDelay at 10 ms resolution, less the resolution itself; the p99 over both, and each one's (≤ 16 ms).
// main.event_loop_delay_p99_idle_ms is the same measure with nothing running, first: the machine's own share.
// BENCH_ONLY=main-loop runs only this part.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { connectCentral } from '../../core/sync/centralConnection';
import { openLocalDatabase } from '../../core/db/openLocalDatabase';
import { cacheFileFor } from '../../core/openConfiguredCore';
import { memorySettingsHost } from '../../core/settings/settingsHost';
import { CoreWorkerClient } from '../../core/worker/coreWorkerClient';
import type { SyncStatusView } from '../../shared/contract';
import { signInToService, type SignedInService } from '../../harness/centralUrl';
import { coreWorkerEntry, MIGRATIONS_FOLDER } from '../../harness/harnessCore';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase } from '../support/postgres';
import { seedCentral } from '../support/syncClients';
import { IMPORT_BENCH_REQUESTS } from './importBench';
import { startServiceProcess, type ServiceProcess } from './serviceProcess';
import { round, type BenchResult } from './stats';

const STATUS_EVERY_MS = 250;

const RESOLUTION_MS = 10;
/**
 * The histogram records the time between its timer's ticks, so an idle loop reads the resolution itself (measured
 * here: min 9.6, p50 9.8, p99 11.0 ms at 10 ms); the loop's delay is what lies beyond it.
 */
const delayMs = (nanoseconds: number) => round(Math.max(0, nanoseconds / 1e6 - RESOLUTION_MS));
const p99 = (histogram: { percentile(p: number): number }) => delayMs(histogram.percentile(99));

/** The service in its own process (serviceProcess.ts), and this bench's person signed in to it. */
async function serviceSignedIn(db: TestDatabase, login: string): Promise<{ service: ServiceProcess; signedIn: SignedInService }> {
  const service = await startServiceProcess(db);
  try {
    return { service, signedIn: await signInToService(service.url, login, TEST_PASSWORD) };
  } catch (error) {
    await service.stop();
    throw error;
  }
}

async function status(core: CoreWorkerClient): Promise<SyncStatusView> {
  const result = await core.dispatch('sync.status', {});
  if (!result.ok) throw new Error(`sync.status failed: ${JSON.stringify(result.error)}`);
  return result.value as SyncStatusView;
}

/** The initial pull, from starting the worker until the cache says it is connected with nothing left to fetch. */
async function measurePull(dataDirectory: string, signedIn: SignedInService, cases: number, both: IntervalHistogram): Promise<IntervalHistogram> {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  both.enable();
  const started = performance.now();
  const core = new CoreWorkerClient({
    entry: coreWorkerEntry(),
    open: () => ({ dataDirectory, migrationsFolder: MIGRATIONS_FOLDER, clock: { kind: 'system' } }),
    host: {
      openFile: async () => undefined,
      settings: memorySettingsHost(signedIn),
      pdfRenderer: { render: () => Promise.reject(new Error('no letters in this bench')), close: async () => undefined },
    },
    log: (message) => console.log(`  ${message}`),
  });
  try {
    let lastShown = 0;
    for (;;) {
      const now = await status(core);
      if (now.mode === 'central' && now.state === 'connected' && now.progress === null) break;
      if (now.mode === 'central' && now.state === 'error') throw new Error(`the pull failed: ${now.reason} ${now.detail ?? ''}`);
      if (performance.now() - lastShown > 5_000) {
        lastShown = performance.now();
        const progress = now.mode === 'central' && now.progress ? ` ${now.progress.done} / ${now.progress.total}` : '';
        console.log(`  ${now.mode === 'central' ? now.state : now.mode}${progress}`);
      }
      if (performance.now() - started > 900_000) throw new Error('the initial pull took more than 15 minutes');
      await new Promise((resolve) => setTimeout(resolve, STATUS_EVERY_MS));
    }
    histogram.disable();
    both.disable();
    console.log(`  pulled in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await core.close();
  }
  const cache = openLocalDatabase({ file: cacheFileFor(dataDirectory, signedIn.settings), migrationsFolder: MIGRATIONS_FOLDER, enforceForeignKeys: false });
  try {
    const pulled = (cache.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    if (pulled !== cases) throw new Error(`the cache holds ${pulled} cases, the service ${cases}`);
  } finally {
    cache.close();
  }
  return histogram;
}

/** The import in a worker thread, main meanwhile ticking as if it relayed the renderer's calls. */
async function measureImport(requests: number, both: IntervalHistogram): Promise<{ histogram: IntervalHistogram; results: BenchResult[] }> {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  both.enable();
  const worker = new Worker(path.join(__dirname, 'importWorker.cjs'), { workerData: { requests } });
  const results = await new Promise<BenchResult[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the import worker exited with code ${code}`)));
  });
  histogram.disable();
  both.disable();
  await worker.terminate();
  return { histogram, results };
}

/**
 * The same measure with nothing running at all: what the machine's own scheduling costs a thread that only waits.
 * On a shared or overloaded machine this is far above zero, and the figures above cannot be below it.
 */
async function idleBaseline(ms = 10_000): Promise<IntervalHistogram> {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, ms));
  histogram.disable();
  return histogram;
}

export async function benchMainLoop(cases: number, report: (result: BenchResult) => void): Promise<void> {
  const db = await createTestDatabase('bench_main_loop');
  const dataDirectory = mkdtempSync(path.join(tmpdir(), 'desk-main-loop-'));
  let service: ServiceProcess | null = null;
  try {
    console.log(`\nMain's event loop: seeding a central database with ${cases} cases …`);
    await seedCentral(db, cases);
    const admin = await connectCentral(db.adminUrl);
    await admin.query('VACUUM (ANALYZE)');
    await admin.end();
    const login = await db.createLogin('maja', 'case_handler');
    const started = await serviceSignedIn(db, login);
    service = started.service;
    const idle = await idleBaseline();
    console.log('  the initial pull in the core\'s worker …');
    // Enabled during the two measured parts only.
    const both = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    const pull = await measurePull(dataDirectory, started.signedIn, cases, both);
    console.log(`  a ${IMPORT_BENCH_REQUESTS}-request import in a worker …`);
    const imported = await measureImport(IMPORT_BENCH_REQUESTS, both);
    for (const result of imported.results) console.log(`  (${result.name} ${result.value} ${result.unit} in the worker)`);
    report({ name: 'main.event_loop_delay_p99_ms', value: p99(both), unit: 'ms' });
    report({ name: 'main.event_loop_delay_p99_pull_ms', value: p99(pull), unit: 'ms' });
    report({ name: 'main.event_loop_delay_p99_import_ms', value: p99(imported.histogram), unit: 'ms' });
    report({ name: 'main.event_loop_delay_p99_idle_ms', value: p99(idle), unit: 'ms' });
    report({ name: 'main.event_loop_delay_max_ms', value: delayMs(Math.max(pull.max, imported.histogram.max)), unit: 'ms' });
  } finally {
    await service?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
    await db.drop();
  }
}
