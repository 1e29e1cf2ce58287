// Sync tests: a central database seeded with the demo generator, and desktop clients (real cores with their
// own cache files) connected to it as different people.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { AttachmentStore } from '../../core/attachments/attachmentStore';
import { createCore, type Core } from '../../core/createCore';
import { openLocalDatabase } from '../../core/db/openLocalDatabase';
import { seedDatabase } from '../../core/demo/seedDatabase';
import { connectCentral } from '../../core/sync/centralConnection';
import { localValue } from '../../core/sync/applyRows';
import { SYNCED_TABLES } from '../../core/sync/syncedTables';
import type { SyncEngineOptions } from '../../core/sync/syncEngine';
import { copyLocalDatabase } from '../../service/seed/copyLocalDatabase';
import { pulledColumn } from '../../service/sync/pullPage';
import type { GroupRole } from '../../service/accounts/logins';
import { ChromiumPdfRenderer } from '../../harness/chromiumPdfRenderer';
import { MIGRATIONS_FOLDER } from '../../harness/harnessCore';
import { TEST_PASSWORD, type TestDatabase } from './postgres';
import { serviceFor, type RunningService } from './serviceInstances';
import { signIn } from '../../core/service/serviceAuth';

/** Fills the central database with `cases` demo cases (the same generator as standalone mode). */
export async function seedCentral(db: TestDatabase, cases: number, seed = 7): Promise<void> {
  const directory = mkdtempSync(path.join(tmpdir(), 'desk-central-seed-'));
  try {
    const local = openLocalDatabase({ file: path.join(directory, 'seed.sqlite'), migrationsFolder: MIGRATIONS_FOLDER });
    const store = new AttachmentStore(path.join(directory, 'attachments'));
    seedDatabase(local.sqlite, { cases, seed, today: '2026-11-27', attachmentStore: store });
    const admin = await connectCentral(db.adminUrl);
    try {
      await copyLocalDatabase(admin, local.sqlite, store);
    } finally {
      await admin.end();
      local.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export interface Client {
  core: Core;
  login: string;
  directory: string;
  close(): Promise<void>;
}

export interface ExistingClient {
  login: string;
  directory: string;
  /** Maps the service's URL to the one the desk is given (a proxy in between, or an address nobody answers). */
  url?: (url: string) => string;
  password?: string;
  /** The service to use (another than the database's shared one: an instance here, or one in its own process). */
  service?: Pick<RunningService, 'url'>;
}

/** An address where nothing answers, for a desk that is offline from the start. */
export const unreachableUrl = (url: string) => {
  const parsed = new URL(url);
  parsed.port = '1';
  return parsed.toString().replace(/\/$/, '');
};

/**
 * A desk (a real core with its own cache file) signed in to the central service as a new account `name` in `group`
 * (or an existing one), through the database's shared service instance unless another is given.
 */
export async function startClient(
  db: TestDatabase,
  name: string,
  group: GroupRole,
  engine: Partial<Omit<SyncEngineOptions, 'service' | 'token' | 'onCasesChanged'>> = {},
  existing?: ExistingClient,
): Promise<Client> {
  const login = existing?.login ?? (await db.createLogin(name, group));
  const directory = existing?.directory ?? mkdtempSync(path.join(tmpdir(), `desk-client-${name}-`));
  const running = existing?.service ?? (await serviceFor(db));
  // Signed in at the service itself: the URL the desk is then given may lead nowhere (offline tests).
  const { token } = await signIn({ url: running.url }, login, existing?.password ?? TEST_PASSWORD);
  // Chromium starts only when a test issues a letter.
  const pdfRenderer = new ChromiumPdfRenderer();
  const core = createCore({
    pdfRenderer,
    databaseFile: path.join(directory, 'cache.sqlite'),
    migrationsFolder: MIGRATIONS_FOLDER,
    attachmentsDirectory: path.join(directory, 'attachments'),
    host: { openFile: async () => {} },
    central: {
      service: { url: (existing?.url ?? ((url: string) => url))(running.url) },
      token,
      userId: login,
      engine: { pollIntervalMs: 2_000, backoff: { initialMs: 50, maxMs: 400 }, stallMs: 5_000, callTimeoutMs: 10_000, ...engine },
    },
  });
  return {
    core,
    login,
    directory,
    async close() {
      await core.close();
      await pdfRenderer.close();
    },
  };
}

export const removeClientFiles = (client: Client) => rmSync(client.directory, { recursive: true, force: true });

/** Waits until a condition on the client holds (a pull is asynchronous), or fails after `ms`. */
type Checked<T> = T | undefined | false | null;

/** Polls `check` (awaited, so an async check really waits) until it gives a truthy value, or fails after `ms`. */
export async function eventually<T>(check: () => Checked<T> | Promise<Checked<T>>, ms = 5_000, what = 'condition'): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const normalise = (value: unknown): unknown => {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && (value.startsWith('[') || value.startsWith('{'))) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value ?? null;
};

/** Every synced table of the cache against the central database; returns the tables that differ. */
export async function differencesFromCentral(core: Core, adminUrl: string): Promise<string[]> {
  // Closed cases whose detail the first download left out are opened first, as a case handler would: their detail
  // then comes from the service, and must equal the central database's as everything else does.
  const marked = () => core.database.sqlite.prepare('SELECT case_id FROM case_detail_on_server').pluck().all() as number[];
  for (const caseId of marked()) {
    const opened = await core.dispatch('case.get', { caseId });
    if (!opened.ok) throw new Error(`case ${caseId} did not open: ${JSON.stringify(opened.error)}`);
  }
  await eventually(() => marked().length === 0, 10_000, "the closed cases' detail from the service (is the desk's engine running and online?)");
  const central: pg.Client = await connectCentral(adminUrl);
  const differing: string[] = [];
  try {
    for (const table of SYNCED_TABLES) {
      const columns = table.columns.filter((c) => c !== 'version');
      const order = table.key.join(', ');
      const where = table.tombstones ? 'WHERE NOT deleted' : '';
      // As the pull sends them (an offer's calculation as its figures as issued: pullPage's PULLED_AS).
      const pulled = columns.map((c) => pulledColumn(table, c)).join(', ');
      // In the form the cache keeps them (an offer's lines: applyRows.ts LOCAL_FORMS).
      const remote = (await central.query(`SELECT ${pulled} FROM ${table.central} ${where} ORDER BY ${order}`)).rows
        .map((row: Record<string, unknown>) => Object.fromEntries(columns.map((c) => [c, localValue(table.local, c, row[c])])));
      const local = core.database.sqlite.prepare(`SELECT ${columns.join(', ')} FROM ${table.local} ORDER BY ${order}`).all() as Record<
        string,
        unknown
      >[];
      // Sorted here, not by each database: PostgreSQL's collation and SQLite's binary order differ for text keys.
      const asText = (rows: Record<string, unknown>[]) =>
        JSON.stringify(rows.map((row) => JSON.stringify(columns.map((c) => normalise(row[c])))).sort());
      if (asText(remote) !== asText(local)) {
        const byKey = (rows: Record<string, unknown>[]) =>
          new Map(rows.map((row) => [table.key.map((k) => String(row[k])).join('/'), row]));
        const localByKey = byKey(local);
        const remoteByKey = byKey(remote);
        let first = '';
        for (const [key, row] of remoteByKey) {
          const mine = localByKey.get(key);
          const column = columns.find((c) => JSON.stringify(normalise(row[c])) !== JSON.stringify(normalise(mine?.[c])));
          if (column) {
            first = `${key}.${column}: central ${JSON.stringify(row[column])}, cache ${JSON.stringify(mine?.[column])}`;
            break;
          }
        }
        // A row only the cache has (an optimistic one never rebased, say), whole.
        const onlyHere = [...localByKey].find(([key]) => !remoteByKey.has(key));
        if (onlyHere) first += `${first ? '; ' : ''}only in the cache: ${JSON.stringify(onlyHere[1])}`;
        differing.push(`${table.local} (central ${remote.length}, cache ${local.length}) ${first}`);
      }
    }
  } finally {
    await central.end();
  }
  return differing;
}
