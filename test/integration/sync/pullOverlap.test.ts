// A pull asks for the next page before it writes the one it has, and the request must have left before the write
// (synchronous SQLite) holds the thread: otherwise the service hears of it only afterwards and the two ends never
// work at once (core/sync/pullChanges.ts). The count of what the whole pull brings (the progress's total) is asked
// for beside the pages, never ahead of the first. A pull cut off between pages resumes where it stopped, and ends
// even when nothing of it is left to bring; one whose resume token the service refuses starts again from its cursor.
// Through the real service over HTTP, into a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { CoreContext } from '../../../core/context';
import { openLocalDatabase } from '../../../core/db/openLocalDatabase';
import { signIn } from '../../../core/service/serviceAuth';
import { ServiceConnection } from '../../../core/service/serviceConnection';
import { pullChanges } from '../../../core/sync/pullChanges';
import { readSyncState, writeSyncState } from '../../../core/sync/syncState';
import { MIGRATIONS_FOLDER } from '../../../harness/harnessCore';
import { useCentralDatabase } from '../../support/centralDatabase';
import { TEST_PASSWORD } from '../../support/postgres';
import { serviceFor } from '../../support/serviceInstances';

/** What a pull reads of the core: the cache, and whose desk it is (a case handler's). */
const cacheContext = (sqlite: Database.Database) => ({ sqlite, currentUser: () => ({ role: 'case_handler' }) }) as unknown as CoreContext;

