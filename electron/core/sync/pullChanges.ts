// Pull: every central row with a version above the cache's cursor, table by table, in pages. Each page and the
// position it reached are written in one SQLite transaction, so an interrupted pull resumes where it stopped
// (the same target version, the same table, after the last row applied) and the cursor only moves forward.
// Versions become visible in commit order (see db/central), so nothing at or below the target can appear later.
import type pg from 'pg';
import type { CoreContext } from '../context';
import { RowWriter } from './applyRows';
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

const DEFAULT_PAGE = 5_000;
const CASE_ID_COLUMN: Record<string, string> = { cases: 'id', attachments: 'case_id', case_events: 'case_id', notes: 'case_id' };

function pageQuery(table: SyncedTable, resume: boolean, pageSize: number): string {
  const columns = [...table.columns.filter((c) => c !== 'version'), 'version', ...(table.tombstones ? ['deleted'] : [])];
  const order = ['version', ...table.key];
  const after = resume ? `AND (${order.join(', ')}) > (${order.map((_, i) => `$${i + 3}`).join(', ')})` : '';
  return `SELECT ${columns.join(', ')} FROM ${table.central}
          WHERE version > $1 AND version <= $2 ${after}
          ORDER BY ${order.join(', ')} LIMIT ${Math.trunc(pageSize)}`;
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
  if (state.progress) progress = state.progress;
  else {
    const clock = await client.query<{ version: number }>('SELECT version FROM sync_clock');
    const target = Number(clock.rows[0]?.version ?? 0);
    if (target <= state.cursor) return { rows: 0, changedCases: new Set() };
    progress = { target, table: 0, after: null };
  }
  const initial = state.cursor === 0;
  const total = options.onProgress ? await countRemaining(client, state.cursor, progress.target) : 0;
  let done = 0;
  const changed = new Set<number>();
  for (let t = progress.table; t < SYNCED_TABLES.length; t++) {
    const table = SYNCED_TABLES[t];
    let after = t === progress.table ? progress.after : null;
    for (;;) {
      const sql = pageQuery(table, after !== null, pageSize);
      const params = [state.cursor, progress.target, ...(after ?? [])];
      const { rows } = await client.query<Record<string, unknown>>(sql, params);
      const last = rows.at(-1);
      const finishedTable = rows.length < pageSize;
      const finishedAll = finishedTable && t === SYNCED_TABLES.length - 1;
      const nextAfter = last ? [last.version, ...table.key.map((k) => last[k])] : after;
      sqlite.transaction(() => {
        writer.write(table, rows);
        const caseColumn = CASE_ID_COLUMN[table.local];
        const pageCases = new Set<number>();
        if (caseColumn) for (const row of rows) pageCases.add(Number(row[caseColumn]));
        if (!initial) rebaseCases(core, pageCases);
        for (const id of pageCases) changed.add(id);
        if (finishedAll) {
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
      if (finishedTable) break;
      after = nextAfter;
    }
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
