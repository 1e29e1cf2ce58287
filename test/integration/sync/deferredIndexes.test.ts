// A pull into an empty cache drops the secondary indexes of `cases` and its search triggers, and builds them once
// at the end (core/sync/deferredIndexes.ts). Afterwards the cache must be indistinguishable from one
// filled with everything in place: the same schema, the same search index; a crash in between must end the same
// way after a restart; an incremental pull must never drop anything.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openLocalDatabase, readMeta } from '../../../core/db/openLocalDatabase';
import { connectCentral } from '../../../core/sync/centralConnection';
import { DEFERRED_SCHEMA_KEY } from '../../../core/sync/deferredIndexes';
import { storeCaseDetail } from '../../../core/sync/caseDetailStore';
import { pullChanges } from '../../../core/sync/pullChanges';
import { NO_QUEUE_FILTERS, type QueueFilters, type QueueListInput } from '../../../shared/contract';
import { MIGRATIONS_FOLDER } from '../../../harness/harnessCore';
import { useCentralDatabase } from '../../support/centralDatabase';
import { differencesFromCentral, startClient, unreachableUrl, type Client } from '../../support/syncClients';
import { serviceFor } from '../../support/serviceInstances';
import { TEST_PASSWORD } from '../../support/postgres';
import { signIn } from '../../../core/service/serviceAuth';
import { ServiceConnection } from '../../../core/service/serviceConnection';
import { ok } from '../../support/apiResult';

let scratch: string;
const central = useCentralDatabase('sync_deferred_indexes', {
  seedCases: 60,
  async setup() {
    scratch = mkdtempSync(path.join(tmpdir(), 'deferred-indexes-'));
  },
});
const { clients } = central;

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});


type Schema = { type: string; name: string; tbl_name: string; sql: string | null }[];

const schemaOf = (sqlite: Database.Database): Schema =>
  sqlite
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger', 'table') ORDER BY type, name")
    .all() as Schema;

/** What a freshly migrated cache holds. */
function migratedSchema(): Schema {
  const file = path.join(scratch, `fresh-${Math.random().toString(36).slice(2)}.sqlite`);
  const fresh = openLocalDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER, enforceForeignKeys: false });
  try {
    return schemaOf(fresh.sqlite);
  } finally {
    fresh.close();
  }
}

const searchContent = (sqlite: Database.Database) => sqlite.prepare('SELECT rowid, * FROM case_search ORDER BY rowid').all();

/**
 * The search index the triggers produce for the cache's rows: a freshly migrated database (triggers in place) into
 * which the cache's names and then its cases are inserted, each insert firing cases_search_after_insert.
 */
function searchIndexByTriggers(cache: Database.Database): unknown[] {
  const file = path.join(scratch, `triggers-${Math.random().toString(36).slice(2)}.sqlite`);
  const reference = openLocalDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER, enforceForeignKeys: false });
  try {
    reference.sqlite.prepare('ATTACH DATABASE ? AS cache').run(cache.name);
    reference.sqlite.transaction(() => {
      for (const table of ['municipalities', 'installers', 'users']) reference.sqlite.exec(`INSERT INTO main.${table} SELECT * FROM cache.${table}`);
      const insert = reference.sqlite.prepare('INSERT INTO main.cases SELECT * FROM cache.cases WHERE id = ?');
      for (const id of reference.sqlite.prepare('SELECT id FROM cache.cases ORDER BY id').pluck().all()) insert.run(id);
    })();
    return searchContent(reference.sqlite);
  } finally {
    reference.close();
  }
}

const ALL: QueueFilters = NO_QUEUE_FILTERS;

async function queueTotal(client: Client, filters: Partial<QueueFilters>): Promise<number> {
  const input: QueueListInput = { filters: { ...ALL, ...filters }, offset: 0, limit: 50 };
  return ok<{ total: number }>(await client.core.dispatch('queue.list', input)).total;
}

