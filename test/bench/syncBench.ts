// What syncing through the central service costs, on a central database of its own (created here, seeded once with
// the demo generator and vacuumed, dropped at the end) behind a real service instance on loopback (buildService, as
// the tests start it). Every desk is a real core in this process, signed in to the service; none talks to PostgreSQL.
//   sync.initial_cache_bytes_per_case  the cache file that first download leaves, per case (a case handler's;
//                                   BENCH_SYNC_ROLE=supervisor makes the first desk a supervisor's, whose first
//                                   download also brings the overview's history of recently closed cases);
//   sync.initial_100k_s             an empty cache filled from scratch through the service's paged pull (named by
//                                   the size: sync.initial_1m_s at a million), the service in a process of its own
//                                   as on a server (serviceProcess.ts): from starting
//                                   the desk (its sign-in included) until its engine is idle, with the progress it
//                                   reports printed every second (a second desk's initial pull, later, is printed as
//                                   sync.initial_second_client_s); BENCH_PULL_PROFILE=1 then times the steps of the
//                                   same pull one by one (pullProfile.ts);
//   sync.pull_100_changes_ms        100 cases changed centrally (one UPDATE as the admin), then one pullChanges by an
//                                   idle desk whose engine is stopped, over its own ServiceConnection: pull + apply
//                                   only (median; p95 of 20 rounds);
//   sync.push_100_mutations_ms      the same desk, engine stopped: 100 notes on 100 cases made locally (untimed),
//                                   then pushOutbox until the outbox is empty — POST /api/push, the service applying
//                                   each, the desk settling each with the rows sent back (median of 5 rounds);
//   queue.central_over_local_ratio  the queue's filter and search mix (coreBench.ts) as SQL on PostgreSQL over loopback
//                                   (centralQueue.ts) against `queue.list` on the cache, interleaved in one run: the
//                                   ratio of the p95s, and both p95s (search alone too). A comparison of the engines:
//                                   the SQL goes to PostgreSQL directly (as desk_service in the person's group), not
//                                   through the service;
//   sync.live_latency_p95_ms        two running engines: desk A's `case.addNote` until the note's row is in desk B's
//                                   SQLite — A's push to the service, the service's notice on B's live WebSocket, B's
//                                   pull (polled every 2 ms; 30 samples; p50 too);
//   service.push_per_s              50 simulated desks, signed in, POSTing /api/push at once with 5 notes a time for
//                                   10 s (servicePush.ts): mutations applied per second (and the p95 of one POST).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { osloDate } from '../../core/clock';
import { Random } from '../../core/demo/random';
import { signIn } from '../../core/service/serviceAuth';
import { ServiceConnection } from '../../core/service/serviceConnection';
import { connectCentral } from '../../core/sync/centralConnection';
import { pullChanges } from '../../core/sync/pullChanges';
import { pushOutbox } from '../../core/sync/pushOutbox';
import type { QueueFilters, QueueListInput, SyncStatusView } from '../../shared/contract';
import { createTestDatabase, TEST_PASSWORD } from '../support/postgres';
import { closeServices, serviceFor } from '../support/serviceInstances';
import { removeClientFiles, seedCentral, startClient, type Client } from '../support/syncClients';
import { centralQueueList, createCentralSearchIndex } from './centralQueue';
import { DEFAULT_FILTERS, FILTER_MIX, SEARCH_MIX } from './coreBench';
import { profileInitialPull } from './pullProfile';
import { benchServicePush } from './servicePush';
import { startServiceProcess, type ServiceProcess } from './serviceProcess';
import { percentile, round, type BenchResult } from './stats';

/**
 * As the app runs: changes arrive as notices on the service's live socket, the poll is only a safety net, and the
 * socket counts as stalled after the app's 30 s of silence (the service beats every 10 s; the tests' 5 s would
 * take a busy pull for a stall).
 */
