// The quarantine with a central server (real PostgreSQL): the client may not create cases, so "re-import" saves
// the fix and marks the record ready through the outbox (`quarantine.update`), for the importer at the server.
// A discard is shipped the same way. A reader's change is refused by PostgreSQL itself.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { centralApplierFor } from '../../core/sync/centralAppliers';
import type { QuarantineList, QuarantineReimportResult } from '../../shared/contract';
import { useCentralDatabase } from '../support/centralDatabase';
import { eventually, type Client } from '../support/syncClients';

let admin: pg.Client;
const central = useCentralDatabase('quarantine_central', {
  seedCases: 5,
  async setup({ admin: owner }) {
    admin = owner;
  },
});

/** What the importer (the database owner) writes for a record it could not take. */
async function quarantinedCentrally(): Promise<string> {
  const id = randomUUID();
  await admin.query(
    `INSERT INTO import_quarantine (id, source, message_id, raw, reasons) VALUES ($1, 'innboks.json', 'ELS-77', $2, $3)`,
    [id, '{"messageId":"ELS-77","kind":"request"}', JSON.stringify([{ path: 'requestType', code: 'invalid_value', message: 'Missing' }])],
  );
  return id;
}

const centralRow = async (id: string) =>
  (await admin.query('SELECT raw, state, resolved_by, resolved_at, resolution_note FROM import_quarantine WHERE id = $1', [id])).rows[0];

async function ok<T>(client: Client, name: string, input: unknown): Promise<T> {
  const result = await client.core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const cachedIds = (client: Client) =>
  (client.core.database.sqlite.prepare('SELECT id FROM import_quarantine').all() as { id: string }[]).map((r) => r.id);

describe('quarantine.update against PostgreSQL', () => {
  it('a case handler re-imports: the fix is saved centrally and the record marked ready, by their login', async () => {
    const id = await quarantinedCentrally();
    const anne = await central.startClient('anne', 'case_handler');
    await eventually(() => cachedIds(anne).includes(id), 10_000, 'the quarantined record to reach the cache');

    const fixed = '{"messageId":"ELS-77","kind":"request","requestType":"fuse_change"}';
    const result = await ok<QuarantineReimportResult>(anne, 'quarantine.reimport', { id, raw: fixed });
    expect(result).toEqual({ outcome: 'queuedForImporter' });
    // At once, before the server has it: the local view shows the change as made (and as not yet sent).
    const now = await ok<QuarantineList>(anne, 'quarantine.list', { states: ['ready'] });
    expect(now.items.map((item) => item.id)).toContain(id);

    await expect.poll(async () => (await centralRow(id)).state, { timeout: 10_000 }).toBe('ready');
    const row = await centralRow(id);
    expect(row).toMatchObject({ raw: fixed, resolved_by: anne.login });
    expect(row.resolved_at).not.toBeNull();
    // The server's row comes back through the pull, and nothing is pending any more.
    await expect
      .poll(() => (anne.core.database.sqlite.prepare('SELECT state FROM import_quarantine WHERE id = ?').get(id) as { state: string }).state, {
        timeout: 10_000,
      })
      .toBe('ready');
    const settled = await ok<QuarantineList>(anne, 'quarantine.list', { states: ['ready'] });
    expect(settled.items.find((item) => item.id === id)?.pending).toBe(false);
  });

  it('a discard is shipped too, and the row stays', async () => {
    const id = await quarantinedCentrally();
    const anne = central.clients[0];
    await eventually(() => cachedIds(anne).includes(id), 10_000, 'the quarantined record to reach the cache');
    await ok(anne, 'quarantine.discard', { id, reason: 'Testmelding fra portalen' });
    await expect.poll(async () => (await centralRow(id)).state, { timeout: 10_000 }).toBe('discarded');
    expect(await centralRow(id)).toMatchObject({ resolved_by: anne.login, resolution_note: 'Testmelding fra portalen' });
  });

  it('a reader is refused by PostgreSQL, and by the app before that', async () => {
    const id = await quarantinedCentrally();
    const rita = await central.startClient('rita', 'reader');
    const readerLogin = rita.login;
    const direct = new pg.Client({ connectionString: central.db.urlFor(readerLogin) });
    await direct.connect();
    try {
      await direct.query('BEGIN');
      const applier = centralApplierFor('quarantine.update')!;
      const entry = { seq: 1, mutation: 'quarantine.update', args: { id, raw: '{}', state: 'ready' }, precondition: {}, caseId: null, createdAt: new Date().toISOString() };
      await expect(applier(direct, entry)).rejects.toMatchObject({ code: '42501' });
      await direct.query('ROLLBACK');
    } finally {
      await direct.end();
    }

    // The app does not even record it for a reader (their role has come down with the first pull).
    await eventually(() => cachedIds(rita).includes(id), 10_000, 'the quarantined record to reach the cache');
    expect(await rita.core.dispatch('quarantine.discard', { id, reason: 'nei' })).toMatchObject({
      ok: false,
      error: { code: 'permission.denied' },
    });
    expect((await centralRow(id)).state).toBe('open');
  });
});
