// Bad input and bad days: a wrong password, the server down at start, the connection cut mid-push, a change
// the central side refuses, a malformed row from the central side. Each gets a clear status, loses nothing, and
// sync resumes when the cause is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { differencesFromCentral, eventually, removeClientFiles, seedCentral, startClient, type Client } from '../../support/syncClients';
import { startTcpProxy, type TcpProxy } from '../../support/tcpProxy';
import { startPasswordCluster } from '../../support/passwordCluster';
import { createCore } from '../../../electron/core/createCore';
import { MIGRATIONS_FOLDER } from '../../harness/harnessCore';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectCentral } from '../../../electron/core/sync/centralConnection';
import type { RefusedChange } from '../../../electron/shared/contract';
import { ok } from '../../support/apiResult';

let db: TestDatabase;
let proxy: TcpProxy;
const clients: Client[] = [];

beforeAll(async () => {
  db = await createTestDatabase('sync_failures');
  await seedCentral(db, 120);
  const server = new URL(db.adminUrl);
  proxy = await startTcpProxy(server.hostname, Number(server.port || 5432));
});

afterAll(async () => {
  for (const client of clients) {
    await client.close();
    removeClientFiles(client);
  }
  await proxy?.close();
  await db?.drop();
});

type StatusView = { state: string; reason: string | null; pending: number; refused: number; detail: string | null };
const status = async (client: Client) => ok<StatusView>(await client.core.dispatch('sync.status', {}));
const centralCount = async (sql: string, params: unknown[] = []) => {
  const admin = await connectCentral(db.adminUrl);
  try {
    return Number((await admin.query<{ n: number }>(sql, params)).rows[0].n);
  } finally {
    await admin.end();
  }
};