const ENGINE = { pollIntervalMs: 15_000, stallMs: 30_000 };
const PULL_ROUNDS = 20;
const LIVE_SAMPLES = 30;
const QUEUE_RUNS = 200;
const PUSH_ROUNDS = 5;
const PUSH_DESKS = 50;
const PUSH_BATCH = 5;
const PUSH_SECONDS = 10;

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** The size in a figure's name, as the issues name them: 100k, 1m (any other size as its number). */
const sizeLabel = (cases: number): string =>
  cases % 1_000_000 === 0 ? `${cases / 1_000_000}m` : cases % 1_000 === 0 ? `${cases / 1_000}k` : String(cases);

async function ok<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`call failed: ${JSON.stringify(settled.error)}`);
  return settled.value as T;
}

/** Where the cache's bytes go: every table and index over 1 % of the file, in bytes per case (SQLite's dbstat). */
function printCacheBreakdown(cache: Client['core']['database']['sqlite'], cases: number): void {
  const parts = cache
    .prepare(`SELECT d.name, coalesce(m.tbl_name, d.name) AS tbl, m.type, sum(d.pgsize) AS bytes
      FROM dbstat d LEFT JOIN sqlite_schema m ON m.name = d.name GROUP BY d.name ORDER BY bytes DESC`)
    .all() as { name: string; tbl: string; type: string | null; bytes: number }[];
  const total = parts.reduce((sum, part) => sum + part.bytes, 0);
  console.log(`  the cache, ${Math.round(total / cases)} B per case:`);
  for (const part of parts.filter((p) => p.bytes > total / 100)) {
    console.log(`    ${`${part.name}${part.type === 'index' ? ` (index of ${part.tbl})` : ''}`.padEnd(60)} ${String(Math.round(part.bytes / cases)).padStart(5)} B`);
  }
}

/** The bench must end: a sync that never goes idle fails it, saying what it was waiting for. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const idle = (client: Client, ms = 30_000) => within(ms, `${client.login} to be idle`, client.core.central!.engine.whenIdle());

async function centralCount(admin: pg.Client, table: string): Promise<number> {
  return (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
}

/** A client with an empty cache, from start until its engine is idle; prints the progress it reports. */
async function initialPull(
  db: Awaited<ReturnType<typeof createTestDatabase>>,
  name: string,
  service: ServiceProcess,
): Promise<{ client: Client; ms: number; progressShown: number }> {
  const role = process.env.BENCH_SYNC_ROLE === 'supervisor' ? 'supervisor' : 'case_handler';
  const login = await db.createLogin(name, role);
  const directory = mkdtempSync(path.join(tmpdir(), `desk-bench-${name}-`));
  const started = performance.now();
  const client = await startClient(db, name, role, ENGINE, { login, directory, service });
  let progressShown = 0;
  const show = async () => {
    const status = await ok<SyncStatusView>(client.core.dispatch('sync.status', {}));
    if (status.mode !== 'central') return;
    const after = `after ${seconds(performance.now() - started)} s`;
    if (status.progress) {
      progressShown++;
      const { done, total } = status.progress;
      const percent = total > 0 ? Math.round((100 * done) / total) : 0;
      console.log(`  ${name}: ${status.state} ${done} / ${total} (${percent} %) ${after}`);
    } else console.log(`  ${name}: ${status.state}${status.reason ? ` (${status.reason}: ${status.detail ?? ''})` : ''} ${after}`);
  };
  const timer = setInterval(() => void show().catch(() => undefined), 1_000);
  try {
    await idle(client, 300_000);
  } catch (error) {
    await client.close().catch(() => undefined);
    removeClientFiles(client);
    throw error;
  } finally {
    clearInterval(timer);
  }
  return { client, ms: performance.now() - started, progressShown };
}

/**
 * The cache holds every case, and every open case's detail; the closed ones are marked as on the service
 * (service/sync/closedCaseDetail.ts). Prints what the first download left out.
 */
