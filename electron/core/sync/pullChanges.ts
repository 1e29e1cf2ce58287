// Pull: every central row with a version above the cache's cursor, table by table, in pages. Each page and the
// position it reached are written in one SQLite transaction, so an interrupted pull resumes where it stopped
// (the same target version, the same table, after the last row applied) and the cursor only moves forward.
// Versions become visible in commit order (see db/central), so nothing at or below the target can appear later.
import type pg from 'pg';
import type { CoreContext } from '../context';
import { RowWriter } from './applyRows';
import { deferCaseIndexes, hasDeferredSchema, restoreDeferredIndexes } from './deferredIndexes';
import { CACHE_SHAPED_TYPE, cacheShapedColumn } from './centralConnection';
import { dropSettledOptimisticRows, rebaseCases } from './rebase';
import { SYNCED_TABLES, type SyncedTable } from './syncedTables';
import { readSyncState, writeSyncState, type PullProgress } from './syncState';

export interface PullResult {
  rows: number;
  /** Cases whose rows changed, or 'all' after a pull large enough to rebuild the read models. */
  changedCases: Set<number> | 'all';
}

export interface PullOptions {
  pageSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Test hook: called after a page is committed locally (a crash there must lose and repeat nothing). */
  afterPage?: (table: string, rows: number) => void;
}

const DEFAULT_PAGE = 10_000;
const CASE_ID_COLUMN: Record<string, string> = {
  cases: 'id', attachments: 'case_id', case_events: 'case_id', notes: 'case_id', offers: 'case_id',
  billing_events: 'case_id',
};
/** PostgreSQL functions take at most 100 arguments: wider rows are built from several arrays. */
const ARRAY_ARGUMENTS = 90;

type Row = Record<string, unknown>;

const selectedColumns = (table: SyncedTable) => [
  ...table.columns.filter((c) => c !== 'version'),
  'version',
  ...(table.tombstones ? ['deleted'] : []),
];

/**
 * One page of a table: rows with versions in (cursor, target], after the last (version, key…) applied.
 * Where every column has a type the server can render as the cache stores it, the page comes as one JSON text.
 */
function pageQuery(table: SyncedTable, types: ReadonlyMap<string, string> | null, resume: boolean, pageSize: number): string {
  const columns = selectedColumns(table);
  const order = ['version', ...table.key];
  const after = resume ? `AND (${order.join(', ')}) > (${order.map((_, i) => `$${i + 3}`).join(', ')})` : '';
  const page = `SELECT ${columns.join(', ')} FROM ${table.central}
          WHERE version > $1 AND version <= $2 ${after}
          ORDER BY ${order.join(', ')} LIMIT ${Math.trunc(pageSize)}`;
  if (!types) return page;
  const shaped = columns.map((c) => cacheShapedColumn(`p.${c}`, types.get(c)!));
  const groups: string[] = [];
  for (let i = 0; i < shaped.length; i += ARRAY_ARGUMENTS) groups.push(`json_build_array(${shaped.slice(i, i + ARRAY_ARGUMENTS).join(', ')})`);
  const row = groups.length === 1 ? groups[0] : `json_build_array(${groups.join(', ')})`;
  return `SELECT coalesce(json_agg(${row} ORDER BY ${order.map((c) => `p.${c}`).join(', ')}), '[]')::text AS page FROM (${page}) p`;
}

/** The central type of every column pulled, per table; null for a table with a column JSON cannot carry as-is. */
async function columnTypes(client: pg.Client): Promise<Map<string, Map<string, string> | null>> {
  const { rows } = await client.query<{ relname: string; attname: string; type: string }>(
    `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE a.attrelid = ANY($1::regclass[]) AND a.attnum > 0 AND NOT a.attisdropped`,
    [SYNCED_TABLES.map((t) => t.central)],
  );
  const result = new Map<string, Map<string, string> | null>();
  for (const table of SYNCED_TABLES) {
    const types = new Map(rows.filter((r) => r.relname === table.central).map((r) => [r.attname, r.type]));
    const shaped = selectedColumns(table).every((c) => CACHE_SHAPED_TYPE.test(types.get(c) ?? ''));
    result.set(table.central, shaped ? types : null);
  }
  return result;
}

async function fetchPage(client: pg.Client, table: SyncedTable, json: boolean, sql: string, params: unknown[]): Promise<Row[]> {
  if (!json) return (await client.query<Row>(sql, params)).rows;
  const { rows } = await client.query<{ page: string }>(sql, params);
  const columns = selectedColumns(table);
  const flat = columns.length > ARRAY_ARGUMENTS;
  return (JSON.parse(rows[0].page) as unknown[][]).map((array) => {
    const values = flat ? array.flat() : array;
    const row: Row = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]] = values[i];
    return row;
  });
}

function pendingCaseIds(sqlite: CoreContext['sqlite']): Set<number> {
  const rows = sqlite.prepare("SELECT DISTINCT case_id FROM outbox WHERE state = 'pending' AND case_id IS NOT NULL").all() as {
    case_id: number;
  }[];
  return new Set(rows.map((row) => row.case_id));
}

