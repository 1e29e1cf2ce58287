// The bulk-load trick for a pull into an empty cache (the first download, or the one after a cache reset): the
// secondary indexes of `cases` and `case_events`, the triggers that keep the search index current and the ones that
// note changed cases for the overview are dropped before the rows arrive and built once at the end, instead of
// being maintained row by row (each of the 100 000 cases otherwise updates eight b-trees and the FTS5 index, and
// each of about a million events an expression index and a trigger).
//
// Crash-safe: the SQL of what was dropped is saved in the meta table in the same transaction that drops it, and
// removed in the same transaction that recreates it. While the key exists the pull that dropped them is still
// running (or was interrupted and resumes at the next start): the cache works meanwhile, only without those indexes
// (slower plans) and with a search index that does not yet know the cases pulled so far.
//
// Unique indexes stay (cases_case_number, cases_message_id): the central side enforces the same uniqueness, but they
// cost little during the load (about 0.2 s of 100 000 cases) and keeping them means the end step cannot fail on
// the data it finds, which would leave every later pull stuck in front of it.
import type Database from 'better-sqlite3';
import { readMeta, writeMeta } from '../db/openLocalDatabase';

export const DEFERRED_SCHEMA_KEY = 'sync.deferred_schema';

interface DeferredObject {
  type: 'index' | 'trigger';
  name: string;
  /** The table it is on (absent in records written before it was kept: such an index waits for the end). */
  table?: string;
  sql: string;
}

/**
 * What the insert trigger `cases_search_after_insert` (db/local/migrations/0001_search_index.sql; the update trigger
 * of 0004_search_trigger_when_changed.sql, and 0028_search_index_contentless.sql's fill and installer-rename trigger
 * write the same) puts into the search index, for every case at once. Migrations are SQL and cannot call this: it
 * must change whenever those triggers do.
 */
const FILL_SEARCH_INDEX = `
  INSERT INTO case_search (rowid, case_number, address, owner, installer, identifiers)
  SELECT
    c.id,
    c.case_number,
    c.address || ' ' || c.postcode || ' ' || c.post_town || ' ' ||
      coalesce((SELECT name FROM municipalities WHERE number = c.municipality_number), ''),
    c.owner_name,
    coalesce((SELECT name FROM installers WHERE id = c.installer_id), ''),
    c.metering_point_ids || ' ' || c.meter_numbers
  FROM cases c ORDER BY c.id`;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function hasDeferredSchema(sqlite: Database.Database): boolean {
  return Boolean(readMeta(sqlite, DEFERRED_SCHEMA_KEY));
}

const BULK_TABLES = ['cases', 'case_events'];

/**
 * The non-unique indexes of `cases` and `case_events` made by CREATE INDEX, the search-index triggers and the
 * overview's change triggers, as they stand now.
 */
function deferrable(sqlite: Database.Database): DeferredObject[] {
  const indexList = sqlite.prepare('SELECT name, "unique", origin FROM pragma_index_list(?)');
  const indexes = BULK_TABLES.flatMap((table) =>
    (indexList.all(table) as { name: string; unique: number; origin: string }[])
      // The pending-rows index stays: the pull's rebase asks it after every page.
      .filter((index) => index.origin === 'c' && index.unique === 0 && !index.name.endsWith('_pending'))
      .map((index) => index.name),
  );
  const rows = sqlite
    .prepare(
      `SELECT type, name, tbl_name AS "table", sql FROM sqlite_master
        WHERE tbl_name IN (SELECT value FROM json_each(?)) AND sql IS NOT NULL
          AND ((type = 'index' AND name IN (SELECT value FROM json_each(?)))
            OR (type = 'trigger' AND (name LIKE 'cases\\_search\\_%' ESCAPE '\\' OR name LIKE 'overview\\_%' ESCAPE '\\')))
        ORDER BY type, name`,
    )
    .all(JSON.stringify(BULK_TABLES), JSON.stringify(indexes)) as DeferredObject[];
  return rows;
}