async function checkFilled(client: Client, admin: pg.Client): Promise<void> {
  const sqlite = client.core.database.sqlite;
  const local = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  const central = async (sql: string) => Number((await admin.query<{ n: string }>(sql)).rows[0].n);
  const cases = local('SELECT count(*) AS n FROM cases');
  if (cases !== (await centralCount(admin, 'cases'))) throw new Error(`${client.login}: the cache lacks cases`);
  const closed = await central("SELECT count(*) AS n FROM cases WHERE status = 'closed'");
  if (local('SELECT count(*) AS n FROM case_detail_on_server') !== closed) throw new Error(`${client.login}: not every closed case is marked`);
  for (const table of ['case_events', 'attachments', 'notes', 'offers']) {
    const open = `SELECT count(*) AS n FROM ${table} t JOIN cases c ON c.id = t.case_id WHERE c.status <> 'closed'`;
    const here = local(open);
    if (here !== (await central(open))) throw new Error(`${client.login}: open cases' ${table} differ from the central database's`);
    const all = await centralCount(admin, table);
    console.log(`  ${table}: ${local(`SELECT count(*) AS n FROM ${table}`)} of ${all} rows in the cache (open cases' ${here})`);
  }
}

export async function benchSync(
  cases: number,
  report: (result: BenchResult) => void,
  options: { initialOnly?: boolean } = {},
): Promise<void> {
  const db = await createTestDatabase('bench_sync');
  const clients: Client[] = [];
  let admin: pg.Client | null = null;
  const connections: pg.Client[] = [];
  const services: ServiceConnection[] = [];
  let serviceProcess: ServiceProcess | null = null;
  try {
    console.log(`\nSeeding a central PostgreSQL database (${db.databaseName}) with ${cases} cases …`);
    const seeding = performance.now();
    await seedCentral(db, cases);
    admin = await connectCentral(db.adminUrl);
    const rows = (await admin.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM case_events) + (SELECT count(*) FROM attachments)
            + (SELECT count(*) FROM notes) AS n`,
    )).rows[0].n;
    console.log(`  seeded in ${seconds(performance.now() - seeding)} s: ${cases} cases, ${rows} rows with their events, attachments and notes`);
    // As a central database that has been in use: vacuumed, so the first reader does not pay for setting the
    // hint bits of a million freshly loaded rows (autovacuum would have done this long before anyone synced).
    const vacuuming = performance.now();
    await admin.query('VACUUM (ANALYZE)');
    console.log(`  vacuumed in ${seconds(performance.now() - vacuuming)} s`);

    // 1. An empty cache pulls everything, from a service in a process of its own (as on a server).
    serviceProcess = await startServiceProcess(db);
    console.log('Initial pull into an empty cache …');
    const first = await initialPull(db, 'bianca', serviceProcess);
    clients.push(first.client);
    const b = first.client;
    await checkFilled(b, admin);
    report({ name: `sync.initial_${sizeLabel(cases)}_s`, value: round(first.ms / 1000, 1), unit: 's' });
    // The cache file a first download leaves, per case (WAL folded in first; free pages counted out).
    const cache = b.core.database.sqlite;
    cache.pragma('wal_checkpoint(TRUNCATE)');
    const pages = Number(cache.pragma('page_count', { simple: true })) - Number(cache.pragma('freelist_count', { simple: true }));
    const cacheBytes = pages * Number(cache.pragma('page_size', { simple: true }));
    report({ name: 'sync.initial_cache_bytes_per_case', value: Math.round(cacheBytes / cases), unit: 'B' });
    // The desk's database as a case handler has it at this size (db.size_mb is the standalone one, every case whole).
    report({ name: 'sync.initial_cache_mb', value: round(cacheBytes / 1_048_576, 1), unit: 'MB' });
    if (process.env.BENCH_CACHE_BREAKDOWN === '1') printCacheBreakdown(cache, cases);
    if (first.progressShown === 0) console.log('  (over before the first progress report)');
    const running = await serviceFor(db);
    // The desk's own session is inside its engine; the bench signs the same account in again for the calls it times.
    const { token } = await signIn({ url: running.url }, b.login, TEST_PASSWORD);
    if (process.env.BENCH_PULL_PROFILE === '1') {
      console.log('Where the initial pull spends its time (each step alone) …');
      for (const result of await profileInitialPull(running, b.login, token)) report(result);
    }
    if (options.initialOnly) return;

    // 2. 100 cases changed centrally; the idle desk pulls them (its engine stopped: only pull + apply is timed).
    await b.core.central!.engine.stop();
    const service = new ServiceConnection({ url: running.url }, token);
    services.push(service);
    const random = new Random(2026);
    const pullSamples: number[] = [];
    for (let pass = 0; pass < PULL_ROUNDS; pass++) {
      const ids = new Set<number>();
      while (ids.size < Math.min(100, cases)) ids.add(1 + Math.floor(random.next() * cases));
      await admin.query('UPDATE cases SET free_text = $1 WHERE id = ANY($2::bigint[])', [`Benk, runde ${pass}`, [...ids]]);
      const start = performance.now();
      const pulled = await pullChanges(service, b.core.context);
      pullSamples.push(performance.now() - start);
      if (pulled.rows !== ids.size) throw new Error(`round ${pass}: pulled ${pulled.rows} rows, expected ${ids.size}`);
      b.core.context.casesChanged(pulled.changedCases === 'all' ? 'all' : [...pulled.changedCases]);
    }
    report({ name: 'sync.pull_100_changes_ms', value: round(percentile(pullSamples, 50)), unit: 'ms' }); // the median of the rounds
    report({ name: 'sync.pull_100_changes_p95_ms', value: round(percentile(pullSamples, 95)), unit: 'ms' });

    // 2b. The same desk pushes 100 notes on 100 cases from its outbox (made locally first, not timed).
    const pushSamples: number[] = [];
    const pending = b.core.database.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'");
    for (let pass = 0; pass < PUSH_ROUNDS; pass++) {
      const ids = new Set<number>();
      while (ids.size < Math.min(100, cases)) ids.add(1 + Math.floor(random.next() * cases));
      for (const caseId of ids) await ok(b.core.dispatch('case.addNote', { caseId, body: `Benk-push ${pass}: sak ${caseId}` }));
      const waiting = (pending.get() as { n: number }).n;
      if (waiting !== ids.size) throw new Error(`push round ${pass}: ${waiting} entries pending, expected ${ids.size}`);
      const start = performance.now();
      let applied = 0;
      while ((pending.get() as { n: number }).n > 0) {
        const pushed = await pushOutbox(service, b.core.context);
        if (pushed.refused.length > 0) throw new Error(`push round ${pass}: refused ${JSON.stringify(pushed.refused)}`);
        if (pushed.applied === 0) throw new Error(`push round ${pass}: nothing applied`);
        applied += pushed.applied;
      }
      pushSamples.push(performance.now() - start);
      // Applied means stored centrally (the desk's copies lose their pending mark at its next pull, not timed here).
      const stored = (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM notes WHERE body LIKE $1', [`Benk-push ${pass}: %`])).rows[0].n;
      if (applied !== ids.size || stored !== ids.size) throw new Error(`push round ${pass}: ${applied} applied, ${stored} notes stored centrally`);
    }
    report({ name: 'sync.push_100_mutations_ms', value: round(percentile(pushSamples, 50)), unit: 'ms' });
    report({ name: 'sync.push_100_mutations_p95_ms', value: round(percentile(pushSamples, 95)), unit: 'ms' });
    // What the pushes changed centrally, so that the desk starts the next part up to date.
    await pullChanges(service, b.core.context);

    // 3. The queue's filters and searches: PostgreSQL over loopback against the cache, interleaved in one run.
    console.log('Central search index for the queue comparison …');
    await createCentralSearchIndex(admin);
    const queueConnection = await connectCentral(db.urlFor(b.login));
    connections.push(queueConnection);
    const viewer = { userId: b.login, today: osloDate(new Date()) };
    const mix: QueueFilters[] = [
      ...FILTER_MIX.map((filters) => ({ ...DEFAULT_FILTERS, ...filters })),
      ...SEARCH_MIX.map((search) => ({ ...DEFAULT_FILTERS, statuses: [], search })),
    ];
    const local = (filters: QueueFilters) => {
      const input: QueueListInput = { filters, offset: 0, limit: 100 };
      return ok<{ total: number }>(b.core.dispatch('queue.list', input));
    };
    // The same answers on both sides, or the comparison means nothing. (Searches could differ a little where
    // FTS5's and PostgreSQL's tokenisers split a word differently; on the demo data they agree.)
    for (const filters of mix) {
      const [mine, theirs] = [await local(filters), await centralQueueList(queueConnection, filters, viewer)];
      if (mine.total === theirs.total) continue;
      const problem = `queue totals differ for ${JSON.stringify(filters)}: cache ${mine.total}, central ${theirs.total}`;
      if (!filters.search) throw new Error(problem);
      console.log(`  note: ${problem}`);
    }
    const samples = { local: [] as number[], central: [] as number[], localSearch: [] as number[], centralSearch: [] as number[] };
    for (let i = 0; i < QUEUE_RUNS; i++) {
      const filters = mix[i % mix.length];
      let start = performance.now();
      await local(filters);
      const localMs = performance.now() - start;
      start = performance.now();
      await centralQueueList(queueConnection, filters, viewer);
      const centralMs = performance.now() - start;
      samples.local.push(localMs);
      samples.central.push(centralMs);
      if (filters.search) {
        samples.localSearch.push(localMs);
        samples.centralSearch.push(centralMs);
      }
    }
    const centralP95 = percentile(samples.central, 95);
    const localP95 = percentile(samples.local, 95);
    report({ name: 'queue.central_p95_ms', value: round(centralP95), unit: 'ms' });
    report({ name: 'queue.local_p95_ms', value: round(localP95), unit: 'ms' });
    report({ name: 'queue.central_over_local_ratio', value: round(centralP95 / localP95, 1), unit: '×' });
    report({ name: 'queue.central_search_p95_ms', value: round(percentile(samples.centralSearch, 95)), unit: 'ms' });
    report({ name: 'queue.local_search_p95_ms', value: round(percentile(samples.localSearch, 95)), unit: 'ms' });

    // 4. Live: two clients with running engines; a note committed by A until its row is in B's cache.
    console.log('A second client, and live notes between the two …');
    const second = await initialPull(db, 'aksel', serviceProcess);
    clients.push(second.client);
    const a = second.client;
    report({ name: 'sync.initial_second_client_s', value: round(second.ms / 1000, 1), unit: 's' });
    await b.close();
    clients.splice(clients.indexOf(b), 1);
    const bRestarted = await startClient(db, 'bianca', 'case_handler', ENGINE, { login: b.login, directory: b.directory });
    clients.push(bRestarted);
    await idle(bRestarted);
    const seen = bRestarted.core.database.sqlite.prepare('SELECT 1 FROM notes WHERE case_id = ? AND body = ?');
    const liveSamples: number[] = [];
    for (let i = 0; i < LIVE_SAMPLES + 3; i++) {
      const caseId = 1 + Math.floor(random.next() * cases);
      const body = `Live-notat ${i} ${Date.now()}`;
      const start = performance.now();
      await ok(a.core.dispatch('case.addNote', { caseId, body }));
      const until = start + 10_000;
      while (!seen.get(caseId, body)) {
        if (performance.now() > until) throw new Error(`note ${i} did not reach the other client within 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      if (i >= 3) liveSamples.push(performance.now() - start); // the first few warm the statements up
      await Promise.all([idle(a), idle(bRestarted)]);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    report({ name: 'sync.live_latency_p50_ms', value: round(percentile(liveSamples, 50)), unit: 'ms' });
    report({ name: 'sync.live_latency_p95_ms', value: round(percentile(liveSamples, 95)), unit: 'ms' });

    // 5. Many desks pushing at once: the desks of this process closed first, so that the service has the CPU.
    for (const client of clients.splice(0)) {
      await client.close().catch(() => undefined);
      removeClientFiles(client);
    }
    console.log(`${PUSH_DESKS} desks pushing at once for ${PUSH_SECONDS} s …`);
    const pushed = await benchServicePush(db, running.url, { desks: PUSH_DESKS, seconds: PUSH_SECONDS, batch: PUSH_BATCH, cases });
    for (const result of pushed) report(result);
  } finally {
    for (const connection of connections) await connection.end().catch(() => undefined);
    for (const service of services) service.close();
    await admin?.end().catch(() => undefined);
    for (const client of clients) {
      await client.close().catch(() => undefined);
      removeClientFiles(client);
    }
    await serviceProcess?.stop();
    await closeServices(db);
    await db.drop();
  }
}
