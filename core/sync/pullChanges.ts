// Pull: every central row with a version above the cache's cursor, in pages from the central service. Each page and
// the position it reached are written in one SQLite transaction, so an interrupted pull resumes where it stopped
// (the same target version, from the service's resume token) and the cursor only moves forward. Versions become
// visible in commit order (see db/central), so nothing at or below the target can appear later.
import type { CoreContext } from '../context';
import { OVERVIEW_ROLES } from '../../shared/contract';
import type { ServiceConnection } from '../service/serviceConnection';
import { ServiceRefusal } from '../service/serviceHttp';
import type { PullOutput, PullTable } from '../../shared/serviceApi';
import { columnOf, RowWriter, type RowPage } from './applyRows';
import { markAllClosedDetailOnServer, markDetailOnServer } from './caseDetailMark';
import { resetCacheIfSchemaChanged } from './cacheReset';
import { deferCaseIndexes, hasDeferredSchema, restoreDeferredIndexes, restoreOneDeferredIndex } from './deferredIndexes';
import { dropSettledOptimisticRows, rebaseCases } from './rebase';
import { caseColumnOf, SYNCED_TABLES } from './syncedTables';
import { readSyncState, recordSkippedRow, writeSyncState } from './syncState';

export interface PullResult {
  rows: number;
  /** Cases whose rows changed, or 'all' after a pull large enough to rebuild the read models. */
  changedCases: Set<number> | 'all';
  /** The local tables the pull wrote rows into, or took this desk's own (optimistic) rows out of. */
  tables: Set<string>;
  /** False when it stopped between pages to make room (yieldTo): the next pull resumes where it stopped. */
  finished: boolean;
}

export interface PullOptions {
  pageSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Test hook: called after a page is committed locally (a crash there must lose and repeat nothing). */
  afterPage?: (table: string, rows: number) => void;
  /**
   * Asked after each page written while more are to come: true stops the pull there, its position saved and the page
   * asked for next left unwritten, so that what waits for it (Fetch next, a closed case's detail) goes first rather
   * than after a first download's minutes. The next pull resumes where it stopped.
   */
  yieldTo?: () => boolean;
}

const DEFAULT_PAGE = 10_000;
const TABLES_BY_LOCAL = new Map(SYNCED_TABLES.map((table) => [table.local, table]));
const ORDER = new Map(SYNCED_TABLES.map((table, i) => [table.local, i]));

/** The tables a page shows to be complete: a pull sends them in SYNCED_TABLES' order, so those before its last. */
function tablesBefore(page: PullOutput): Set<string> {
  const last = Math.max(-1, ...page.tables.map((table) => ORDER.get(table.table) ?? -1));
  return new Set(SYNCED_TABLES.slice(0, Math.max(0, last)).map((table) => table.local));
}

/** A page's rows as the RowWriter takes them; a table this version of the desk does not know is refused. */
export function rowsOf(page: PullTable): RowPage {
  const table = TABLES_BY_LOCAL.get(page.table);
  if (!table) throw new Error(`The service sent rows of an unknown table: ${page.table}`);
  return { table, columns: page.columns, rows: page.rows };
}

function pendingCaseIds(sqlite: CoreContext['sqlite']): Set<number> {
  const rows = sqlite.prepare("SELECT DISTINCT case_id FROM outbox WHERE state = 'pending' AND case_id IS NOT NULL").all() as {
    case_id: number;
  }[];
  return new Set(rows.map((row) => row.case_id));
}

