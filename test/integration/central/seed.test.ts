// The demo seed: the local generator's rows arrive in the central database complete and unchanged, read back
// through localShapeTypes they equal the local rows column for column, and a second seed is refused.
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localShapeTypes } from '../../../db/central/rowTypes';
import { CentralNotEmptyError, copyLocalDatabase } from '../../../service/seed/copyLocalDatabase';
import { DEMO_TABLES } from '../../../service/seed/demoTables';
import { AttachmentStore } from '../../../core/attachments/attachmentStore';
import { openLocalDatabase, type LocalDatabase } from '../../../core/db/openLocalDatabase';
import { seedDatabase } from '../../../core/demo/seedDatabase';
import { DEMO_USERS } from '../../../core/demo/staff';
import type { OfferLine } from '../../../shared/rules';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';

let database: TestDatabase;
let directory: string;
let local: LocalDatabase;
let store: AttachmentStore;
let central: pg.Client;
let counts: Record<string, number>;

beforeAll(async () => {
  database = await createTestDatabase('seed');
  directory = mkdtempSync(path.join(tmpdir(), 'central-seed-'));
  local = openLocalDatabase({ file: path.join(directory, 'demo.sqlite'), migrationsFolder: path.resolve(__dirname, '../../../db/local/migrations') });
  store = new AttachmentStore(path.join(directory, 'attachments'));
  seedDatabase(local.sqlite, { cases: 300, seed: 7, today: '2026-11-28', attachmentStore: store });
  central = new pg.Client({ connectionString: database.adminUrl, types: localShapeTypes });
  await central.connect();
  counts = await copyLocalDatabase(central, local.sqlite, store);
});
afterAll(async () => {
  await central?.end();
  local?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
  await database?.drop();
});

const localRows = (sqlite: Database.Database, sql: string) => sqlite.prepare(sql).all() as Record<string, unknown>[];
const localCount = (table: string) => (local.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('the central demo seed', () => {
  it('copies every row of every table', async () => {
    for (const copy of DEMO_TABLES) {
      const { rows: [{ n }] } = await central.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${copy.table}`);
      expect(n, copy.table).toBe(localCount(copy.from ?? copy.table));
      expect(counts[copy.table], copy.table).toBe(n);
    }
    expect(counts.cases).toBe(300);
    const { rows: users } = await central.query<{ id: string }>('SELECT id FROM app_users ORDER BY id');
    expect(users.map((u) => u.id)).toEqual(DEMO_USERS.map((u) => u.id).sort());
  });

  it('reads back, through localShapeTypes, exactly as the local cache stores it', async () => {
    for (const copy of DEMO_TABLES) {
      const names = copy.columns.map((c) => c.name).join(', ');
      const order = copy.orderBy;
      const expected = localRows(local.sqlite, `SELECT ${names} FROM ${copy.from ?? copy.table} ORDER BY ${order}`)
        .map((row) => ({ ...row, ...Object.fromEntries((copy.derived ?? []).map(({ column, from }) => [column, from(row)])) }));
      const { rows } = await central.query(`SELECT ${names} FROM ${copy.table} ORDER BY ${order}`);
      const booleans = copy.columns.filter((c) => c.type === 'boolean').map((c) => c.name);
      const json = copy.columns.filter((c) => c.type === 'jsonb').map((c) => c.name);
      const comparable = (row: Record<string, unknown>) => {
        const out = { ...row };
        for (const name of booleans) out[name] = Boolean(out[name]);
        // jsonb keeps neither key order nor spacing: compare the values.
        for (const name of json) out[name] = JSON.parse(out[name] as string);
        return out;
      };
      expect(rows.map(comparable), copy.table).toEqual(expected.map(comparable));
    }
  });

  it("keeps an offer's whole calculation centrally, and the figures a desk pulls are the ones the demo desk keeps", async () => {
    const { rows } = await central.query<{ id: string; lines: string; totals: string; issued_figures: string }>(
      'SELECT id, lines, totals, issued_figures FROM offers ORDER BY id');
    const kept = new Map((localRows(local.sqlite, 'SELECT id, totals FROM offers') as { id: string; totals: string }[])
      .map((row) => [row.id, row.totals]));
    expect(rows.length).toBeGreaterThan(10);
    for (const offer of rows) {
      const whole = JSON.parse(offer.totals) as { lines: unknown[]; explanation: unknown[] };
      // OfferLine objects centrally, whatever form the desk stores them in (core/offers/storedLines.ts).
      const lines = JSON.parse(offer.lines) as OfferLine[];
      expect(lines.every((line) => typeof line.description === 'string' && typeof line.unitPriceOre === 'number')).toBe(true);
      expect(whole.lines).toHaveLength(lines.length);
      expect(whole.explanation.length).toBeGreaterThan(0);
      expect(offer.issued_figures).toBe(kept.get(offer.id));
    }
  });

  it('stores each attachment file once, addressed by its SHA-256', async () => {
    const { rows } = await central.query<{ n: number; missing: number }>(
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM attachments a
         WHERE NOT EXISTS (SELECT 1 FROM attachment_blobs b WHERE b.sha256 = a.sha256)) AS missing
       FROM attachment_blobs`,
    );
    expect(rows[0]).toEqual({ n: counts.attachment_blobs, missing: 0 });
  });

  it('leaves the database ready for use: one version, the note audit trigger on, identities past the copied ids', async () => {
    const { rows: versions } = await central.query('SELECT DISTINCT version FROM cases UNION SELECT DISTINCT version FROM case_events');
    expect(versions).toHaveLength(1);
    const { rows: [trigger] } = await central.query("SELECT tgenabled FROM pg_trigger WHERE tgname = 'notes_audit'");
    expect(trigger.tgenabled).toBe('O');
    const before = localCount('case_events');
    await central.query("INSERT INTO notes (id, case_id, author_id, body) VALUES (gen_random_uuid(), 1, 'kari.nordmann', 'Etter seed')");
    const { rows: [event] } = await central.query<{ id: number; at: string }>('SELECT id, at FROM case_events ORDER BY id DESC LIMIT 1');
    expect(event.id).toBeGreaterThan(before);
    expect(event.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('leaves the schema exactly as the migrations made it: indexes, foreign keys and triggers all back', async () => {
    const schemaOf = async (client: pg.Client) => (await client.query<{ item: string }>(
      `SELECT indexdef AS item FROM pg_indexes WHERE schemaname = 'public'
       UNION ALL SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace
       UNION ALL SELECT tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
       ORDER BY 1`,
    )).rows.map((row) => row.item);
    const fresh = await createTestDatabase('seed_fresh');
    const client = new pg.Client({ connectionString: fresh.adminUrl });
    await client.connect();
    try {
      const expected = await schemaOf(client);
      expect(expected.length).toBeGreaterThan(60);
      expect(await schemaOf(central)).toEqual(expected);
    } finally {
      await client.end();
      await fresh.drop();
    }
  });

  it('refuses to seed a database that already holds cases, and changes nothing', async () => {
    const error = await copyLocalDatabase(central, local.sqlite, store).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CentralNotEmptyError);
    const { rows: [{ n }] } = await central.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    expect(n).toBe(300);
  });
});
