// Copies a local (SQLite) demo database into an empty central database in one transaction: either the whole
// demo is there or nothing is. The attachment files' content goes into attachment_blobs.
import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import type { AttachmentStore } from '../../core/attachments/attachmentStore';
import { DEMO_TABLES, IDENTITY_TABLES, type TableCopy } from './demoTables';
import { prepareBulkLoad } from './bulkLoad';
import { UnnestInsert } from './unnestInsert';

export class CentralNotEmptyError extends Error {
  constructor(readonly existingCases: number) {
    super(`The central database already holds ${existingCases} cases: seed an empty database.`);
    this.name = 'CentralNotEmptyError';
  }
}

async function copyTable(
  client: pg.ClientBase,
  sqlite: Database.Database,
  copy: TableCopy,
  version: number,
): Promise<number> {
  const insert = new UnnestInsert(client, copy.table, copy.columns, 5_000, { fixed: { version }, onConflict: copy.onConflict });
  const names = copy.columns.map((c) => c.name).join(', ');
  const rows = sqlite.prepare(`SELECT ${names} FROM ${copy.from ?? copy.table} ORDER BY ${copy.orderBy}`).raw();
  const derive = derivation(copy);
  for (const row of rows.iterate() as IterableIterator<unknown[]>) await insert.add(derive(row));
  await insert.flush();
  return insert.inserted;
}

/** The local row as the central table takes it: the table's derived columns, if any, worked out from the rest. */
function derivation(copy: TableCopy): (row: unknown[]) => unknown[] {
  const derived = copy.derived;
  if (!derived) return (row) => row;
  const names = copy.columns.map((c) => c.name);
  const targets = derived.map(({ column, from }) => {
    const at = names.indexOf(column);
    if (at < 0) throw new Error(`${copy.table}: the derived column ${column} is not copied`);
    return { at, from };
  });
  return (row) => {
    const local = Object.fromEntries(names.map((name, i) => [name, row[i]]));
    for (const { at, from } of targets) row[at] = from(local);
    return row;
  };
}

async function copyBlobs(client: pg.ClientBase, sqlite: Database.Database, store: AttachmentStore): Promise<number> {
  const hashes = sqlite.prepare('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256').pluck().all() as string[];
  for (const sha256 of hashes) {
    await client.query('INSERT INTO attachment_blobs (sha256, content) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      sha256,
      readFileSync(store.pathOf(sha256)),
    ]);
  }
  return hashes.length;
}

export async function copyLocalDatabase(
  client: pg.ClientBase,
  sqlite: Database.Database,
  store: AttachmentStore,
  /** Called after each step: a table copied (with its row count) or the indexes rebuilt. */
  onStep?: (step: string, rows?: number) => void,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await client.query('BEGIN');
  try {
    const { rows: [{ n }] } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    if (n > 0) throw new CentralNotEmptyError(n);
    const load = await prepareBulkLoad(client, [...DEMO_TABLES.map((t) => t.table), 'attachment_blobs']);
    for (const copy of DEMO_TABLES) {
      if (copy.table === 'attachments') {
        counts.attachment_blobs = await copyBlobs(client, sqlite, store);
        onStep?.('attachment_blobs', counts.attachment_blobs);
      }
      counts[copy.table] = await copyTable(client, sqlite, copy, load.version);
      onStep?.(copy.table, counts[copy.table]);
    }
    await load.restore();
    onStep?.('indexes and foreign keys rebuilt');
    for (const table of IDENTITY_TABLES) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, 'id'), max(id)) FROM ${client.escapeIdentifier(table)}`,
        [table],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('ANALYZE');
  return counts;
}
