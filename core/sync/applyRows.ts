// Writes rows pulled from the central service into the cache: upserts, tombstones as deletes, each row checked
// first so that a malformed one never corrupts the cache. A pull skips such a row and reports it (onBadRow): one bad
// row must not stop every later change from arriving.
import type Database from 'better-sqlite3';
import { CASE_STATUSES, REQUEST_TYPES } from '../../shared/rules';
import { storedFromCentral } from '../offers/storedLines';
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

/**
 * A table's rows as the service sends them: the column names once, then each row's values in that order. Kept so
 * (not turned into an object per row): a page of 10 000 cases would otherwise cost more to reshape than to write.
 */
export interface RowPage {
  readonly table: SyncedTable;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/** Reads one column of a page's rows (undefined where the page does not carry it). */
export function columnOf(page: Pick<RowPage, 'columns'>, column: string): (row: readonly unknown[]) => unknown {
  const at = page.columns.indexOf(column);
  return (row) => (at < 0 ? undefined : row[at]);
}

/** A value's form in the cache where it is not the central one. */
type LocalForm = (value: unknown) => unknown;

/** Where each of the table's own columns is in the page's rows, and the columns the checks read. */
interface Layout {
  source: number[];
  /** Per column, the form a value takes here where it is not the central one (null: as it came). */
  localForm: (LocalForm | null)[];
  key: ((row: readonly unknown[]) => unknown)[];
  deleted: (row: readonly unknown[]) => unknown;
  status: (row: readonly unknown[]) => unknown;
  requestType: (row: readonly unknown[]) => unknown;
}

function layoutOf(page: RowPage): Layout {
  return {
    source: page.table.columns.map((column) => page.columns.indexOf(column)),
    localForm: page.table.columns.map((column) => LOCAL_FORMS[page.table.local]?.[column] ?? null),
    key: page.table.key.map((column) => columnOf(page, column)),
    deleted: columnOf(page, 'deleted'),
    status: columnOf(page, 'status'),
    requestType: columnOf(page, 'request_type'),
  };
}

const keyText = (layout: Layout, row: readonly unknown[]) => layout.key.map((read) => String(read(row))).join('/');

function checkRow(table: SyncedTable, layout: Layout, row: readonly unknown[]): void {
  for (let i = 0; i < layout.key.length; i++) {
    const value = layout.key[i](row);
    if (value === null || value === undefined) throw new MalformedRowError(table.local, keyText(layout, row), `missing key ${table.key[i]}`);
  }
  if (table.local === 'cases') {
    if (!STATUSES.has(String(layout.status(row)))) throw new MalformedRowError('cases', keyText(layout, row), `unknown status ${String(layout.status(row))}`);
    if (!TYPES.has(String(layout.requestType(row)))) {
      throw new MalformedRowError('cases', keyText(layout, row), `unknown request type ${String(layout.requestType(row))}`);
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

/**
 * JSON text without the space PostgreSQL's jsonb output puts after every colon and comma (6 bytes a case in a cache's
 * history): the same value, as the desk's own changes write it. Text that is not JSON is kept as it came.
 */
function compactJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.stringify(JSON.parse(value));
  } catch {
    return value;
  }
}

/**
 * Central values the cache keeps in another form: an offer's lines (offers/storedLines.ts, local 0031), a history
 * event's data as compact JSON.
 */
const LOCAL_FORMS: Record<string, Record<string, LocalForm>> = {
  offers: { lines: storedFromCentral },
  case_events: { data: compactJson },
};

const inLocalForm = (localForm: LocalForm | null, value: unknown): unknown =>
  localForm && value !== undefined && value !== null ? localForm(value) : value;

/** A central row's value as the cache keeps it. */
export const localValue = (table: string, column: string, value: unknown): unknown =>
  inLocalForm(LOCAL_FORMS[table]?.[column] ?? null, value);

/** Appends the bound values of one row's columns to `values`. */
function pushValues(layout: Layout, row: readonly unknown[], values: unknown[]): void {
  for (let i = 0; i < layout.source.length; i++) {
    const at = layout.source[i];
    values.push(toSqliteValue(inLocalForm(layout.localForm[i], at < 0 ? undefined : row[at])));
  }
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
      // The server's row is the offer now: no copy to roll back to until a local change begins (local 0025).
      if (table.local === 'offers') {
        columns.push('server_row');
        updates.push('server_row = NULL');
      }
      const tuple = `(${columns.map((c) => (c === 'pending_seq' || c === 'server_row' ? 'NULL' : '?')).join(', ')})`;
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

  private upsertOne(table: SyncedTable, layout: Layout, row: readonly unknown[]): void {
    const values: unknown[] = [];
    pushValues(layout, row, values);
    try {
      this.upsertFor(table, 1).run(values);
    } catch (error) {
      this.reject(new MalformedRowError(table.local, keyText(layout, row), (error as Error).message));
    }
  }

  /** As many rows per statement as the parameters allow; a statement that fails is retried row by row. */
  private upsertMany(table: SyncedTable, layout: Layout, rows: readonly (readonly unknown[])[]): void {
    const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / table.columns.length));
    for (let from = 0; from < rows.length; from += perStatement) {
      const to = Math.min(rows.length, from + perStatement);
      if (to - from === 1) {
        this.upsertOne(table, layout, rows[from]);
        continue;
      }
      const values: unknown[] = [];
      for (let i = from; i < to; i++) pushValues(layout, rows[i], values);
      try {
        this.upsertFor(table, to - from).run(values);
      } catch {
        // The failed statement changed nothing; row by row, the row at fault throws with its key.
        for (let i = from; i < to; i++) this.upsertOne(table, layout, rows[i]);
      }
    }
  }

  /**
   * An offer made here and not yet sent may hold the version number the server has just given someone else's offer
   * of the case: it gives way (the pull then replays its outbox entry, which takes the next number).
   */
  private makeRoomForOffers(page: RowPage, rows: readonly (readonly unknown[])[]): void {
    const giveWay = this.sqlite.prepare(
      'DELETE FROM offers WHERE case_id = ? AND offer_version = ? AND id <> ? AND server_row IS NULL AND pending_seq IS NOT NULL',
    );
    const [caseId, offerVersion, id] = ['case_id', 'offer_version', 'id'].map((column) => columnOf(page, column));
    for (const row of rows) giveWay.run(toSqliteValue(caseId(row)), toSqliteValue(offerVersion(row)), toSqliteValue(id(row)));
  }

  /** Must run inside the caller's transaction. */
  write(page: RowPage): void {
    const { table } = page;
    const layout = layoutOf(page);
    const rows = page.rows.filter((row) => {
      try {
        checkRow(table, layout, row);
        return true;
      } catch (error) {
        if (!(error instanceof MalformedRowError)) throw error;
        this.reject(error);
        return false;
      }
    });
    if (table.local === 'offers') this.makeRoomForOffers(page, rows);
    // In the order given: runs of upserts batched, each tombstone deleted where it stands.
    let run: (readonly unknown[])[] = [];
    for (const row of rows) {
      if (table.tombstones && layout.deleted(row) === true) {
        this.upsertMany(table, layout, run);
        run = [];
        this.deleteFor(table).run(Object.fromEntries(table.key.map((k, i) => [k, toSqliteValue(layout.key[i](row))])));
      } else run.push(row);
    }
    this.upsertMany(table, layout, run);
  }
}