describe('when things go wrong', () => {
  it('says the password is wrong, and writes nothing anywhere', async () => {
    // The shared test server trusts local connections, so this one runs against a cluster that checks passwords.
    const cluster = await startPasswordCluster('right-password');
    const directory = mkdtempSync(path.join(tmpdir(), 'desk-wrongpw-'));
    const core = createCore({
      databaseFile: path.join(directory, 'cache.sqlite'),
      migrationsFolder: MIGRATIONS_FOLDER,
      attachmentsDirectory: path.join(directory, 'attachments'),
      host: { openFile: async () => {} },
      central: { credentials: cluster.url('postgres', 'wrong-password'), userId: 'postgres', engine: { backoff: { initialMs: 50, maxMs: 200 } } },
    });
    const client: Client = { core, login: 'postgres', directory, close: () => core.close() };
    clients.push(client);
    try {
      const view = await waitForState(client, 'error');
      expect(view.reason).toBe('wrongPassword');
      expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    } finally {
      await core.close();
      cluster.stop();
    }
  });

  it('starts offline when the server is down, keeps changes as pending, and catches up when it is back', async () => {
    proxy.cut();
    const anne = await startClient(db, 'anne', 'case_handler', {}, undefined);
    await anne.close();
    const offline = await startClient(db, 'anne', 'case_handler', {}, { login: anne.login, directory: anne.directory, url: proxy.urlFor });
    clients.push(offline);
    const view = await waitForState(offline, 'offline');
    expect(view.reason).toMatch(/unreachable|connectionLost|timeout/);
    // Work goes on: the cache was filled before the drop, and a note written now waits in the outbox.
    ok(await offline.core.dispatch('case.addNote', { caseId: 3, body: 'Skrevet uten nett.' }));
    expect((await status(offline)).pending).toBe(1);
    // A claim made offline is a request, never shown as held; Fetch next needs the server and says so.
    const { id: wanted } = offline.core.database.sqlite
      .prepare("SELECT id FROM cases WHERE claimed_by IS NULL AND status = 'in_review' ORDER BY id LIMIT 1")
      .get() as { id: number };
    ok(await offline.core.dispatch('case.claim', { caseId: wanted }));
    expect(ok<{ claim: { state: string } }>(await offline.core.dispatch('case.get', { caseId: wanted })).claim.state).toBe('requested');
    expect(await offline.core.dispatch('queue.fetchNext', {})).toMatchObject({ ok: false, error: { code: 'central.offline' } });
    const note = offline.core.database.sqlite.prepare('SELECT pending_seq FROM notes WHERE body = ?').get('Skrevet uten nett.') as {
      pending_seq: number | null;
    };
    expect(note.pending_seq).not.toBeNull();
    proxy.restore();
    await offline.core.central!.engine.whenIdle();
    expect((await status(offline)).pending).toBe(0);
    expect(ok<{ claim: { state: string } }>(await offline.core.dispatch('case.get', { caseId: wanted })).claim.state).toBe('mine');
    expect(await centralCount('SELECT count(*) AS n FROM notes WHERE body = $1', ['Skrevet uten nett.'])).toBe(1);
    expect(await differencesFromCentral(offline.core, db.adminUrl)).toEqual([]);
  });

  it('survives the connection dying after the central commit but before the reply: applied exactly once', async () => {
    let cutOnce = true;
    const bjorn = await startClient(db, 'bjorn', 'case_handler', {
      push: {
        afterCentralCommit: () => {
          if (!cutOnce) return;
          cutOnce = false;
          proxy.cut();
          setTimeout(() => proxy.restore(), 150);
          throw new Error('Connection terminated');
        },
      },
    }, { login: await db.createLogin('bjorn', 'case_handler'), directory: mkdtempSync(path.join(tmpdir(), 'desk-bjorn-')), url: proxy.urlFor });
    clients.push(bjorn);
    await bjorn.core.central!.engine.whenIdle();
    ok(await bjorn.core.dispatch('case.addNote', { caseId: 4, body: 'Svar tapt på veien.' }));
    await eventually(() => !cutOnce, 5_000, 'the cut');
    await bjorn.core.central!.engine.whenIdle();
    expect(await centralCount('SELECT count(*) AS n FROM notes WHERE body = $1', ['Svar tapt på veien.'])).toBe(1);
    expect((await status(bjorn)).pending).toBe(0);
    expect(await differencesFromCentral(bjorn.core, db.adminUrl)).toEqual([]);
  });

  it('rolls back a change the central side refuses, says why, and keeps what was written', async () => {
    const carl = await startClient(db, 'carl', 'case_handler');
    const dina = await startClient(db, 'dina', 'case_handler');
    clients.push(carl, dina);
    await Promise.all([carl.core.central!.engine.whenIdle(), dina.core.central!.engine.whenIdle()]);
    const { id: caseId, status: before } = carl.core.database.sqlite
      .prepare("SELECT id, status FROM cases WHERE status = 'in_review' AND claimed_by IS NULL ORDER BY id LIMIT 1")
      .get() as { id: number; status: string };
    ok(await carl.core.dispatch('case.claim', { caseId }));
    await carl.core.central!.engine.whenIdle();
    await eventually(
      () => (dina.core.database.sqlite.prepare('SELECT claimed_by FROM cases WHERE id = ?').get(caseId) as { claimed_by: string | null }).claimed_by === carl.login,
      3_000,
      'dina to see the claim',
    );
    // Dina asks for the claim too; then tries to change the case anyway: both refused by PostgreSQL.
    ok(await dina.core.dispatch('case.claim', { caseId }));
    ok(await dina.core.dispatch('case.setStatus', { caseId, status: 'waiting_for_info' }));
    await dina.core.central!.engine.whenIdle();
    const refused = ok<RefusedChange[]>(
      await dina.core.dispatch('outbox.refused', {}),
    );
    expect(refused.map((r) => [r.mutation, r.reason, r.canReapply])).toEqual([
      ['case.claim', 'claimedByOther', true],
      ['case.setStatus', 'claimedByOther', true],
    ]);
    expect(refused[1].args).toMatchObject({ caseId, status: 'waiting_for_info' });
    expect(dina.core.database.sqlite.prepare('SELECT status FROM cases WHERE id = ?').get(caseId)).toEqual({ status: before });
    expect(await differencesFromCentral(dina.core, db.adminUrl)).toEqual([]);
  });

  it('stops at a malformed row from the central side with a clear message, and resumes once it is fixed', async () => {
    const erik = await startClient(db, 'erik', 'case_handler');
    clients.push(erik);
    await erik.core.central!.engine.whenIdle();
    const admin = await connectCentral(db.adminUrl);
    try {
      await admin.query("UPDATE cases SET status = 'approved_by_magic' WHERE id = 7");
      const view = await waitForState(erik, 'error');
      expect(view.reason).toBe('badRow');
      expect(view.detail).toContain('approved_by_magic');
      // The rest of the cache is untouched and still usable.
      expect(ok<{ total: number }>(await erik.core.dispatch('queue.list', { filters: {} })).total).toBe(120);
      await admin.query("UPDATE cases SET status = 'in_review' WHERE id = 7");
    } finally {
      await admin.end();
    }
    await erik.core.central!.engine.whenIdle();
    expect(erik.core.database.sqlite.prepare('SELECT status FROM cases WHERE id = 7').get()).toEqual({ status: 'in_review' });
  });
});

async function waitForState(client: Client, state: string): Promise<StatusView> {
  for (let i = 0; i < 250; i++) {
    const current = await status(client);
    if (current.state === state) return current;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`never reached ${state}: ${JSON.stringify(await status(client))}`);
}
