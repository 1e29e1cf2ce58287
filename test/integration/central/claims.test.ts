// Claims on a real server with real concurrency: one winner among fifty, twenty different cases for twenty
// handlers pressing "Fetch next" at once, leases that expire and are taken over, and the fencing token that
// keeps the old holder out afterwards.
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CENTRAL_REFUSALS } from '../../../db/central/refusals';
import { useCentralDatabase } from '../../support/centralDatabase';
import { inClaimedTransaction, insertCases, refusal } from './fixtures';

const HANDLERS = 50;
let admin: pg.Client;
let logins: string[];
let handlers: pg.Client[];

const central = useCentralDatabase('claims', {
  async setup() {
    logins = [];
    for (let i = 0; i < HANDLERS; i++) {
      logins.push(await central.db.createLogin(`h${String(i).padStart(2, '0')}`, i % 10 === 9 ? 'supervisor' : 'case_handler'));
    }
    admin = central.admin;
    handlers = await Promise.all(logins.map((login) => central.connect(central.db.urlFor(login))));
  },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const claim = async (client: pg.Client, caseId: number, lease = '5 minutes'): Promise<number> =>
  Number((await client.query<{ token: string }>('SELECT claim_case($1, $2::interval) AS token', [caseId, lease])).rows[0].token);

describe('claim_case', () => {
  it('has exactly one winner among 50 logins claiming one case at the same moment', async () => {
    const [caseId] = await insertCases(admin, 1);
    const outcomes = await Promise.allSettled(handlers.map((client) => claim(client, caseId)));
    const winners = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [{ login: logins[i], token: outcome.value }] : []));
    expect(winners).toHaveLength(1);
    expect(winners[0].token).toBe(1);
    const losers = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(new Set(losers.map((loser) => (loser.reason as { code: string }).code))).toEqual(
      new Set([CENTRAL_REFUSALS.claimed_by_other]),
    );
    const { rows: [row] } = await admin.query('SELECT claimed_by, claim_token FROM cases WHERE id = $1', [caseId]);
    expect(row).toEqual({ claimed_by: winners[0].login, claim_token: '1' });
  });

  it('refuses a case that does not exist (DK005) and a lease that is too long or not positive (22023)', async () => {
    const [client] = handlers;
    expect((await refusal(claim(client, 987_654))).code).toBe(CENTRAL_REFUSALS.case_not_found);
    const [caseId] = await insertCases(admin, 1);
    for (const lease of ['0 seconds', '-1 minute', '2 hours']) {
      expect((await refusal(claim(client, caseId, lease))).code, lease).toBe(CENTRAL_REFUSALS.invalid_lease);
    }
  });
});