async function countRemaining(client: pg.Client, from: number, target: number): Promise<number> {
  const parts = SYNCED_TABLES.map((t) => `(SELECT count(*) FROM ${t.central} WHERE version > $1 AND version <= $2)`);
  const result = await client.query<{ n: number }>(`SELECT ${parts.join(' + ')} AS n`, [from, target]);
  return Number(result.rows[0].n);
}

export async function pullChanges(client: pg.Client, core: CoreContext, options: PullOptions = {}): Promise<PullResult> {
  const { sqlite } = core;
  const pageSize = options.pageSize ?? DEFAULT_PAGE;
  const writer = new RowWriter(sqlite);
  const state = readSyncState(sqlite);
  let progress: PullProgress;
  const resumed = state.progress !== null;
  // Indexes are only ever deferred by a pull from cursor 0 and restored in the transaction that moves the cursor
  // past it: deferred ones found outside such a pull (none should be) are restored before anything else.
  if (state.cursor > 0 && !state.progress && hasDeferredSchema(sqlite)) restoreDeferredIndexes(sqlite);
  if (state.progress) progress = state.progress;
  else {
    const clock = await client.query<{ version: number }>('SELECT version FROM sync_clock');
    const target = Number(clock.rows[0]?.version ?? 0);
    if (target <= state.cursor) {
      if (hasDeferredSchema(sqlite)) restoreDeferredIndexes(sqlite);
      return { rows: 0, changedCases: new Set() };
    }
    progress = { target, table: 0, after: null };
  }
  const initial = state.cursor === 0;
  // Into an empty cache (or one being filled again after a reset, or an interrupted such pull resuming): the
  // secondary indexes of cases and its search triggers are built once at the end (deferredIndexes.ts).
  if (initial) deferCaseIndexes(sqlite);
  const total = options.onProgress ? await countRemaining(client, state.cursor, progress.target) : 0;
  const types = await columnTypes(client);
  interface PageRequest {
    t: number;
    after: unknown[] | null;
    rows: Promise<Row[]>;
  }
  const request = (t: number, after: unknown[] | null): PageRequest => {
    const table = SYNCED_TABLES[t];
    const json = types.get(table.central) !== null;
    const sql = pageQuery(table, types.get(table.central) ?? null, after !== null, pageSize);
    const rows = fetchPage(client, table, json, sql, [state.cursor, progress.target, ...(after ?? [])]);
    rows.catch(() => undefined); // awaited below, or abandoned when a page before it failed
    return { t, after, rows };
  };
  let done = 0;
  const changed = new Set<number>();
  let next: PageRequest | null = request(progress.table, progress.after);
  try {
    while (next) {
      const { t, after }: PageRequest = next;
      const table = SYNCED_TABLES[t];
      const rows: Row[] = await next.rows;
      const last: Row | undefined = rows.at(-1);
      const finishedTable: boolean = rows.length < pageSize;
      const finishedAll: boolean = finishedTable && t === SYNCED_TABLES.length - 1;
      const nextAfter: unknown[] | null = last ? [last.version, ...table.key.map((k) => last[k])] : after;
      // The next page is on its way while this one is written.
      next = finishedAll ? null : finishedTable ? request(t + 1, null) : request(t, nextAfter);
      sqlite.transaction(() => {
        writer.write(table, rows);
        const caseColumn = CASE_ID_COLUMN[table.local];
        const pageCases = new Set<number>();
        if (caseColumn) for (const row of rows) pageCases.add(Number(row[caseColumn]));
        if (!initial) rebaseCases(core, pageCases);
        for (const id of pageCases) changed.add(id);
        if (finishedAll) {
          // Before the pending entries are replayed: their changes go through the triggers again.
          restoreDeferredIndexes(sqlite);
          dropSettledOptimisticRows(sqlite);
          // A cache filled from scratch holds no optimistic rows yet: replay what is still pending.
          if (initial) rebaseCases(core, pendingCaseIds(sqlite));
          writeSyncState(sqlite, { cursor: progress.target, progress: null });
        } else {
          writeSyncState(sqlite, {
            cursor: state.cursor,
            progress: finishedTable
              ? { target: progress.target, table: t + 1, after: null }
              : { target: progress.target, table: t, after: nextAfter },
          });
        }
      })();
      done += rows.length;
      options.onProgress?.(done, total);
      options.afterPage?.(table.local, rows.length);
    }
  } finally {
    // Nothing of this pull may still be running on the connection when it returns or fails.
    if (next) await next.rows.catch(() => undefined);
  }
  const result: PullResult = { rows: done, changedCases: initial || changed.size > 5_000 ? 'all' : changed };
  if (!resumed) return result;
  // A resumed pull ran up to the target of the interrupted one; what was committed since comes now.
  const more = await pullChanges(client, core, options);
  return {
    rows: result.rows + more.rows,
    changedCases:
      result.changedCases === 'all' || more.changedCases === 'all' ? 'all' : new Set([...result.changedCases, ...more.changedCases]),
  };
}
