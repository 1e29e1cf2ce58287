// A row from the service that the cache cannot store is skipped and reported, never stopping the rest: the pull's
// writer, on a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLocalDatabase } from '../../core/db/openLocalDatabase';
import { MalformedRowError, RowWriter, type RowPage } from '../../core/sync/applyRows';
import { SYNCED_TABLES, type SyncedTable } from '../../core/sync/syncedTables';
import { readSkippedRows, recordSkippedRow } from '../../core/sync/syncState';

const MIGRATIONS = path.resolve(__dirname, '../../db/local/migrations');
const directory = mkdtempSync(path.join(tmpdir(), 'skipped-rows-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const municipalities = SYNCED_TABLES.find((t) => t.local === 'municipalities')!;
const users = SYNCED_TABLES.find((t) => t.local === 'users')!;

/** Rows as the service sends them (columns once, values per row), from objects. */
function page(table: SyncedTable, rows: Record<string, unknown>[]): RowPage {
  const columns = Object.keys(rows[0]);
  return { table, columns, rows: rows.map((row) => columns.map((column) => row[column])) };
}

describe('a row the cache cannot store', () => {
  it('is skipped and recorded with its table, key and problem; the rows around it are written', () => {
    const database = openLocalDatabase({ file: path.join(directory, 'skip.sqlite'), migrationsFolder: MIGRATIONS });
    try {
      const { sqlite } = database;
      const writer = new RowWriter(sqlite, ({ table, key, problem }) => recordSkippedRow(sqlite, { table, key, problem }));
      sqlite.transaction(() => {
        writer.write(page(municipalities, [
          { number: '4204', name: 'Kristiansand' },
          { number: null, name: 'Uten nummer' },
          { number: '4203', name: 'Arendal' },
        ]));
        // A NOT NULL column locally: the database itself refuses the row, which is then skipped alone.
        writer.write(page(users, [
          { id: 'kari', display_name: 'Kari', role: 'case_handler', email: null, active: true },
          { id: 'ola', display_name: null, role: 'case_handler', email: null, active: true },
        ]));
      })();
      const names = sqlite.prepare('SELECT name FROM municipalities ORDER BY number').all();
      expect(names).toEqual(expect.arrayContaining([{ name: 'Arendal' }, { name: 'Kristiansand' }]));
      expect(sqlite.prepare("SELECT count(*) AS n FROM municipalities WHERE name = 'Uten nummer'").get()).toEqual({ n: 0 });
      expect(sqlite.prepare("SELECT id FROM users WHERE id IN ('kari', 'ola')").all()).toEqual([{ id: 'kari' }]);
      const skipped = readSkippedRows(sqlite);
      expect(skipped.count).toBe(2);
      expect(skipped.latest.map((row) => [row.table, row.key])).toEqual([['users', 'ola'], ['municipalities', 'null']]);
      expect(skipped.latest[1].problem).toContain('missing key number');
    } finally {
      database.close();
    }
  });

  it('without a handler for the report, stops the write with a clear error naming the row', () => {
    const database = openLocalDatabase({ file: path.join(directory, 'strict.sqlite'), migrationsFolder: MIGRATIONS });
    try {
      const writer = new RowWriter(database.sqlite);
      expect(() => writer.write(page(municipalities, [{ number: null, name: 'Uten nummer' }]))).toThrow(MalformedRowError);
    } finally {
      database.close();
    }
  });
});
