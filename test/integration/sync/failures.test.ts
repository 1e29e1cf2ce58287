// Bad input and bad days: a wrong password, the service unreachable at start, the connection cut mid-push, a change
// the central side refuses, a malformed row from the central side. Each gets a clear status or report, loses
// nothing, and sync resumes (or goes on) when the cause is gone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/createCore';
import { signIn } from '../../../core/service/serviceAuth';
import { ServiceRefusal } from '../../../core/service/serviceHttp';
import { connectCentral } from '../../../core/sync/centralConnection';
import type { RefusedChange } from '../../../shared/contract';
import { MIGRATIONS_FOLDER } from '../../../harness/harnessCore';
import { ok } from '../../support/apiResult';
import { useCentralDatabase } from '../../support/centralDatabase';
import { TEST_PASSWORD } from '../../support/postgres';
import { serviceFor } from '../../support/serviceInstances';
import { differencesFromCentral, eventually, type Client } from '../../support/syncClients';
import { startTcpProxy, type TcpProxy } from '../../support/tcpProxy';

// The network between desk and service is a proxy the tests cut and restore; the service and PostgreSQL stay up.
let proxy: TcpProxy;
const central = useCentralDatabase('sync_failures', {
  seedCases: 120,
  async setup({ db }) {
    const { url } = await serviceFor(db);
    proxy = await startTcpProxy('127.0.0.1', Number(new URL(url).port));
  },
});
const { clients } = central;
const db = () => central.db;

afterAll(async () => {
  await proxy?.close();
});

type StatusView = { state: string; reason: string | null; pending: number; refused: number; detail: string | null };
const status = async (client: Client) => ok<StatusView>(await client.core.dispatch('sync.status', {}));
const centralCount = async (sql: string, params: unknown[] = []) => {
  const admin = await connectCentral(db().adminUrl);
  try {
    return Number((await admin.query<{ n: number }>(sql, params)).rows[0].n);
  } finally {
    await admin.end();
  }
};

