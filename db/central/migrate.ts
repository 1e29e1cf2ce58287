// Brings a central database up to date with the shipped migrations (drizzle's node-postgres migrator) and says
// which ones it applied. One connection throughout: the advisory lock that keeps two migrators apart is held by
// the session that migrates.
import { drizzle } from 'drizzle-orm/node-postgres';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

export const CENTRAL_MIGRATIONS = path.resolve(__dirname, 'migrations');
/** pg_advisory_lock key: any fixed number no other part of the app uses. */
const MIGRATION_LOCK = 7_340_215_001;

export class CentralMigrationTamperedError extends Error {
  constructor(readonly tag: string) {
    super(`Central migration ${tag} was applied with other content than the file shipped now. Migrations must not be edited once applied.`);
    this.name = 'CentralMigrationTamperedError';
  }
}

interface JournalEntry {
  tag: string;
  when: number;
}

function journal(migrationsFolder: string): JournalEntry[] {
  const file = path.join(migrationsFolder, 'meta', '_journal.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { entries: JournalEntry[] }).entries;
}

async function appliedHashes(client: pg.ClientBase): Promise<{ hash: string; created_at: string }[]> {
  const { rows: [exists] } = await client.query<{ found: boolean }>(
    "SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found",
  );
  if (!exists.found) return [];
  const { rows } = await client.query<{ hash: string; created_at: string }>(
    'SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id',
  );
  return rows;
}

/** Applies what is pending; returns the tags applied (empty when the database was up to date). */
export async function migrateCentral(
  client: pg.Client | pg.PoolClient,
  migrationsFolder: string = CENTRAL_MIGRATIONS,
): Promise<{ applied: string[]; total: number }> {
  const entries = journal(migrationsFolder);
  const shipped = readMigrationFiles({ migrationsFolder });
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    const before = await appliedHashes(client);
    before.forEach((row, i) => {
      if (shipped[i] && shipped[i].hash !== row.hash) throw new CentralMigrationTamperedError(entries[i].tag);
    });
    const last = before.length === 0 ? -Infinity : Number(before[before.length - 1].created_at);
    const pending = entries.filter((entry) => entry.when > last).map((entry) => entry.tag);
    if (pending.length > 0) await migrate(drizzle(client), { migrationsFolder });
    return { applied: pending, total: entries.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
