// Writes rows pulled from the central database into the cache: upserts, tombstones as deletes, each row
// checked first so that a malformed one stops the pull with a clear message instead of corrupting the cache.
import type Database from 'better-sqlite3';
import { CASE_STATUSES, REQUEST_TYPES } from '../../shared/rules';
import type { SyncedTable } from './syncedTables';

export class MalformedRowError extends Error {
  constructor(
    readonly table: string,
    readonly key: string,
    readonly problem: string,
  ) {
    super(`A row from the central database cannot be stored: ${table} ${key}: ${problem}`);
    this.name = 'MalformedRowError';
  }
}

const STATUSES = new Set<string>(CASE_STATUSES);
const TYPES = new Set<string>(REQUEST_TYPES);

type Row = Record<string, unknown>;

function checkRow(table: SyncedTable, row: Row): void {
  const key = table.key.map((k) => String(row[k])).join('/');
  for (const k of table.key) {
    if (row[k] === null || row[k] === undefined) throw new MalformedRowError(table.local, key, `missing key ${k}`);
  }
  if (table.local === 'cases') {
    if (!STATUSES.has(String(row.status))) throw new MalformedRowError('cases', key, `unknown status ${String(row.status)}`);
    if (!TYPES.has(String(row.request_type))) {
      throw new MalformedRowError('cases', key, `unknown request type ${String(row.request_type)}`);
    }
  }
}

/** SQLite binds numbers, strings, null and buffers; booleans become 0/1 and objects JSON text. */
function toSqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return value;
}

export class RowWriter {
  private readonly upserts = new Map<string, Database.Statement>();
  private readonly deletes = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {}

  private upsertFor(table: SyncedTable): Database.Statement {
    let statement = this.upserts.get(table.local);
    if (!statement) {
      const columns = [...table.columns];
      const updates = columns.filter((c) => !table.key.includes(c)).map((c) => `${c} = excluded.${c}`);
      // A note that arrives from the central side is final: it no longer waits for an outbox entry.
      if (table.local === 'notes') {
        columns.push('pending_seq');
        updates.push('pending_seq = NULL');
      }
      const values = columns.map((c) => (c === 'pending_seq' ? 'NULL' : `@${c}`));
      statement = this.sqlite.prepare(
        `INSERT INTO ${table.local} (${columns.join(', ')}) VALUES (${values.join(', ')})
         ON CONFLICT (${table.key.join(', ')}) DO ${updates.length > 0 ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
      );
      this.upserts.set(table.local, statement);
    }
    return statement;
  }

  private deleteFor(table: SyncedTable): Database.Statement {
    let statement = this.deletes.get(table.local);
    if (!statement) {
      statement = this.sqlite.prepare(
        `DELETE FROM ${table.local} WHERE ${table.key.map((k) => `${k} = @${k}`).join(' AND ')}`,
      );
      this.deletes.set(table.local, statement);
    }
    return statement;
  }

  /** Must run inside the caller's transaction. */
  write(table: SyncedTable, rows: readonly Row[]): void {
    const upsert = this.upsertFor(table);
    for (const row of rows) {
      checkRow(table, row);
      const values: Record<string, unknown> = {};
      for (const column of table.columns) values[column] = toSqliteValue(row[column]);
      if (table.tombstones && row.deleted === true) {
        this.deleteFor(table).run(Object.fromEntries(table.key.map((k) => [k, values[k]])));
        continue;
      }
      try {
        upsert.run(values);
      } catch (error) {
        const key = table.key.map((k) => String(row[k])).join('/');
        throw new MalformedRowError(table.local, key, (error as Error).message);
      }
    }
  }
}
