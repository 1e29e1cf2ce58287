// `npm run bench`: seeds 100 000 cases into a temporary database and measures what the issues ask for; then
// the same number into a temporary central PostgreSQL database behind a central service instance, and desks syncing
// through it (syncBench.ts; BENCH_SYNC=0 leaves that out; BENCH_ONLY=sync runs only that part, BENCH_ONLY=sync-initial
// only its initial pull, BENCH_ONLY=overview only the overview after seeding; BENCH_PULL_PROFILE=1 adds a breakdown
// of the initial pull, pullProfile.ts); then the portal's figures (portalBench.ts, on a database of its own with
// BENCH_PORTAL_CASES cases, 10 000 by default; BENCH_PORTAL=0 leaves it out, BENCH_ONLY=portal runs only that).
// The remote-change paint (remotePaintBench.ts) runs after the sync part, on a central database of its own
// (BENCH_PAINT=0 leaves it out, BENCH_ONLY=remote-paint runs only that).
// Then main.event_loop_delay_p99_ms (mainLoopBench.ts: Electron main's stand-in while the core's worker pulls BENCH_CASES
// cases and imports 10 000 requests; BENCH_MAIN_LOOP=0 leaves it out, BENCH_ONLY=main-loop runs only that).
// BENCH_CASES sets the number of cases for the rest.
// Prints the figures and writes them to bench-results.json as [{name, value, unit}].
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AttachmentStore } from '../../core/attachments/attachmentStore';
import { fixedClock } from '../../core/clock';
import { createCore } from '../../core/createCore';
import { openLocalDatabase } from '../../core/db/openLocalDatabase';
import { seedDatabase } from '../../core/demo/seedDatabase';
import { HARNESS_NOW, MIGRATIONS_FOLDER } from '../../harness/harnessCore';
import { benchCore } from './coreBench';
import { benchImport } from './importBench';
import { benchMainLoop } from './mainLoopBench';
import { benchOfferPdf } from './offerBench';
import { benchOverview } from './overviewBench';
import { benchPortal } from './portalBench';
import { benchRemoteChangePaint } from './remotePaintBench';
import { round, type BenchResult } from './stats';
import { benchSync } from './syncBench';
import { benchSearchKeystrokes } from './uiBench';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const ONLY = process.env.BENCH_ONLY ?? '';
const PORTAL_CASES = Number(process.env.BENCH_PORTAL_CASES ?? 10_000);
const SYNC_ONLY = ONLY === 'sync' || ONLY === 'sync-initial';

async function main(): Promise<void> {
  const directory = mkdtempSync(path.join(tmpdir(), 'desk-bench-'));
  const databaseFile = path.join(directory, 'bench.sqlite');
  const attachmentsDirectory = path.join(directory, 'attachments');
  const results: BenchResult[] = [];
  const report = (result: BenchResult) => {
    results.push(result);
    console.log(`${result.name.padEnd(34)} ${String(result.value).padStart(10)} ${result.unit}`);
  };
  try {
    if (ONLY === 'portal') {
      await benchPortal(PORTAL_CASES, report);
      return;
    }
    if (ONLY === 'remote-paint') {
      await benchRemoteChangePaint(CASES, report);
      return;
    }
    if (ONLY === 'main-loop') {
      await benchMainLoop(CASES, report);
      return;
    }
    if (SYNC_ONLY) {
      await benchSync(CASES, report, { initialOnly: ONLY === 'sync-initial' });
      return;
    }
    const seeding = openLocalDatabase({ file: databaseFile, migrationsFolder: MIGRATIONS_FOLDER });
    console.log(`Seeding ${CASES} cases …`);
    const seeded = seedDatabase(seeding.sqlite, {
      cases: CASES,
      seed: 42,
      today: HARNESS_NOW.slice(0, 10),
      attachmentStore: new AttachmentStore(attachmentsDirectory),
    });
    seeding.close();
    report({ name: 'seed.cases_per_s', value: round(seeded.cases / (seeded.ms / 1000), 0), unit: 'cases/s' });
    if (ONLY === 'overview') {
      for (const result of await benchOverview(databaseFile, attachmentsDirectory)) report(result);
      return;
    }
    for (const result of benchImport()) report(result);
    for (const result of await benchOfferPdf()) report(result);

    const core = createCore({
      databaseFile,
      migrationsFolder: MIGRATIONS_FOLDER,
      attachmentsDirectory,
      clock: fixedClock(HARNESS_NOW),
      host: { openFile: async () => {} },
    });
    try {
      // The first queue call after start: the first page, from SQLite while the in-memory index loads.
      const coldStart = performance.now();
      await core.dispatch('queue.list', { filters: {} });
      report({ name: 'queue.cold_first_page_ms', value: round(performance.now() - coldStart), unit: 'ms' });
      // The in-memory indexes (filters and search) load in the background from the start: when every question is
      // answered from memory. The figures after this are measured with them in.
      await core.queue.whenLoaded();
      report({ name: 'queue.index_ready_ms', value: round(performance.now() - coldStart), unit: 'ms' });
      for (const result of await benchCore(core)) report(result);
      for (const result of await benchSearchKeystrokes(core)) report(result);
    } finally {
      await core.close();
    }
    for (const result of await benchOverview(databaseFile, attachmentsDirectory)) report(result);
    const sizeBytes = statSync(databaseFile).size;
    report({ name: 'db.size_mb', value: round(sizeBytes / 1_048_576, 1), unit: 'MB' });
    rmSync(directory, { recursive: true, force: true });
    if (process.env.BENCH_SYNC !== '0') await benchSync(CASES, report);
    if (process.env.BENCH_PAINT !== '0') await benchRemoteChangePaint(CASES, report);
    if (process.env.BENCH_PORTAL !== '0') await benchPortal(PORTAL_CASES, report);
    if (process.env.BENCH_MAIN_LOOP !== '0') await benchMainLoop(CASES, report);
  } finally {
    // What was measured is kept even if a later part failed.
    writeFileSync(path.resolve(__dirname, '../../bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('\nWritten to bench-results.json');
    rmSync(directory, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
