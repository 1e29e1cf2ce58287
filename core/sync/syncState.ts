// Where the cache stands against the central database, kept in the cache's meta table and always written in
// the same SQLite transaction as the rows it describes: a crash between pages loses nothing, repeats nothing.
import type Database from 'better-sqlite3';
import { readMeta, writeMeta } from '../db/openLocalDatabase';

export interface PullProgress {
  /** The central version this pull runs up to, fixed when it started. */
  target: number;
  /** The service's token for where the last page applied stopped. */
  resume: string;
  /**
   * Closed cases whose detail it leaves out have been marked with each page since the pull began (a pull begun by an
   * older desk marked them only at its end, and still does).
   */
  marksEachPage?: boolean;
}

export interface SyncState {
  /** Every central change with a version up to this one is in the cache. */
  cursor: number;
  progress: PullProgress | null;
}

export function readSyncState(sqlite: Database.Database): SyncState {
  const progress = readMeta(sqlite, 'sync.progress');
  return {
    cursor: Number(readMeta(sqlite, 'sync.cursor') ?? 0),
    progress: progress ? progressOf(progress) : null,
  };
}

export function writeSyncState(sqlite: Database.Database, state: SyncState): void {
  const previous = Number(readMeta(sqlite, 'sync.cursor') ?? 0);
  if (state.cursor < previous) throw new Error(`The sync cursor may only move forward (${previous} → ${state.cursor})`);
  writeMeta(sqlite, 'sync.cursor', String(state.cursor));
  writeMeta(sqlite, 'sync.progress', state.progress ? JSON.stringify(state.progress) : '');
}

/** A progress written by an older desk (table and key, no resume token) starts that pull again from its cursor. */
function progressOf(text: string): PullProgress | null {
  const parsed = JSON.parse(text) as Partial<PullProgress>;
  if (typeof parsed.resume !== 'string' || typeof parsed.target !== 'number') return null;
  return { target: parsed.target, resume: parsed.resume, ...(parsed.marksEachPage === true ? { marksEachPage: true } : {}) };
}

export interface SkippedRow {
  table: string;
  key: string;
  problem: string;
  at: string;
}

const SKIPPED_KEY = 'sync.skipped';
const SKIPPED_KEPT = 50;

/** The rows the service sent that could not be stored: how many in all, and the latest few with their problem. */
export function readSkippedRows(sqlite: Database.Database): { count: number; latest: SkippedRow[] } {
  const text = readMeta(sqlite, SKIPPED_KEY);
  return text ? (JSON.parse(text) as { count: number; latest: SkippedRow[] }) : { count: 0, latest: [] };
}

/** Records a skipped row (in the transaction of the page it came with). */
export function recordSkippedRow(sqlite: Database.Database, row: Omit<SkippedRow, 'at'>): void {
  const known = readSkippedRows(sqlite);
  const latest = [{ ...row, at: new Date().toISOString() }, ...known.latest.filter((r) => r.table !== row.table || r.key !== row.key)];
  writeMeta(sqlite, SKIPPED_KEY, JSON.stringify({ count: known.count + 1, latest: latest.slice(0, SKIPPED_KEPT) }));
}