/**
 * Drops the deferrable indexes and triggers, recording their SQL first. Nothing happens when an earlier (interrupted)
 * pull already did so: its record is the one that counts. Runs in a transaction of its own, or the caller's.
 */
export function deferCaseIndexes(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    if (hasDeferredSchema(sqlite)) return;
    const objects = deferrable(sqlite);
    writeMeta(sqlite, DEFERRED_SCHEMA_KEY, JSON.stringify(objects));
    for (const object of objects) sqlite.exec(`DROP ${object.type === 'index' ? 'INDEX' : 'TRIGGER'} IF EXISTS ${quoted(object.name)}`);
  })();
}

/**
 * Recreates one deferred index of one of `tables` (tables no more rows of which come in this pull), and takes it off
 * the record in the same transaction: the pull does this between pages, while the service prepares the next one,
 * so that less is left for the end. The search index and the triggers stay for restoreDeferredIndexes. False when
 * none is left to do.
 */
export function restoreOneDeferredIndex(sqlite: Database.Database, tables: ReadonlySet<string>): boolean {
  return sqlite.transaction(() => {
    const record = readMeta(sqlite, DEFERRED_SCHEMA_KEY);
    if (!record) return false;
    const objects = JSON.parse(record) as DeferredObject[];
    const at = objects.findIndex((object) => object.type === 'index' && object.table !== undefined && tables.has(object.table));
    if (at < 0) return false;
    const [index] = objects.splice(at, 1);
    if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(index.name)) sqlite.exec(index.sql);
    writeMeta(sqlite, DEFERRED_SCHEMA_KEY, JSON.stringify(objects));
    return true;
  })();
}

/**
 * Recreates what deferCaseIndexes dropped, fills the search index from the cases as the triggers would have, and
 * removes the record. Returns false when nothing was deferred. Runs in a transaction of its own, or the caller's.
 * `overview`: whether this desk works the overview out (a person of OVERVIEW_ROLES); only then is every case noted
 * for it to count again. A case handler's desk never counts them (overviewService's catch-up), and the notes of a
 * million cases would be 8 MB it keeps for nothing; a role that changes to one that sees the overview fills the
 * cache again (the cache's shape is part of the service's schema identity, service/sync/closedCaseDetail.ts).
 */
export function restoreDeferredIndexes(sqlite: Database.Database, { overview }: { overview: boolean }): boolean {
  return sqlite.transaction(() => {
    const record = readMeta(sqlite, DEFERRED_SCHEMA_KEY);
    if (!record) return false;
    const objects = JSON.parse(record) as DeferredObject[];
    const exists = sqlite.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').pluck();
    for (const object of objects) {
      if (object.type === 'index' && !exists.get('index', object.name)) sqlite.exec(object.sql);
    }
    if (overview && objects.some((object) => object.type === 'trigger' && object.name.startsWith('overview_'))) {
      // The overview's triggers were away while rows arrived: every case is to be counted again.
      sqlite.exec('INSERT OR IGNORE INTO overview_dirty_cases (case_id) SELECT id FROM cases');
    }
    if (objects.some((object) => object.type === 'trigger' && object.name.startsWith('cases_search_'))) {
      // Whatever the index holds now may predate rows changed while the triggers were away: rebuilt whole.
      // (Empty after a fresh start or a cache reset, so this costs nothing then.)
      if (sqlite.prepare('SELECT 1 FROM case_search LIMIT 1').get()) sqlite.exec('DELETE FROM case_search');
      sqlite.exec(FILL_SEARCH_INDEX);
      sqlite.exec("INSERT INTO case_search (case_search) VALUES ('optimize')");
    }
    for (const object of objects) {
      if (object.type === 'trigger' && !exists.get('trigger', object.name)) sqlite.exec(object.sql);
    }
    sqlite.prepare('DELETE FROM meta WHERE key = ?').run(DEFERRED_SCHEMA_KEY);
    return true;
  })();
}
