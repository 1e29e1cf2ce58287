// The claim heartbeat: while the app runs, a held claim outlives its lease; when it stops, the lease lapses and
// someone else can take the case; and a claim found gone when renewing stops showing as held at once. Each desk
// signs in to the central service, which grants, renews and refuses the claims (leases of 5 minutes).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../core/createCore';
import { signIn } from '../../../core/service/serviceAuth';
import { connectCentral } from '../../../core/sync/centralConnection';
import { MIGRATIONS_FOLDER } from '../../../harness/harnessCore';
import { ok } from '../../support/apiResult';
import { useCentralDatabase } from '../../support/centralDatabase';
import { TEST_PASSWORD } from '../../support/postgres';
import { serviceFor } from '../../support/serviceInstances';
import { differencesFromCentral, eventually, type Client } from '../../support/syncClients';

let free: number[] = [];
const central = useCentralDatabase('sync_heartbeat', {
  seedCases: 30,
  async setup({ admin }) {
    free = (await admin.query<{ id: number }>('SELECT id FROM cases WHERE claimed_by IS NULL ORDER BY id LIMIT 6')).rows.map((r) => Number(r.id));
  },
});
const { clients } = central;
const db = () => central.db;

const HEARTBEAT_MS = 200;
const NO_HEARTBEAT = 3_600_000;

async function asAdmin<T>(work: (admin: Awaited<ReturnType<typeof connectCentral>>) => Promise<T>): Promise<T> {
  const admin = await connectCentral(db().adminUrl);
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** A desk signed in to the service with its own claim heartbeat (startClient sets none). */
async function startHandler(name: string, heartbeatMs: number): Promise<Client> {
  const login = await db().createLogin(name, 'case_handler');
  const directory = mkdtempSync(path.join(tmpdir(), `desk-heartbeat-${name}-`));
  const { url } = await serviceFor(db());
  const { token } = await signIn({ url }, login, TEST_PASSWORD);
  const core = createCore({
    databaseFile: path.join(directory, 'cache.sqlite'),
    migrationsFolder: MIGRATIONS_FOLDER,
    attachmentsDirectory: path.join(directory, 'attachments'),
    host: { openFile: async () => {} },
    central: {
      service: { url },
      token,
      userId: login,
      engine: { pollIntervalMs: 2_000, backoff: { initialMs: 50, maxMs: 400 }, stallMs: 5_000 },
      heartbeatMs,
    },
  });
  const client: Client = { core, login, directory, close: () => core.close() };
  clients.push(client);
  await core.central!.engine.whenIdle();
  return client;
}

const claimState = async (client: Client, caseId: number) =>
  ok<{ claim: { state: string; holderId: string | null } }>(await client.core.dispatch('case.get', { caseId })).claim;

async function claim(client: Client, caseId: number): Promise<void> {
  ok(await client.core.dispatch('case.claim', { caseId }));
  await client.core.central!.engine.whenIdle();
}

/** The central claim: who holds it, and how many seconds it has left. */
const centralClaim = (caseId: number) =>
  asAdmin(async (admin) => {
    const { rows } = await admin.query<{ claimed_by: string | null; left_s: number | null }>(
      'SELECT claimed_by, extract(epoch FROM lease_until - now())::float8 AS left_s FROM cases WHERE id = $1',
      [caseId],
    );
    return rows[0];
  });

/** Short leases for the test: the claim's lease now ends in `seconds`. */
const shortenLease = (caseId: number, seconds: number) =>
  asAdmin((admin) => admin.query(`UPDATE cases SET lease_until = now() + make_interval(secs => $2) WHERE id = $1`, [caseId, seconds]));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the claim heartbeat', () => {
  let anne: Client;
  let bjorn: Client;

  beforeAll(async () => {
    anne = await startHandler('anne', HEARTBEAT_MS);
    bjorn = await startHandler('bjorn', NO_HEARTBEAT);
  });

  it('keeps a claim alive past its lease while the app runs; no one else can take it', async () => {
    const caseId = free[0];
    await claim(anne, caseId);
    expect(await claimState(anne, caseId)).toMatchObject({ state: 'mine' });
    await shortenLease(caseId, 1);
    await sleep(2_000);
    const held = await centralClaim(caseId);
    expect(held.claimed_by).toBe(anne.login);
    expect(held.left_s).toBeGreaterThan(60);
    await claim(bjorn, caseId);
    expect(bjorn.core.database.sqlite.prepare("SELECT state, rejection FROM outbox WHERE mutation = 'case.claim'").all()).toEqual([
      { state: 'rejected', rejection: 'claimedByOther' },
    ]);
    expect(await claimState(anne, caseId)).toMatchObject({ state: 'mine' });
    expect(await claimState(bjorn, caseId)).toMatchObject({ state: 'other', holderId: anne.login });
  });

  it('lets the lease lapse once the app is stopped, and another handler takes the case', async () => {
    const caseId = free[1];
    const carl = await startHandler('carl', HEARTBEAT_MS);
    await claim(carl, caseId);
    await carl.close();
    await shortenLease(caseId, 1);
    await sleep(1_500);
    expect((await centralClaim(caseId)).left_s).toBeLessThan(0);
    await claim(bjorn, caseId);
    expect(await centralClaim(caseId)).toMatchObject({ claimed_by: bjorn.login });
    expect(await claimState(bjorn, caseId)).toMatchObject({ state: 'mine' });
  });

  it('shows a claim found taken over as no longer held, and still renews the others', async () => {
    const [taken, kept] = [free[2], free[3]];
    await claim(anne, taken);
    await claim(anne, kept);
    // Taken over where anne has not heard of it yet (replica role: no version, no notification), as when the
    // lease lapsed during a network outage and someone else claimed the case before anne's next pull.
    await asAdmin(async (admin) => {
      await admin.query('SET session_replication_role = replica');
      await admin.query(
        `UPDATE cases SET claimed_by = $2, claim_token = claim_token + 1, lease_until = now() + interval '5 minutes' WHERE id = $1`,
        [taken, bjorn.login],
      );
    });
    await shortenLease(kept, 1.5);
    // The renewal hears the claim is gone, and who holds it now: no row changed centrally (so no pull could tell), yet
    // anne's desk shows it as Bjørn's within a few beats.
    await eventually(async () => (await claimState(anne, taken)).state === 'other', 3_000, 'the taken-over claim shown as someone else’s');
    expect(await claimState(anne, taken)).toMatchObject({ state: 'other', holderId: bjorn.login });
    await sleep(2_000);
    expect(await centralClaim(kept)).toMatchObject({ claimed_by: anne.login });
    expect((await centralClaim(kept)).left_s).toBeGreaterThan(60);
    expect(await claimState(anne, kept)).toMatchObject({ state: 'mine' });
    // Level with the central database once the heartbeat (which moves the leases every beat) is stopped.
    anne.core.central!.stop();
    await sleep(HEARTBEAT_MS);
    anne.core.central!.engine.nudge();
    await anne.core.central!.engine.whenIdle();
    expect(await differencesFromCentral(anne.core, db().adminUrl)).toEqual([]);
  });
});