const central = useCentralDatabase('sync_pull_overlap', { seedCases: 30 });
const directory = mkdtempSync(path.join(tmpdir(), 'pull-overlap-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface Desk {
  service: ServiceConnection;
  cache: ReturnType<typeof openLocalDatabase>;
  /** The cache as a pull reads it. */
  context: CoreContext;
}

/** A new case handler signed in to a real service instance, with an empty cache file of their own, for `body`. */
async function withDesk(name: string, body: (desk: Desk) => Promise<void>): Promise<void> {
  const login = await central.db.createLogin(name, 'case_handler');
  const { url } = await serviceFor(central.db);
  const { token } = await signIn({ url }, login, TEST_PASSWORD);
  const cache = openLocalDatabase({ file: path.join(directory, `${name}.sqlite`), migrationsFolder: MIGRATIONS_FOLDER, enforceForeignKeys: false });
  const service = new ServiceConnection({ url }, token);
  try {
    await body({ service, cache, context: cacheContext(cache.sqlite) });
  } finally {
    service.close();
    cache.close();
  }
}

/** Changes the cases centrally (a new version each, nothing else); the clock's version after it. */
async function touchCases(ids: number[]): Promise<number> {
  await central.admin.query('UPDATE cases SET main_fuse_a = main_fuse_a WHERE id = ANY($1)', [ids]);
  return Number((await central.admin.query<{ version: string }>('SELECT version FROM sync_clock')).rows[0].version);
}

/** The cases' versions in the central database, as the cache keeps them. */
async function centralVersions(ids: number[]): Promise<Array<{ id: number; version: number }>> {
  const { rows } = await central.admin.query<{ id: string; version: string }>('SELECT id, version FROM cases WHERE id = ANY($1) ORDER BY id', [ids]);
  return rows.map((row) => ({ id: Number(row.id), version: Number(row.version) }));
}

/** The same in the cache. */
const cachedVersions = (cache: Database.Database, ids: number[]) =>
  cache.prepare('SELECT id, version FROM cases WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(ids));

describe('a pull in pages', () => {
  it('sends the request for the next page before it writes the page it has', async () => {
    await withDesk('olga', async ({ service, context }) => {
      // What happened, in order: a request on the wire (by the real HTTP client's own signal), a page committed.
      const log: string[] = [];
      let asked = 0;
      const watched = Object.create(service) as ServiceConnection;
      watched.pull = (query, onSent) => {
        const n = ++asked;
        return service.pull(query, () => {
          log.push(`sent ${n}`);
          onSent?.();
        });
      };
      let written = 0;
      const pulled = await pullChanges(watched, context, {
        pageSize: 40,
        afterPage: () => {
          if (log.at(-1) !== `written ${written}`) log.push(`written ${++written}`);
        },
      });
      expect(pulled.rows).toBeGreaterThan(200);
      expect(asked).toBeGreaterThan(3);
      // Page n is written only once the request for page n + 1 has left.
      for (let n = 1; n < asked; n++) {
        expect(log.indexOf(`sent ${n + 1}`), `request ${n + 1} before page ${n} is written`).toBeLessThan(log.indexOf(`written ${n}`));
      }
    });
  });

  it('asks for the count beside the pages: the first pages are written while it is on its way, then the total holds', async () => {
    await withDesk('oskar', async ({ service, context }) => {
      const queries: Parameters<ServiceConnection['pull']>[0][] = [];
      let writtenWhenCounted = -1;
      let release: () => void = () => undefined;
      // The count's answer is held until three pages are in: a first page that waited for it would never come.
      const threePagesIn = new Promise<void>((resolve) => (release = resolve));
      const watched = Object.create(service) as ServiceConnection;
      watched.pull = async (query, onSent) => {
        queries.push(query);
        const answer = await service.pull(query, onSent);
        if (query.count) {
          await threePagesIn;
          writtenWhenCounted = progress.length;
        }
        return answer;
      };
      const progress: [number, number][] = [];
      const pulled = await pullChanges(watched, context, {
        pageSize: 40,
        // Once per page written.
        onProgress: (done, total) => {
          if (progress.push([done, total]) === 3) release();
        },
      });
      expect(queries[0].count).toBeFalsy();
      const counts = queries.filter((query) => query.count);
      expect(counts).toHaveLength(1);
      expect(counts[0]).toMatchObject({ limit: 1, after: 0 });
      expect(counts[0].resume).toEqual(expect.any(String));
      expect(writtenWhenCounted).toBeGreaterThanOrEqual(3);
      // No total before the count came; after it, the whole pull's, which the last page reaches exactly.
      const known = progress.findIndex(([, total]) => total > 0);
      expect(known).toBeGreaterThanOrEqual(2);
      expect(progress.slice(0, known).every(([, total]) => total === 0)).toBe(true);
      expect(progress.slice(known).every(([, total]) => total === pulled.rows)).toBe(true);
      expect(progress.at(-1)).toEqual([pulled.rows, pulled.rows]);
    });
  });

  it('ends a resumed pull whose rows have all changed again since it stopped (its next page is empty), then takes the changes', async () => {
    await withDesk('petra', async ({ service, cache, context }) => {
      const ids = [3, 4, 5, 6, 7, 8];
      await pullChanges(service, context);
      const stoppedAt = await touchCases(ids);
      // Cut off after its first page of two.
      let cut = true;
      const cutOff = () => {
        if (!cut) return;
        cut = false;
        throw new Error('the desk closed between pages');
      };
      await expect(pullChanges(service, context, { pageSize: 2, afterPage: cutOff })).rejects.toThrow('between pages');
      expect(readSyncState(cache.sqlite).progress).toMatchObject({ target: stoppedAt });
      // Everything the rest of it would have brought is newer than its target now: the resumed page has nothing.
      const latest = await touchCases(ids);
      let asked = 0;
      const watched = Object.create(service) as ServiceConnection;
      watched.pull = (query, onSent) => {
        // A pull that never ends asks for ever; a bounded one stops here with a clear failure.
        if (++asked > 20) throw new Error(`${asked} pages asked for: the resumed pull does not end`);
        return service.pull(query, onSent);
      };
      await pullChanges(watched, context, { pageSize: 2 });
      expect(readSyncState(cache.sqlite)).toEqual({ cursor: latest, progress: null });
      expect(cachedVersions(cache.sqlite, ids)).toEqual(await centralVersions(ids));
    });
  });

  it('starts an interrupted pull again from its cursor when the service no longer takes its resume token', async () => {
    await withDesk('rune', async ({ service, cache, context }) => {
      const ids = [9, 10, 11, 12];
      await pullChanges(service, context);
      const before = readSyncState(cache.sqlite).cursor;
      const target = await touchCases(ids);
      // What an older service wrote, or a file damaged: the service refuses it (400 pull.badResume).
      writeSyncState(cache.sqlite, { cursor: before, progress: { target, resume: 'eyJub3QiOiJvdXJzIn0' } });
      await pullChanges(service, context, { pageSize: 2 });
      expect(readSyncState(cache.sqlite)).toEqual({ cursor: target, progress: null });
      expect(cachedVersions(cache.sqlite, ids)).toEqual(await centralVersions(ids));
    });
  });

  it('marks closed cases with the page that brings them; a first download begun by an older desk marks them at its end', async () => {
    const closedIds = async () =>
      (await central.admin.query<{ id: string }>("SELECT id FROM cases WHERE status = 'closed' ORDER BY id")).rows.map((row) => Number(row.id));
    const marked = (cache: Database.Database) => cache.prepare('SELECT case_id FROM case_detail_on_server ORDER BY case_id').pluck().all();
    /** A first download cut off after `pages` pages (the desk closed). */
    const cutAfter = async (service: ServiceConnection, context: CoreContext, pages: number) => {
      let left = pages;
      const cutOff = () => {
        if (--left === 0) throw new Error('the desk closed between pages');
      };
      await expect(pullChanges(service, context, { pageSize: 20, afterPage: cutOff })).rejects.toThrow('between pages');
    };
    await withDesk('sigrid', async ({ service, cache, context }) => {
      await cutAfter(service, context, 20);
      const progress = readSyncState(cache.sqlite).progress!;
      expect(progress.marksEachPage).toBe(true);
      const cases = cache.sqlite.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as number[];
      const closed = (await closedIds()).filter((id) => cases.includes(id));
      expect(closed.length).toBeGreaterThan(0);
      expect(marked(cache.sqlite)).toEqual(closed);
      // One of them fetched before the download ended (its mark gone): it stays so.
      cache.sqlite.prepare('DELETE FROM case_detail_on_server WHERE case_id = ?').run(closed[0]);
      await pullChanges(service, context, { pageSize: 20 });
      expect(readSyncState(cache.sqlite).progress).toBeNull();
      expect(marked(cache.sqlite)).toEqual((await closedIds()).filter((id) => id !== closed[0]));
    });
    await withDesk('tora', async ({ service, cache, context }) => {
      await cutAfter(service, context, 20);
      // As an older desk left it: no marks yet, and no word of marking with each page.
      const { target, resume } = readSyncState(cache.sqlite).progress!;
      cache.sqlite.prepare('DELETE FROM case_detail_on_server').run();
      writeSyncState(cache.sqlite, { cursor: 0, progress: { target, resume } });
      await pullChanges(service, context, { pageSize: 20 });
      expect(marked(cache.sqlite)).toEqual(await closedIds());
    });
  });
});
