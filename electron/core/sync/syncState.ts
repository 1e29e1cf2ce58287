// Where the cache stands against the central database, kept in the cache's meta table and always written in
// the same SQLite transaction as the rows it describes: a crash between pages loses nothing, repeats nothing.
import type Database from 'better-sqlite3';
import { readMeta, writeMeta } from '../db/openLocalDatabase';

export interface PullProgress {
  /** The central version this pull runs up to, fixed when it started. */
  target: number;
  /** The service's token for where the last page applied stopped. */
  resume: string;
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
  return typeof parsed.resume === 'string' && typeof parsed.target === 'number' ? { target: parsed.target, resume: parsed.resume } : null;
}
