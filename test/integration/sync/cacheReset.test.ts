// The cache is disposable: when the central schema changes, a client drops its synced rows and downloads them
// again (showing progress), keeps its outbox, and ships what was still pending — exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLocalDatabase, readMeta, writeMeta } from '../../../core/db/openLocalDatabase';
import { toFtsQuery } from '../../../core/queue/searchQuery';
import { resetCacheIfSchemaChanged } from '../../../core/sync/cacheReset';
import { connectCentral } from '../../../core/sync/centralConnection';
import { SYNCED_TABLES } from '../../../core/sync/syncedTables';
import { MIGRATIONS_FOLDER } from '../../../harness/harnessCore';
import { useCentralDatabase } from '../../support/centralDatabase';
import { differencesFromCentral, startClient, unreachableUrl, type Client } from '../../support/syncClients';
import { ok } from '../../support/apiResult';

const central = useCentralDatabase('sync_cache_reset', { seedCases: 40 });
const { clients } = central;


async function asAdmin<T>(work: (admin: Awaited<ReturnType<typeof connectCentral>>) => Promise<T>): Promise<T> {
  const admin = await connectCentral(central.db.adminUrl);
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** As a new central migration would: one more row in drizzle's bookkeeping, applied after the others. */
const applyExtraMigration = () =>
  asAdmin((admin) =>
    admin.query(
      `INSERT INTO drizzle.__drizzle_migrations (hash, created_at)
       SELECT 'cache-reset-test-' || count(*), max(created_at) + 1 FROM drizzle.__drizzle_migrations`,
    ),
  );

/**
 * The identity the service sends a case handler with each pull answer (`schema`): migrations applied and the last
 * one's time, and the shape of a case handler's first download.
 */
const identityNow = () =>
  asAdmin(async (admin) => {
    const { rows } = await admin.query<{ migrations: number; last_applied: number }>('SELECT migrations, last_applied FROM desk_schema_version');
    return `${rows[0].migrations}:${rows[0].last_applied}/casework`;
  });

/** What a pull from scratch downloads: every row of every synced table. */
const centralRowCount = () =>
  asAdmin(async (admin) => {
    const parts = SYNCED_TABLES.map((table) => `(SELECT count(*) FROM ${table.central})`);
    return Number((await admin.query<{ n: number }>(`SELECT ${parts.join(' + ')} AS n`)).rows[0].n);
  });

interface PageSeen {
  table: string;
  state: string;
  done: number;
  total: number;
  progressMeta: string | null;
}

/** A client on an existing cache directory that records what its engine reports after every pulled page. */
async function restart(previous: Client, url?: (url: string) => string): Promise<{ client: Client; pages: PageSeen[] }> {
  const pages: PageSeen[] = [];
  let client: Client | undefined;
  // eslint-disable-next-line prefer-const -- afterPage reads it while startClient runs; a const would still be in its temporal dead zone then.
  client = await startClient(
    central.db,
    'anne',
    'case_handler',
    {
      pull: {
        pageSize: 50,
        afterPage: (table) => {
          if (!client) return;
          const status = client.core.central!.engine.status();
          pages.push({
            table,
            state: status.state,
            done: status.state === 'syncing' ? status.done : -1,
            total: status.state === 'syncing' ? status.total : -1,
            progressMeta: readMeta(client.core.database.sqlite, 'sync.progress'),
          });
        },
      },
    },
    { login: previous.login, directory: previous.directory, url },
  );
  clients.push(client);
  return { client, pages };
}

describe('the disposable cache', () => {
  it('drops and downloads everything again when the central schema changed, and replays the pending change once', async () => {
    const first = await startClient(central.db, 'anne', 'case_handler');
    clients.push(first);
    await first.core.central!.engine.whenIdle();
    expect(readMeta(first.core.database.sqlite, 'central.schema')).toBe(await identityNow());
    await first.close();

    // Offline (nothing answers at the desk's service address): a note waits in the outbox.
    const { client: offline } = await restart(first, unreachableUrl);
    const body = 'Skrevet før skjemaendringen.';
    ok(await offline.core.dispatch('case.addNote', { caseId: 7, body }));
    expect(offline.core.central!.engine.pendingCount()).toBe(1);
    // Rows a reset must throw away: a synced row changed behind the engine's back, and one central never had.
    const sqlite = offline.core.database.sqlite;
    sqlite.prepare("UPDATE cases SET free_text = 'stale local copy' WHERE id = 3").run();
    sqlite.prepare("INSERT INTO municipalities (number, name) VALUES ('9999', 'Ikke sentralt')").run();
    await offline.close();

    await applyExtraMigration();
    const newIdentity = await identityNow();
    const total = await centralRowCount();
    const { client: anne, pages } = await restart(first);
    await anne.core.central!.engine.whenIdle();

    // Everything came again, in pages, with progress reported against the whole download: every row but the closed
    // cases' detail a first download leaves out (service/sync/closedCaseDetail.ts).
    const whole = Math.max(...pages.map((page) => page.total));
    expect(whole).toBeLessThan(total);
    expect(whole).toBeGreaterThan(total / 4);
    const downloaded = pages.filter((page) => page.state === 'syncing' && page.total === whole);
    expect(downloaded.length).toBeGreaterThan(10);
    expect(downloaded.map((page) => page.done)).toEqual([...downloaded.map((page) => page.done)].sort((a, b) => a - b));
    expect(downloaded.at(-1)!.done).toBe(whole);
    expect(downloaded[0].progressMeta).toMatch(/"target":\d+/);
    expect(readMeta(anne.core.database.sqlite, 'sync.progress')).toBe('');
    expect(readMeta(anne.core.database.sqlite, 'central.schema')).toBe(newIdentity);

    // The outbox survived the reset and was shipped: the note exists once, centrally and in the cache.
    const local = anne.core.database.sqlite;
    expect(local.prepare("SELECT state FROM outbox WHERE mutation = 'case.addNote'").all()).toEqual([{ state: 'applied' }]);
    expect(local.prepare('SELECT case_id, pending_seq FROM notes WHERE body = ?').all(body)).toEqual([{ case_id: 7, pending_seq: null }]);
    expect(await asAdmin(async (admin) => (await admin.query('SELECT case_id FROM notes WHERE body = $1', [body])).rows)).toEqual([
      { case_id: 7 },
    ]);
    expect(local.prepare('SELECT free_text FROM cases WHERE id = 3').get()).not.toEqual({ free_text: 'stale local copy' });
    expect(local.prepare("SELECT count(*) AS n FROM municipalities WHERE number = '9999'").get()).toEqual({ n: 0 });
    expect(await differencesFromCentral(anne.core, central.db.adminUrl)).toEqual([]);
    // The search index was filled again with the rows: one entry per case, and a case is found by its number.
    const { case_number } = local.prepare('SELECT case_number FROM cases WHERE id = 7').get() as { case_number: string };
    expect(local.prepare('SELECT count(*) AS n FROM case_search').get()).toEqual(local.prepare('SELECT count(*) AS n FROM cases').get());
    const found = local.prepare('SELECT rowid FROM case_search WHERE case_search MATCH ?').all(toFtsQuery(case_number));
    expect(found).toContainEqual({ rowid: 7 });
    await anne.close();
  });

  it('keeps the cache when the central schema is unchanged', async () => {
    const bjorn = await startClient(central.db, 'bjorn', 'case_handler');
    clients.push(bjorn);
    await bjorn.core.central!.engine.whenIdle();
    const cursor = readMeta(bjorn.core.database.sqlite, 'sync.cursor');
    // A local oddity that only a reset would wipe (no central change touches this case).
    bjorn.core.database.sqlite.prepare("UPDATE cases SET free_text = 'only here' WHERE id = 11").run();
    await bjorn.close();

    const { client: again, pages } = await restart(bjorn);
    await again.core.central!.engine.whenIdle();
    expect(pages).toEqual([]);
    expect(readMeta(again.core.database.sqlite, 'sync.cursor')).toBe(cursor);
    expect(again.core.database.sqlite.prepare('SELECT free_text FROM cases WHERE id = 11').get()).toEqual({ free_text: 'only here' });
  });
});

describe('resetCacheIfSchemaChanged', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'desk-cache-reset-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const cacheWithRows = (name: string) => {
    const local = openLocalDatabase({ file: path.join(directory, `${name}.sqlite`), migrationsFolder: MIGRATIONS_FOLDER });
    local.sqlite.prepare("INSERT INTO municipalities (number, name) VALUES ('0301', 'Oslo')").run();
    local.sqlite.prepare("INSERT INTO outbox (seq, client_id, mutation, args, actor_id, created_at, state) VALUES (1, 'me', 'case.addNote', '{}', 'u', '2026-01-01', 'pending')").run();
    writeMeta(local.sqlite, 'sync.cursor', '42');
    return local;
  };
  const count = (local: ReturnType<typeof cacheWithRows>, table: string) =>
    (local.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('keeps everything when the identity is the one recorded', () => {
    const local = cacheWithRows('same');
    writeMeta(local.sqlite, 'central.schema', '6:100');
    expect(resetCacheIfSchemaChanged(local.sqlite, '6:100')).toBe(false);
    expect(count(local, 'municipalities')).toBe(1);
    expect(readMeta(local.sqlite, 'sync.cursor')).toBe('42');
    local.close();
  });

  it('empties the synced tables, never the outbox, when the identity differs', () => {
    const local = cacheWithRows('changed');
    writeMeta(local.sqlite, 'central.schema', '6:100');
    expect(resetCacheIfSchemaChanged(local.sqlite, '7:200')).toBe(true);
    expect(count(local, 'municipalities')).toBe(0);
    expect(count(local, 'outbox')).toBe(1);
    expect(readMeta(local.sqlite, 'sync.cursor')).toBe('0');
    expect(readMeta(local.sqlite, 'central.schema')).toBe('7:200');
    local.close();
  });

  it('empties a filled cache that recorded no identity (filled by a version that did not record one)', () => {
    const local = cacheWithRows('unrecorded');
    expect(resetCacheIfSchemaChanged(local.sqlite, '7:200')).toBe(true);
    expect(count(local, 'municipalities')).toBe(0);
    expect(readMeta(local.sqlite, 'sync.cursor')).toBe('0');
    local.close();
  });

  it('only records the identity on an empty cache', () => {
    const local = openLocalDatabase({ file: path.join(directory, 'empty.sqlite'), migrationsFolder: MIGRATIONS_FOLDER });
    expect(resetCacheIfSchemaChanged(local.sqlite, '7:200')).toBe(false);
    expect(readMeta(local.sqlite, 'central.schema')).toBe('7:200');
    local.close();
  });
});