export async function pullChanges(service: ServiceConnection, core: CoreContext, options: PullOptions = {}): Promise<PullResult> {
  const { sqlite } = core;
  const limit = options.pageSize ?? DEFAULT_PAGE;
  const writer = new RowWriter(sqlite, ({ table, key, problem }) => recordSkippedRow(sqlite, { table, key, problem }));
  let state = readSyncState(sqlite);
  const resumed = state.progress !== null;
  let marksEachPage = !resumed || state.progress?.marksEachPage === true;
  const restore = () => restoreDeferredIndexes(sqlite, { overview: OVERVIEW_ROLES.includes(core.currentUser().role) });
  // Indexes are only ever deferred by a pull from cursor 0 and restored in the transaction that moves the cursor
  // past it: deferred ones found outside such a pull (none should be) are restored before anything else.
  if (state.cursor > 0 && !state.progress && hasDeferredSchema(sqlite)) restore();
  /** Asks for a page; `sent` settles once the request has left (or failed), `answer` with the page. */
  const ask = (resume: string | null) => {
    let left: () => void = () => undefined;
    const sent = new Promise<void>((resolve) => (left = resolve));
    const answer = service.pull({ after: readSyncState(sqlite).cursor, limit, resume }, () => left());
    answer.catch(() => undefined); // awaited below, or abandoned when a page before it failed
    return { answer, sent: Promise.race([sent, answer.then(() => undefined, () => undefined)]) };
  };
  let next: ReturnType<typeof ask> | null = ask(state.progress?.resume ?? null);
  let first = true;
  let initial = state.cursor === 0;
  let total = 0;
  let done = 0;
  let finished = true;
  const changed = new Set<number>();
  const written = new Set<string>();
  const noteDropped = (dropped: { caseIds: number[]; tables: string[] }) => {
    for (const id of dropped.caseIds) changed.add(id);
    for (const table of dropped.tables) written.add(table);
  };
  try {
    while (next) {
      const page: PullOutput | null = await next.answer.catch((error: unknown) => {
        if (first && state.progress && error instanceof ServiceRefusal && error.code === 'pull.badResume') return null;
        throw error;
      });
      next = null;
      if (page === null) {
        // A resume token the service no longer takes (given before an upgrade of it, say): the interrupted pull starts
        // again from the cursor, writing its rows again to the same effect, rather than being refused for ever.
        writeSyncState(sqlite, { cursor: state.cursor, progress: null });
        state = readSyncState(sqlite);
        marksEachPage = true;
        next = ask(null);
        continue;
      }
      if (first) {
        first = false;
        // A new central schema: the cache is emptied (the outbox kept) and this pull starts again from nothing.
        if (resetCacheIfSchemaChanged(sqlite, page.schema)) {
          state = readSyncState(sqlite);
          initial = true;
          marksEachPage = true;
          next = ask(null);
          first = true;
          continue;
        }
        if (options.onProgress && page.more) {
          // How many rows the whole pull brings, for the progress: asked for beside the second page, not with the
          // first (at a million cases the count takes the service 15 s, and the first page would wait for it). Until
          // it comes the progress has no total; a count that fails leaves it so, and a pull never waits for it.
          void service
            .pull({ after: state.cursor, limit: 1, resume: page.resume, count: true })
            .then((answer) => {
              total = answer.remaining ?? 0;
            }, () => undefined);
        }
        // Nothing new: the cache is level with the target already. Not so for an interrupted pull resuming, whose
        // rows may all have changed again since (past its target, they come next): it ends as every pull does.
        if (!resumed && !page.more && page.tables.length === 0) {
          if (hasDeferredSchema(sqlite)) restore();
          // A change applied centrally whose answer was lost, pulled before it was sent again: answered "already
          // applied" at last, its own rows stand beside the central ones until they go here.
          noteDropped(sqlite.transaction(() => dropSettledOptimisticRows(sqlite))());
          break;
        }
        // Into an empty cache (or one being filled again after a reset, or an interrupted such pull resuming): the
        // secondary indexes of cases and its search triggers are built once at the end (deferredIndexes.ts).
        if (initial) deferCaseIndexes(sqlite);
      }
      // The next page is on its way while this one is written: the request must leave before the (synchronous)
      // write holds this thread, or the service would only hear of it afterwards.
      if (page.more) {
        next = ask(page.resume);
        await next.sent;
      }
      const tables = page.tables.map(rowsOf);
      sqlite.transaction(() => {
        const pageCases = new Set<number>();
        for (const rows of tables) {
          writer.write(rows);
          if (rows.rows.length > 0) written.add(rows.table.local);
          const caseColumn = caseColumnOf(rows.table);
          if (caseColumn) {
            const caseOf = columnOf(rows, caseColumn);
            const ids = rows.rows.map((row) => Number(caseOf(row)));
            for (const id of ids) pageCases.add(id);
            // The service leaves closed cases' detail out of this first download: fetched when such a case is opened,
            // from the page that brought its row on (a later page never brings the row again, nor the detail).
            if (rows.table.local === 'cases' && page.closedDetailLeftOut) markDetailOnServer(sqlite, ids, page.target);
          }
        }
        if (!initial) rebaseCases(core, pageCases);
        for (const id of pageCases) changed.add(id);
        if (!page.more) {
          if (page.closedDetailLeftOut && !marksEachPage) markAllClosedDetailOnServer(sqlite);
          // Before the pending entries are replayed: their changes go through the triggers again.
          restore();
          noteDropped(dropSettledOptimisticRows(sqlite));
          // A cache filled from scratch holds no optimistic rows yet: replay what is still pending.
          if (initial) rebaseCases(core, pendingCaseIds(sqlite));
          writeSyncState(sqlite, { cursor: page.target, progress: null });
        } else {
          writeSyncState(sqlite, { cursor: state.cursor, progress: { target: page.target, resume: page.resume!, marksEachPage } });
        }
      })();
      // While the service prepares the next page: one index of a table that is complete now, not all at the end.
      if (initial && page.more) restoreOneDeferredIndex(sqlite, tablesBefore(page));
      const pageRows = tables.reduce((n, t) => n + t.rows.length, 0);
      done += pageRows;
      options.onProgress?.(done, total > 0 ? Math.max(total, done) : page.more ? 0 : done);
      for (const { table, rows } of tables) options.afterPage?.(table.local, rows.length);
      if (next && options.yieldTo?.()) {
        finished = false;
        break;
      }
    }
  } finally {
    if (next) await next.answer.catch(() => undefined);
  }
  const changedCases = initial || changed.size > 5_000 ? 'all' : changed;
  const result: PullResult = { rows: done, changedCases, tables: written, finished };
  if (!resumed || !finished) return result;
  // A resumed pull ran up to the target of the interrupted one; what was committed since comes now.
  const more = await pullChanges(service, core, options);
  return {
    rows: result.rows + more.rows,
    changedCases:
      result.changedCases === 'all' || more.changedCases === 'all' ? 'all' : new Set([...result.changedCases, ...more.changedCases]),
    tables: new Set([...result.tables, ...more.tables]),
    finished: more.finished,
  };
}
