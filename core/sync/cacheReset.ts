// The cache is disposable: when what it was filled from changes (the central schema, or the shape of a first download
// for the person's role: service/sync/closedCaseDetail.ts), its synced rows are dropped and downloaded again, with
// progress shown. The outbox stays — it may hold the only copy of someone's work — and its pending entries are
// replayed once the fresh rows are in.
import type Database from 'better-sqlite3';
import { readMeta, writeMeta } from '../db/openLocalDatabase';
import { SYNCED_TABLES } from './syncedTables';

const SCHEMA_KEY = 'central.schema';

/** Returns true when the cache was emptied and must be filled again from the start. */
export function resetCacheIfSchemaChanged(sqlite: Database.Database, identity: string): boolean {
  const known = readMeta(sqlite, SCHEMA_KEY);
  if (known === identity) return false;
  // A cache filled by an app version that recorded no identity was filled from an unknown schema: reset it too.
  const filled = known !== null || Number(readMeta(sqlite, 'sync.cursor') ?? 0) > 0 || Boolean(readMeta(sqlite, 'sync.progress'));
  sqlite.transaction(() => {
    if (filled) {
      for (const table of [...SYNCED_TABLES].reverse()) sqlite.prepare(`DELETE FROM ${table.local}`).run();
      sqlite.prepare('DELETE FROM case_detail_on_server').run();
      writeMeta(sqlite, 'sync.cursor', '0');
      writeMeta(sqlite, 'sync.progress', '');
    }
    writeMeta(sqlite, SCHEMA_KEY, identity);
  })();
  return filled;
}