/** The cache holds what a migrated database holds, nothing is left deferred, and the search index is the triggers'. */
function expectRestored(client: Client, fresh: Schema): void {
  const sqlite = client.core.database.sqlite;
  expect(readMeta(sqlite, DEFERRED_SCHEMA_KEY)).toBeNull();
  expect(schemaOf(sqlite)).toEqual(fresh);
  const content = searchContent(sqlite);
  expect(content.length).toBe((sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n);
  expect(content).toEqual(searchIndexByTriggers(sqlite));
}

describe('indexes deferred during a pull into an empty cache', () => {
  it('are all back after the initial pull, with the search index the triggers would have built', async () => {
    const fresh = migratedSchema();
    const deferredSeen: Array<string | null> = [];
    const indexesSeen: string[][] = [];
    let anne: Client | undefined;
    // eslint-disable-next-line prefer-const -- afterPage reads it while startClient runs; a const would still be in its temporal dead zone then.
    anne = await startClient(central.db, 'anne', 'case_handler', {
      pull: {
        // Pages small enough that the history (a case handler's first download brings only open cases') still
        // comes in more pages than `cases` has indexes to bring back one a page.
        pageSize: 10,
        afterPage: () => {
          if (!anne) return;
          const { sqlite } = anne.core.database;
          deferredSeen.push(readMeta(sqlite, DEFERRED_SCHEMA_KEY));
          indexesSeen.push(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[]);
        },
      },
    });
    clients.push(anne);
    await anne.core.central!.engine.whenIdle();

    // While the pull ran, the indexes were away (and recorded); afterwards everything is as migrated.
    const during = deferredSeen.filter((value): value is string => Boolean(value));
    expect(during.length).toBeGreaterThan(5);
    const recorded = JSON.parse(during[0]) as { type: string; name: string }[];
    expect(recorded.map((object) => object.name).sort()).toEqual([
      'case_events_case',
      'cases_due', 'cases_fetch_next', 'cases_in_work_municipality', 'cases_in_work_status', 'cases_in_work_type',
      'cases_installer', 'cases_open_assignee_due', 'cases_search_after_delete', 'cases_search_after_insert',
      'cases_search_after_update', 'cases_submitted',
      'overview_case_deleted', 'overview_case_inserted', 'overview_case_updated',
      'overview_event_deleted', 'overview_event_inserted', 'overview_event_updated',
    ]);
    // The indexes of `cases` came back one a page once the cases were in, while the history still came: the record
    // then listed none of them, and each was in the schema.
    const casesIndexes = recorded.filter((object) => object.type === 'index' && object.name.startsWith('cases_')).map((object) => object.name);
    const early = deferredSeen.findIndex((value) => value !== null && !(JSON.parse(value) as { name: string }[]).some((o) => casesIndexes.includes(o.name)));
    expect(early).toBeGreaterThan(0);
    expect(JSON.parse(deferredSeen[early]!) as unknown[]).not.toEqual([]);
    expect(indexesSeen[early]).toEqual(expect.arrayContaining(casesIndexes));
    expectRestored(anne, fresh);
    // The overview's triggers were away during the load, and a case handler's desk never works the overview out:
    // no case is noted for it (a supervisor's desk notes every case, below).
    expect(anne.core.database.sqlite.prepare('SELECT count(*) FROM overview_dirty_cases').pluck().get()).toBe(0);
    expect(await differencesFromCentral(anne.core, central.db.adminUrl)).toEqual([]);

    // Search finds cases by case number, owner and installer.
    const sqlite = anne.core.database.sqlite;
    const sample = sqlite
      .prepare('SELECT c.case_number, c.owner_name, i.name AS installer FROM cases c JOIN installers i ON i.id = c.installer_id WHERE c.id = 17')
      .get() as { case_number: string; owner_name: string; installer: string };
    expect(await queueTotal(anne, { search: sample.case_number })).toBe(1);
    const owner = sample.owner_name.split(' ').at(-1)!;
    const byOwner = sqlite.prepare("SELECT count(*) AS n FROM cases WHERE owner_name LIKE '%' || ? || '%'").get(owner) as { n: number };
    expect(await queueTotal(anne, { search: owner })).toBeGreaterThanOrEqual(1);
    expect(await queueTotal(anne, { search: owner })).toBeLessThanOrEqual(60);
    expect(byOwner.n).toBeGreaterThanOrEqual(1);
  });

  it("leave every case noted for the overview to count again on a supervisor's desk, which works the overview out", async () => {
    const fresh = migratedSchema();
    const siri = await startClient(central.db, 'siri', 'supervisor');
    clients.push(siri);
    await siri.core.central!.engine.whenIdle();
    expectRestored(siri, fresh);
    const sqlite = siri.core.database.sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBeGreaterThanOrEqual(60);
    // Noted, or already counted by the overview's catch-up, which runs on this desk.
    expect(sqlite.prepare(
      `SELECT count(*) FROM cases WHERE id NOT IN (SELECT case_id FROM overview_dirty_cases)
         AND id NOT IN (SELECT case_id FROM overview_case_facts)`,
    ).pluck().get()).toBe(0);
    expect(await differencesFromCentral(siri.core, central.db.adminUrl)).toEqual([]);
  });

  it('are all back when the initial pull crashed midway and the app started again, with the cache equal to central', async () => {
    const fresh = migratedSchema();
    const login = await central.db.createLogin('bo', 'case_handler');
    const directory = mkdtempSync(path.join(tmpdir(), 'desk-client-bo-'));
    let crashed = false;
    let seenWhileCrashing: string | null = null;
    let bo: Client | undefined;
    // Crashes once the cases are in, while the case events come: from then on, every page "crashes".
    // eslint-disable-next-line prefer-const -- afterPage reads it while startClient runs; a const would still be in its temporal dead zone then.
    bo = await startClient(
      central.db,
      'bo',
      'case_handler',
      {
        pull: {
          pageSize: 40,
          afterPage: (table) => {
            if (table === 'case_events' && bo) {
              if (!crashed) seenWhileCrashing = readMeta(bo.core.database.sqlite, DEFERRED_SCHEMA_KEY);
              crashed = true;
            }
            if (crashed) throw new Error('Connection terminated (simulated crash between pages)');
          },
        },
      },
      { login, directory },
    );
    clients.push(bo);
    const until = Date.now() + 20_000;
    while (!crashed && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(crashed).toBe(true);
    await bo.close();
    expect(seenWhileCrashing).toBeTruthy();

    // Started again without a connection: the cache is mid-pull, its indexes away; the app still works, slower.
    const offline = await startClient(central.db, 'bo', 'case_handler', {}, { login, directory, url: unreachableUrl });
    clients.push(offline);
    const sqlite = offline.core.database.sqlite;
    // What the record still lists is away; what it no longer lists (restored between pages) is there.
    const record = JSON.parse(readMeta(sqlite, DEFERRED_SCHEMA_KEY) ?? '[]') as { type: string; name: string }[];
    const stillAway = record.filter((object) => object.type === 'index').map((object) => object.name);
    expect(stillAway.length).toBeGreaterThan(0);
    const indexes = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[];
    expect(indexes.filter((name) => stillAway.includes(name))).toEqual([]);
    const recordedFirst = (JSON.parse(seenWhileCrashing!) as { type: string; name: string }[]).filter((o) => o.type === 'index').map((o) => o.name);
    expect(indexes).toEqual(expect.arrayContaining(recordedFirst.filter((name) => !stillAway.includes(name))));
    expect(await queueTotal(offline, { statuses: ['new'] })).toBeGreaterThanOrEqual(0);
    expect(await queueTotal(offline, { municipalities: ['4204'], overdueOnly: true })).toBeGreaterThanOrEqual(0);
    ok(await offline.core.dispatch('queue.list', { filters: { ...ALL, search: 'Oslo' }, offset: 0, limit: 50 }));
    ok(await offline.core.dispatch('case.get', { caseId: 5 }));
    const body = 'Skrevet mens indeksene var borte.';
    ok(await offline.core.dispatch('case.addNote', { caseId: 5, body }));
    await offline.close();

    // Started again online: the pull resumes, ends, restores; the pending note is shipped.
    const again = await startClient(central.db, 'bo', 'case_handler', {}, { login, directory });
    clients.push(again);
    await again.core.central!.engine.whenIdle();
    expectRestored(again, fresh);
    expect(await differencesFromCentral(again.core, central.db.adminUrl)).toEqual([]);
    const notes = again.core.database.sqlite.prepare('SELECT count(*) AS n FROM notes WHERE body = ?').get(body) as { n: number };
    expect(notes.n).toBe(1);
    const sample = again.core.database.sqlite.prepare('SELECT case_number FROM cases WHERE id = 33').get() as { case_number: string };
    expect(await queueTotal(again, { search: sample.case_number })).toBe(1);
  });

  it('are never dropped by an incremental pull', async () => {
    const carl = await startClient(central.db, 'carl', 'case_handler');
    clients.push(carl);
    await carl.core.central!.engine.whenIdle();
    await carl.core.central!.engine.stop();
    const sqlite = carl.core.database.sqlite;
    const before = schemaOf(sqlite);

    const admin = await connectCentral(central.db.adminUrl);
    const { url } = await serviceFor(central.db);
    const { token } = await signIn({ url }, carl.login, TEST_PASSWORD);
    const connection = new ServiceConnection({ url }, token);
    try {
      await admin.query("UPDATE cases SET owner_name = 'Zyxwvu Inkrementell', free_text = 'endret' WHERE id IN (3, 4, 5)");
      await admin.query("UPDATE installers SET name = name || ' Omdøpt' WHERE id = (SELECT installer_id FROM cases WHERE id = 9)");
      const seen: Schema[] = [];
      const pulled = await pullChanges(connection, carl.core.context, {
        pageSize: 2,
        afterPage: () => {
          expect(readMeta(sqlite, DEFERRED_SCHEMA_KEY)).toBeNull();
          seen.push(schemaOf(sqlite));
        },
      });
      expect(pulled.rows).toBeGreaterThanOrEqual(4);
      expect(seen.length).toBeGreaterThan(1);
      for (const schema of seen) expect(schema).toEqual(before);
      expect(schemaOf(sqlite)).toEqual(before);
      // The triggers kept the search index current.
      expect(sqlite.prepare("SELECT rowid FROM case_search WHERE case_search MATCH 'Zyxwvu' ORDER BY rowid").pluck().all()).toEqual([3, 4, 5]);
      expect(searchContent(sqlite)).toEqual(searchIndexByTriggers(sqlite));
      // The closed cases the first download left out, fetched as opening them would, for the comparison.
      for (const caseId of sqlite.prepare('SELECT case_id FROM case_detail_on_server').pluck().all() as number[]) {
        expect(storeCaseDetail(carl.core.context, caseId, await connection.caseDetail(caseId))).toBe(true);
      }
      expect(await differencesFromCentral(carl.core, central.db.adminUrl)).toEqual([]);
    } finally {
      connection.close();
      await admin.end();
    }
  });
});