describe('when things go wrong', () => {
  it('says the password is wrong, and writes nothing anywhere', async () => {
    const { url } = await serviceFor(db());
    const login = await db().createLogin('vera', 'case_handler');
    const sessions = () => centralCount('SELECT count(*) AS n FROM service_sessions');
    const before = await sessions();
    const refusal = await signIn({ url }, login, 'wrong-password').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ServiceRefusal);
    expect(refusal).toMatchObject({ status: 401, code: 'auth.wrongPassword' });
    expect(await sessions()).toBe(before);
    // A desk whose token the service does not accept (never issued, expired, signed out) says so, and downloads nothing.
    const directory = mkdtempSync(path.join(tmpdir(), 'desk-wrongpw-'));
    let signedOut = 0;
    const core = createCore({
      databaseFile: path.join(directory, 'cache.sqlite'),
      migrationsFolder: MIGRATIONS_FOLDER,
      attachmentsDirectory: path.join(directory, 'attachments'),
      host: { openFile: async () => {} },
      central: {
        service: { url },
        token: 'not-a-token-the-service-issued',
        userId: login,
        engine: { backoff: { initialMs: 50, maxMs: 200 } },
        onSignedOut: () => signedOut++,
      },
    });
    const client: Client = { core, login, directory, close: () => core.close() };
    clients.push(client);
    const view = await waitForState(client, 'error');
    expect(view.reason).toBe('signedOut');
    expect(signedOut).toBeGreaterThan(0);
    expect(core.database.sqlite.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    await core.close();
    // Signing in with the right password works (the wrong one did not lock the account).
    await expect(signIn({ url }, login, TEST_PASSWORD)).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('starts offline when the server is down, keeps changes as pending, and catches up when it is back', async () => {
    const anne = await central.startClient('anne', 'case_handler');
    await anne.core.central!.engine.whenIdle();
    await anne.close();
    proxy.cut();
    const offline = await central.startClient('anne', 'case_handler', {}, { login: anne.login, directory: anne.directory, url: (target) => proxy.urlFor(target) });
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
    expect(await differencesFromCentral(offline.core, db().adminUrl)).toEqual([]);
  });

  it('survives the connection dying after the central commit but before the reply: applied exactly once', async () => {
    let cutOnce = true;
    const bjorn = await central.startClient('bjorn', 'case_handler', {
      push: {
        afterCentralCommit: () => {
          if (!cutOnce) return;
          cutOnce = false;
          proxy.cut();
          setTimeout(() => proxy.restore(), 150);
          throw new Error('Connection terminated');
        },
      },
    }, { login: await db().createLogin('bjorn', 'case_handler'), directory: mkdtempSync(path.join(tmpdir(), 'desk-bjorn-')), url: (target) => proxy.urlFor(target) });
    await bjorn.core.central!.engine.whenIdle();
    ok(await bjorn.core.dispatch('case.addNote', { caseId: 4, body: 'Svar tapt på veien.' }));
    await eventually(() => !cutOnce, 5_000, 'the cut');
    await bjorn.core.central!.engine.whenIdle();
    expect(await centralCount('SELECT count(*) AS n FROM notes WHERE body = $1', ['Svar tapt på veien.'])).toBe(1);
    expect((await status(bjorn)).pending).toBe(0);
    expect(await differencesFromCentral(bjorn.core, db().adminUrl)).toEqual([]);
  });

  it.each([
    ['britt', 'on the pull after the retry', false],
    ['berit', "on the next round's first pull, when the one after the retry lost its answer", true],
  ])('keeps no second copy of history when a lost reply is retried after the pull already brought it (%s: %s)', async (name, _, cutPullAfterRetry) => {
    // The claim is applied centrally and its answer lost; the desk's next pull brings the central history while the
    // claim is still pending here (so its own event is replayed beside it), and the retry is answered "already
    // applied" with nothing new left to pull: the desk's own event must go then, not wait for a later change, and the
    // open case must hear of it (from whichever pull it was).
    let answers = 0;
    const desk = await central.startClient(name, 'case_handler', {
      push: {
        afterCentralCommit: () => {
          answers++;
          if (answers === 1) throw new Error('Connection terminated (the answer lost)');
          if (answers === 2 && cutPullAfterRetry) proxy.dropReplyTo('GET /api/pull');
        },
      },
    }, { login: await db().createLogin(name, 'case_handler'), directory: mkdtempSync(path.join(tmpdir(), `desk-${name}-`)), url: (target) => proxy.urlFor(target) });
    await desk.core.central!.engine.whenIdle();
    const { id: caseId } = desk.core.database.sqlite
      .prepare("SELECT id FROM cases WHERE claimed_by IS NULL AND status IN ('new', 'in_review') ORDER BY id DESC LIMIT 1")
      .get() as { id: number };
    const ownEvents = () => (desk.core.database.sqlite.prepare('SELECT count(*) AS n FROM case_events WHERE pending_seq IS NOT NULL').get() as { n: number }).n;
    const batches: Array<{ caseIds: readonly number[]; tables: readonly string[]; ownEvents: number }> = [];
    desk.core.onChange((batch) => batches.push({ ...batch, ownEvents: ownEvents() }));
    const dropped = proxy.repliesDropped;
    ok(await desk.core.dispatch('case.claim', { caseId }));
    await eventually(() => answers >= 2, 5_000, 'the retry');
    await desk.core.central!.engine.whenIdle();
    expect(proxy.repliesDropped - dropped).toBe(cutPullAfterRetry ? 1 : 0);
    expect(ownEvents()).toBe(0);
    expect(await differencesFromCentral(desk.core, db().adminUrl)).toEqual([]);
    expect(batches.filter((batch) => batch.caseIds.includes(caseId) && batch.tables.includes('history')).at(-1)?.ownEvents).toBe(0);
    // The demo has few open cases nobody holds, and the tests after this one need them.
    ok(await desk.core.dispatch('case.release', { caseId }));
    await desk.core.central!.engine.whenIdle();
  });

  it('rolls back a change the central side refuses, says why, and keeps what was written', async () => {
    // The demo leaves few cases under review (most have run their course; its one may be claimed by a test above):
    // a free open case is put under review centrally before the desks start, whatever the demo drew.
    const admin = await connectCentral(db().adminUrl);
    let caseId: number;
    try {
      const { rows: [picked] } = await admin.query<{ id: string }>(
        `UPDATE cases SET status = 'in_review' WHERE id = (
           SELECT id FROM cases WHERE claimed_by IS NULL AND status IN ('in_review', 'new', 'waiting_for_info')
           ORDER BY status = 'in_review' DESC, id LIMIT 1)
         RETURNING id`,
      );
      caseId = Number(picked.id);
    } finally {
      await admin.end();
    }
    const carl = await central.startClient('carl', 'case_handler');
    const dina = await central.startClient('dina', 'case_handler');
    await Promise.all([carl.core.central!.engine.whenIdle(), dina.core.central!.engine.whenIdle()]);
    const { status: before } = carl.core.database.sqlite.prepare('SELECT status FROM cases WHERE id = ?').get(caseId) as { status: string };
    expect(before).toBe('in_review');
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
    expect(await differencesFromCentral(dina.core, db().adminUrl)).toEqual([]);
  });

  it('skips a malformed row from the central side with a clear report, goes on syncing, and takes the row once it is fixed', async () => {
    const erik = await central.startClient('erik', 'case_handler');
    await erik.core.central!.engine.whenIdle();
    const cached = () => erik.core.database.sqlite.prepare('SELECT status, free_text FROM cases WHERE id = 7').get() as { status: string; free_text: string | null };
    const before = cached();
    const admin = await connectCentral(db().adminUrl);
    let restoreCheck: (() => Promise<unknown>) | undefined;
    try {
      // PostgreSQL itself no longer stores an unknown status: the check is lifted for the test, as a faulty
      // migration or a hand edit might, and put back once the row is fixed.
      const { rows: [check] } = await admin.query<{ definition: string }>(
        "SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'cases_status_known'",
      );
      await admin.query('ALTER TABLE cases DROP CONSTRAINT cases_status_known');
      restoreCheck = () => admin.query(`ALTER TABLE cases ADD CONSTRAINT cases_status_known ${check.definition}`);
      await admin.query("UPDATE cases SET status = 'approved_by_magic' WHERE id = 7");
      await admin.query("UPDATE cases SET free_text = 'endret samtidig' WHERE id = 8");
      // Reported, with the row and what is wrong with it; the pull went on past it.
      const skipped = await eventually(async () => {
        const view = ok<{ skipped: { count: number; latest: Array<{ table: string; key: string; problem: string }> } }>(
          await erik.core.dispatch('sync.status', {}),
        );
        return view.skipped.count > 0 && view.skipped;
      }, 5_000, 'the skipped row reported');
      expect(skipped.latest[0]).toMatchObject({ table: 'cases', key: '7' });
      expect(skipped.latest[0].problem).toContain('approved_by_magic');
      await eventually(
        () => (erik.core.database.sqlite.prepare('SELECT free_text FROM cases WHERE id = 8').get() as { free_text: string }).free_text === 'endret samtidig',
        5_000,
        'the other change of the same pull',
      );
      expect((await status(erik)).state).not.toBe('error');
      // The cached row is the last good one, and the rest of the cache is untouched and still usable.
      expect(cached()).toEqual(before);
      expect(ok<{ total: number }>(await erik.core.dispatch('queue.list', { filters: {} })).total).toBe(120);
      await admin.query("UPDATE cases SET status = $1, free_text = 'rettet' WHERE id = 7", [before.status]);
    } finally {
      if (restoreCheck) {
        await admin.query("UPDATE cases SET status = $1 WHERE id = 7 AND status = 'approved_by_magic'", [before.status]);
        await restoreCheck();
      }
      await admin.end();
    }
    await eventually(() => cached().free_text === 'rettet', 5_000, 'the fixed row');
    await erik.core.central!.engine.whenIdle();
    expect(cached()).toEqual({ status: before.status, free_text: 'rettet' });
    expect(await differencesFromCentral(erik.core, db().adminUrl)).toEqual([]);
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
