// Writes rows pulled from the central service into the cache: upserts, tombstones as deletes, each row checked
// first so that a malformed one never corrupts the cache. A pull skips such a row and reports it (onBadRow): one bad
// row must not stop every later change from arriving.
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

/**
 * Many rows per upsert statement (166 cases, 1 333 case events): one statement per row costs a statement's
 * overhead per row and, for cases, makes the search index (FTS5, filled by a trigger) flush its pending terms
 * once per statement, i.e. per row — an initial pull of 100 000 cases took 8 s instead of 3 s.
 */
const PARAMETERS_PER_STATEMENT = 8_000;

/** Tables whose local rows may be optimistic (`pending_seq` set) until the central row arrives. */
const OPTIMISTIC_TABLES = new Set(['notes', 'outgoing_messages', 'attachments', 'offers', 'work_orders', 'billing_events']);

/** The bound values of one row: its columns, and for an offer the same again as JSON (`server_row`). */
function valuesOf(table: SyncedTable, row: Row): unknown[] {
  const values = table.columns.map((column) => toSqliteValue(row[column]));
  if (table.local !== 'offers') return values;
  return [...values, JSON.stringify(Object.fromEntries(table.columns.map((column, i) => [column, values[i]])))];
}

/** Where a row that cannot be stored goes: reported and skipped; without it, the write throws. */
export type BadRowHandler = (problem: MalformedRowError) => void;

export class RowWriter {
  private readonly upserts = new Map<string, Database.Statement>();
  private readonly deletes = new Map<string, Database.Statement>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly onBadRow?: BadRowHandler,
  ) {}

  private reject(problem: MalformedRowError): void {
    if (!this.onBadRow) throw problem;
    this.onBadRow(problem);
  }

  /** Upserts `count` rows at once, with the values of `table.columns` for each row in turn. */
  private upsertFor(table: SyncedTable, count: number): Database.Statement {
    const cacheKey = `${table.local}:${count}`;
    let statement = this.upserts.get(cacheKey);
    if (!statement) {
      const columns = [...table.columns];
      const updates = columns.filter((c) => !table.key.includes(c)).map((c) => `${c} = excluded.${c}`);
      // A row that arrives from the central side is final: it no longer waits for an outbox entry.
      if (OPTIMISTIC_TABLES.has(table.local)) {
        columns.push('pending_seq');
        updates.push('pending_seq = NULL');
      }
      // An offer also keeps the row as sent, to roll a later local change back to (sync/rebase.ts).
      if (table.local === 'offers') {
        columns.push('server_row');
        updates.push('server_row = excluded.server_row');
      }
      const tuple = `(${columns.map((c) => (c === 'pending_seq' ? 'NULL' : '?')).join(', ')})`;
      statement = this.sqlite.prepare(
        `INSERT INTO ${table.local} (${columns.join(', ')}) VALUES ${Array.from({ length: count }, () => tuple).join(', ')}
         ON CONFLICT (${table.key.join(', ')}) DO ${updates.length > 0 ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
      );
      this.upserts.set(cacheKey, statement);
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

  private upsertOne(table: SyncedTable, row: Row): void {
    try {
      this.upsertFor(table, 1).run(valuesOf(table, row));
    } catch (error) {
      const key = table.key.map((k) => String(row[k])).join('/');
      this.reject(new MalformedRowError(table.local, key, (error as Error).message));
    }
  }

  /** As many rows per statement as the parameters allow; a statement that fails is retried row by row. */
  private upsertMany(table: SyncedTable, rows: readonly Row[]): void {
    const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / (table.columns.length + 1)));
    for (let from = 0; from < rows.length; from += perStatement) {
      const to = Math.min(rows.length, from + perStatement);
      if (to - from === 1) {
        this.upsertOne(table, rows[from]);
        continue;
      }
      const values: unknown[] = [];
      for (let i = from; i < to; i++) values.push(...valuesOf(table, rows[i]));
      try {
        this.upsertFor(table, to - from).run(values);
      } catch {
        // The failed statement changed nothing; row by row, the row at fault throws with its key.
        for (let i = from; i < to; i++) this.upsertOne(table, rows[i]);
      }
    }
  }

  /**
   * An offer made here and not yet sent may hold the version number the server has just given someone else's offer
   * of the case: it gives way (the pull then replays its outbox entry, which takes the next number).
   */
  private makeRoomForOffers(rows: readonly Row[]): void {
    const giveWay = this.sqlite.prepare(
      'DELETE FROM offers WHERE case_id = ? AND offer_version = ? AND id <> ? AND server_row IS NULL AND pending_seq IS NOT NULL',
    );
    for (const row of rows) giveWay.run(toSqliteValue(row.case_id), toSqliteValue(row.offer_version), toSqliteValue(row.id));
  }

  /** Must run inside the caller's transaction. */
  write(table: SyncedTable, given: readonly Row[]): void {
    const rows = given.filter((row) => {
      try {
        checkRow(table, row);
        return true;
      } catch (error) {
        if (!(error instanceof MalformedRowError)) throw error;
        this.reject(error);
        return false;
      }
    });
    if (table.local === 'offers') this.makeRoomForOffers(rows);
    // In the order given: runs of upserts batched, each tombstone deleted where it stands.
    let run: Row[] = [];
    for (const row of rows) {
      if (table.tombstones && row.deleted === true) {
        this.upsertMany(table, run);
        run = [];
        this.deleteFor(table).run(Object.fromEntries(table.key.map((k) => [k, toSqliteValue(row[k])])));
      } else run.push(row);
    }
    this.upsertMany(table, run);
  }
}