describe('fetch_next_case', () => {
  it('gives 20 handlers pressing at once 20 different cases: the 20 oldest complete ones', async () => {
    await admin.query("UPDATE cases SET status = 'closed' WHERE status = 'new'"); // earlier tests' cases out of the way
    const caseIds = await insertCases(admin, 30);
    const twenty = handlers.slice(0, 20);
    const taken = await Promise.all(twenty.map(async (client) =>
      (await client.query<{ case_id: string; claim_token: string }>('SELECT * FROM fetch_next_case()')).rows));
    const ids = taken.map((rows) => {
      expect(rows).toHaveLength(1);
      return Number(rows[0].case_id);
    });
    expect(new Set(ids).size).toBe(20);
    expect([...ids].sort((a, b) => a - b)).toEqual(caseIds.slice(0, 20));
    const { rows } = await admin.query<{ id: string; assignee_id: string; claimed_by: string; status: string }>(
      'SELECT id, assignee_id, claimed_by, status FROM cases WHERE id = ANY($1) ORDER BY id',
      [ids],
    );
    for (const row of rows) {
      const login = logins[ids.indexOf(Number(row.id))];
      expect(row).toMatchObject({ assignee_id: login, claimed_by: login, status: 'in_review' });
    }
    // The audit trail says how the case was taken.
    const { rows: events } = await admin.query(
      "SELECT actor_id, kind, data FROM case_events WHERE case_id = $1 ORDER BY id",
      [ids[0]],
    );
    expect(events).toEqual([
      { actor_id: logins[0], kind: 'assigned', data: { from: null, to: logins[0], via: 'fetchNext' } },
      { actor_id: logins[0], kind: 'status_changed', data: { from: 'new', to: 'in_review' } },
    ]);
  });

  it('gives a handler pressing while another one’s fetch is still open the next case, not nothing', async () => {
    await admin.query("UPDATE cases SET status = 'closed' WHERE status = 'new'");
    const [first, second] = await insertCases(admin, 2);
    const [a, b] = handlers;
    await a.query('BEGIN');
    const taking = await a.query('SELECT * FROM fetch_next_case()');
    expect(Number(taking.rows[0].case_id)).toBe(first);
    // B waits for A's commit (every writer waits for the version clock; see 0001_versions), then must still get a
    // case: the first is A's by then, so the answer is the second.
    const other = b.query('SELECT * FROM fetch_next_case()');
    await sleep(100);
    await a.query('COMMIT');
    expect((await other).rows.map((row) => Number(row.case_id))).toEqual([second]);
  });

  it('passes over a case someone holds a live claim on, takes one whose claim expired, and returns no row when empty', async () => {
    await admin.query("UPDATE cases SET status = 'closed' WHERE status = 'new'");
    const [held, expired] = await insertCases(admin, 2);
    await claim(handlers[1], held);
    await claim(handlers[2], expired, '50 milliseconds');
    await sleep(120);
    const first = await handlers[3].query('SELECT * FROM fetch_next_case()');
    expect(first.rows.map((row) => Number(row.case_id))).toEqual([expired]);
    const second = await handlers[3].query('SELECT * FROM fetch_next_case()');
    expect(second.rows).toEqual([]);
  });
});

describe('leases and fencing', () => {
  it('let an expired claim be taken over, after which the old holder’s token is refused everywhere', async () => {
    const [caseId] = await insertCases(admin, 1);
    const [kari, per] = handlers;
    const old = await claim(kari, caseId, '300 milliseconds');
    expect((await refusal(claim(per, caseId))).code).toBe(CENTRAL_REFUSALS.claimed_by_other); // still live
    await sleep(400);
    const current = await claim(per, caseId);
    expect(current).toBe(old + 1);

    const write = await refusal(inClaimedTransaction(kari, old, () =>
      kari.query("UPDATE cases SET free_text = 'for sent' WHERE id = $1", [caseId])));
    expect(write.code).toBe(CENTRAL_REFUSALS.stale_claim);
    expect((await refusal(kari.query('SELECT renew_claim($1, $2)', [caseId, old]))).code).toBe(CENTRAL_REFUSALS.stale_claim);
    expect((await refusal(kari.query('SELECT release_case($1, $2)', [caseId, old]))).code).toBe(CENTRAL_REFUSALS.stale_claim);

    const ok = await inClaimedTransaction(per, current, () =>
      per.query("UPDATE cases SET free_text = 'Per sin' WHERE id = $1", [caseId]));
    expect(ok.rowCount).toBe(1);
  });

  it('are extended by renew_claim, which refuses once the lease ran out', async () => {
    const [caseId] = await insertCases(admin, 1);
    const client = handlers[4];
    const token = await claim(client, caseId, '1 second');
    const { rows: [{ until }] } = await client.query<{ until: Date }>(
      "SELECT renew_claim($1, $2, '10 minutes') AS until",
      [caseId, token],
    );
    expect(until.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);

    const short = await claim(client, caseId, '50 milliseconds');
    await sleep(120);
    expect((await refusal(client.query('SELECT renew_claim($1, $2)', [caseId, short]))).code).toBe(CENTRAL_REFUSALS.stale_claim);
  });

  it('end with release_case, which may be repeated (a retry after a lost reply)', async () => {
    const [caseId] = await insertCases(admin, 1);
    const client = handlers[5];
    const token = await claim(client, caseId);
    await client.query('SELECT release_case($1, $2)', [caseId, token]);
    await client.query('SELECT release_case($1, $2)', [caseId, token]);
    const { rows: [row] } = await admin.query('SELECT claimed_by, lease_until FROM cases WHERE id = $1', [caseId]);
    expect(row).toEqual({ claimed_by: null, lease_until: null });
    expect(await claim(handlers[6], caseId)).toBe(token + 1);
  });
});
