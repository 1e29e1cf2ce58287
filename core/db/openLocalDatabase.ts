// Opens (creating if needed) the local SQLite database and brings its schema up to date.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { randomUUID } from 'node:crypto';
import * as schema from '../../db/local/schema';

export type LocalDb = BetterSQLite3Database<typeof schema>;

export interface LocalDatabase {
  sqlite: Database.Database;
  db: LocalDb;
  clientId: string;
  close(): void;
}

export interface OpenOptions {
  file: string;
  migrationsFolder: string;
  /** The Electron build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string;
  /**
   * Off for a cache of the central database: that database enforces its own integrity, and in the middle of a
   * pull a child row (an attachment of a case changed meanwhile) can arrive before its parent's newest version.
   */
  enforceForeignKeys?: boolean;
}

export class MigrationTamperedError extends Error {
  constructor(readonly migrationIndex: number) {
    super(`Applied migration #${migrationIndex} differs from the one shipped with this version.`);
    this.name = 'MigrationTamperedError';
  }
}

/** A migration, once applied anywhere, must never change: the hash drizzle recorded must match the file. */
function refuseEditedMigrations(sqlite: Database.Database, migrationsFolder: string): void {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return;
  const applied = sqlite.prepare('SELECT hash FROM __drizzle_migrations ORDER BY id').all() as { hash: string }[];
  const shipped = readMigrationFiles({ migrationsFolder });
  applied.forEach((row, i) => {
    if (shipped[i] && shipped[i].hash !== row.hash) throw new MigrationTamperedError(i);
  });
}

export const NEW_FILE_PAGE_SIZE = 8192;

export function openLocalDatabase(options: OpenOptions): LocalDatabase {
  const sqlite = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  // A new file gets 8 kB pages: fewer page ends left unfilled by rows of a few hundred bytes (a case, an offer), about
  // 2 % less cache at 100 000 cases. An existing file keeps its pages (changing them needs a VACUUM of the whole file).
  if (Number(sqlite.pragma('page_count', { simple: true })) === 0) sqlite.pragma(`page_size = ${NEW_FILE_PAGE_SIZE}`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`foreign_keys = ${options.enforceForeignKeys === false ? 'OFF' : 'ON'}`);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  refuseEditedMigrations(sqlite, options.migrationsFolder);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: options.migrationsFolder });
  const clientId = ensureClientId(sqlite);
  return { sqlite, db, clientId, close: () => sqlite.close() };
}

function ensureClientId(sqlite: Database.Database): string {
  const row = sqlite.prepare("SELECT value FROM meta WHERE key = 'client_id'").get() as { value: string } | undefined;
  if (row) return row.value;
  const clientId = randomUUID();
  sqlite.prepare("INSERT INTO meta (key, value) VALUES ('client_id', ?)").run(clientId);
  return clientId;
}

export function readMeta(sqlite: Database.Database, key: string): string | null {
  const row = sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(sqlite: Database.Database, key: string, value: string): void {
  sqlite
    .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, value);
}
