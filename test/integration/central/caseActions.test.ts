// The named actions on a real PostgreSQL: approve and reject pushed from a desk arrive as that person, with the
// columns and the audit trail's event shape the desk wrote locally; the generic applier refuses a stale
// precondition with the status it found, and PostgreSQL itself refuses a reader.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connectCentral } from '../../../core/sync/centralConnection';
import { centralApplierFor, type OutboxEntry } from '../../../core/sync/centralAppliers';
import { RefusedByCentral } from '../../../core/sync/centralErrors';
import { caseCompleteness } from '../../../core/casework/completenessService';
import { useCentralDatabase } from '../../support/centralDatabase';
import { SOUND_GRID_ASSESSMENT } from '../../support/gridAssessed';
import { insertIssuedOfferCentral } from '../../support/issuedOffer';
import { eventually, type Client } from '../../support/syncClients';
import { ok } from '../../support/apiResult';
import type { CaseDetail } from '../../../shared/contract';

let admin: pg.Client;
let anne: Client;
const logins: Record<string, string> = {};

const central = useCentralDatabase('case_actions', {
  seedCases: 120,
  admin: 'desk',
  async setup() {
    admin = central.admin;
    anne = await central.startClient('anne', 'case_handler');
    logins.anne = anne.login;
    logins.rita = await central.db.createLogin('rita', 'reader');
    await anne.core.central!.engine.whenIdle();
  },
});


/** An unclaimed case put under review, made approvable (complete, its installer active with DSB) and seen by Anne. */
async function approvableCase(): Promise<number> {
  const { rows } = await admin.query<{ id: string; installer_id: string }>(
    `SELECT id, installer_id FROM cases WHERE claimed_by IS NULL AND status NOT IN ('approved', 'rejected')
     ORDER BY status IN ('new', 'in_review') DESC, status DESC, id LIMIT 1`,
  );
  const caseId = Number(rows[0].id);
  await admin.query("UPDATE installers SET dsb_status = 'active' WHERE id = $1", [rows[0].installer_id]);
  await admin.query(
    `INSERT INTO dsb_register (organisation_number, name, status, as_of)
     SELECT organisation_number, name, 'active', DATE '2026-11-01' FROM installers WHERE id = $1
     ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`,
    [rows[0].installer_id],
  );
  // Complete: every item the checklist misses is overridden with a reason, as a handler would.
  const missing = caseCompleteness(anne.core.database.sqlite, caseId).items.filter((item) => !item.ok);
  const overrides = Object.fromEntries(missing.map((item) => [item.code, { reason: 'Avklart', by: 'test', at: '2026-11-20T10:00:00Z' }]));
  await admin.query(
    // Assessed as operationally sound (NEM-forskriften § 3-7), as a handler would have before approving.
    `UPDATE cases SET status = 'in_review', complete_at = coalesce(complete_at, now()), completeness_overrides = $2,
       grid_assessment = $3 WHERE id = $1`,
    [caseId, JSON.stringify(overrides), SOUND_GRID_ASSESSMENT],
  );
  await eventually(
    () => ((anne.core.handlers['case.get']({ caseId }) as CaseDetail).actionBlockers.approve ?? []).length === 0,
    5_000,
    'the approvable case in the cache',
  );
  return caseId;
}

const claimState = (caseId: number) =>
  (anne.core.handlers['case.get']({ caseId }) as { claim: { state: string } }).claim.state;

async function lastCentralEvent(caseId: number) {
  const { rows } = await admin.query<{ kind: string; data: string; actor_id: string }>(
    `SELECT kind, data::text AS data, actor_id FROM case_events WHERE case_id = $1 AND kind = 'status_changed' ORDER BY id DESC LIMIT 1`,
    [caseId],
  );
  return { ...rows[0], data: JSON.parse(rows[0].data) as Record<string, unknown> };
}

async function pushed(): Promise<void> {
  await eventually(
    () => (anne.core.database.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }).n === 0,
    5_000,
    'the push',
  );
  await anne.core.central!.engine.whenIdle();
}

describe('named actions on the central database', () => {
  it('approves with conditions: the central case and its history as the desk showed them', async () => {
    const caseId = await approvableCase();
    ok(await anne.core.dispatch('case.claim', { caseId }));
    await eventually(() => claimState(caseId) === 'mine', 5_000, 'the claim');
    const conditions = ['Signert tilknytningsavtale'];
    ok(await anne.core.dispatch('case.act', { caseId, action: 'approve', conditions }));
    await pushed();
    const { rows } = await admin.query('SELECT status, approval_conditions, decision_reason FROM cases WHERE id = $1', [caseId]);
    expect(rows[0]).toEqual({ status: 'approved', approval_conditions: JSON.stringify(conditions), decision_reason: null });
    expect(await lastCentralEvent(caseId)).toEqual({
      kind: 'status_changed',
      data: { from: 'in_review', to: 'approved', conditions },
      actor_id: logins.anne,
    });
    // The cache now holds the server's event, in the same shape as the optimistic one it replaced.
    // (Once the pull that brings it has run: the push's own settling can come first.)
    const latestLocal = () =>
      anne.core.database.sqlite
        .prepare("SELECT data, pending_seq FROM case_events WHERE case_id = ? AND kind = 'status_changed' ORDER BY at DESC, id DESC LIMIT 1")
        .get(caseId) as { data: string; pending_seq: number | null };
    const local = await eventually(() => {
      const row = latestLocal();
      return row.pending_seq === null && JSON.parse(row.data).to === 'approved' ? row : null;
    }, 5_000, "the server's approval event in the cache");
    expect({ data: JSON.parse(local.data), pending: local.pending_seq }).toEqual({
      data: { from: 'in_review', to: 'approved', conditions },
      pending: null,
    });
  });

  it('rejects with a reason: the reason on the case and in the history', async () => {
    const caseId = await approvableCase();
    ok(await anne.core.dispatch('case.claim', { caseId }));
    await eventually(() => claimState(caseId) === 'mine', 5_000, 'the claim');
    const reason = 'Feil meldingstype: send som endring av hovedsikring.';
    ok(await anne.core.dispatch('case.act', { caseId, action: 'reject', reason }));
    await pushed();
    const { rows } = await admin.query('SELECT status, decision_reason FROM cases WHERE id = $1', [caseId]);
    expect(rows[0]).toEqual({ status: 'rejected', decision_reason: reason });
    expect(await lastCentralEvent(caseId)).toEqual({
      kind: 'status_changed',
      data: { from: 'in_review', to: 'rejected', reason },
      actor_id: logins.anne,
    });
    const refused = ok<unknown[]>(await anne.core.dispatch('outbox.refused', {}));
    expect(refused).toEqual([]);
  });
});

/** The messages to the installer on the case, centrally, with who wrote them and the history's message_queued. */
async function centralMessages(caseId: number) {
  const { rows } = await admin.query<{ id: string; kind: string; subject: string; body: string; created_by: string; queued_by: string | null }>(
    `SELECT m.id, m.kind, m.subject, m.body, m.created_by,
            (SELECT e.actor_id FROM case_events e WHERE e.case_id = m.case_id AND e.kind = 'message_queued'
               AND e.data ->> 'messageId' = m.id::text) AS queued_by
     FROM outgoing_messages m WHERE m.case_id = $1 ORDER BY m.created_at, m.id`,
    [caseId],
  );
  return rows;
}

const deskMessageIds = (caseId: number) =>
  (anne.core.database.sqlite.prepare('SELECT id FROM outgoing_messages WHERE case_id = ?').all(caseId) as { id: string }[]).map((r) => r.id);

describe('every decision is told', () => {
  it('an approval pushed from the desk writes the letter centrally as the person, under the desk’s id', async () => {
    const caseId = await approvableCase();
    ok(await anne.core.dispatch('case.claim', { caseId }));
    await eventually(() => claimState(caseId) === 'mine', 5_000, 'the claim');
    ok(await anne.core.dispatch('case.act', { caseId, action: 'approve', conditions: ['Signert tilknytningsavtale'] }));
    const [deskId] = deskMessageIds(caseId);
    await pushed();
    const messages = await centralMessages(caseId);
    expect(messages.map(({ id, kind, created_by, queued_by }) => ({ id, kind, created_by, queued_by }))).toEqual([
      { id: deskId, kind: 'approval', created_by: logins.anne, queued_by: logins.anne },
    ]);
    expect(messages[0].subject).toMatch(/^Forhåndsmelding godkjent /);
    expect(messages[0].body).toContain('- Signert tilknytningsavtale');
    // The cache then holds the server's row, no longer pending.
    await eventually(() => {
      const row = anne.core.database.sqlite.prepare('SELECT pending_seq FROM outgoing_messages WHERE id = ?').get(deskId) as
        { pending_seq: number | null } | undefined;
      return row?.pending_seq === null;
    }, 5_000, "the server's message in the cache");
  });

  it('a rejection pushed from the desk writes its letter with the reason quoted', async () => {
    const caseId = await approvableCase();
    ok(await anne.core.dispatch('case.claim', { caseId }));
    await eventually(() => claimState(caseId) === 'mine', 5_000, 'the claim');
    ok(await anne.core.dispatch('case.act', { caseId, action: 'reject', reason: 'Målernummeret finnes ikke i anlegget.' }));
    await pushed();
    const [message] = await centralMessages(caseId);
    expect(message).toMatchObject({ kind: 'rejection', created_by: logins.anne });
    expect(message.body).toContain('«Målernummeret finnes ikke i anlegget.»');
  });
});

describe('the generic applier', () => {
  const entry = (caseId: number, status: string, claimToken = 0): OutboxEntry => ({
    seq: 1,
    mutation: 'case.approve',
    args: { caseId, conditions: [] },
    precondition: { status, claimToken },
    caseId,
    createdAt: new Date().toISOString(),
  });

  async function asLogin<T>(login: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = await connectCentral(central.db.urlFor(login));
    try {
      await client.query('BEGIN');
      return await work(client);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }

  it('refuses a change whose case moved on since, naming the status it found, and writes no message', async () => {
    const caseId = await approvableCase();
    const applier = centralApplierFor('case.approve')!;
    const refusal = await asLogin(logins.anne, async (client) => {
      const outcome = await applier(client, entry(caseId, 'new')).then(() => null, (e) => e);
      const { rows } = await client.query('SELECT count(*)::int AS n FROM outgoing_messages WHERE case_id = $1', [caseId]);
      expect(rows[0].n).toBe(0);
      return outcome;
    });
    expect(refusal).toBeInstanceOf(RefusedByCentral);
    expect(refusal).toMatchObject({ reason: 'statusChanged', detail: 'in_review' });
    const { rows } = await admin.query('SELECT status FROM cases WHERE id = $1', [caseId]);
    expect(rows[0].status).toBe('in_review');
  });

  it('writes the decision and its message together: a message that cannot be stored undoes the decision', async () => {
    const caseId = await approvableCase();
    // Someone's message already holds the id the entry names: the INSERT fails, and with it the whole change.
    const taken = randomUUID();
    await admin.query(
      "INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body) VALUES ($1, $2, 'approval', 'x', 'x', 'x')",
      [taken, caseId],
    );
    await admin.query("UPDATE cases SET claimed_by = $2, lease_until = now() + interval '5 minutes' WHERE id = $1", [caseId, logins.anne]);
    const { rows: [{ claim_token: token }] } = await admin.query<{ claim_token: number }>('SELECT claim_token FROM cases WHERE id = $1', [caseId]);
    const outcome = await asLogin(logins.anne, async (client) => {
      await client.query('SAVEPOINT mutation');
      const error = await centralApplierFor('case.approve')!(client, {
        ...entry(caseId, 'in_review', token), args: { caseId, conditions: [], messageId: taken },
      }).then(() => null, (e) => e);
      await client.query('ROLLBACK TO SAVEPOINT mutation');
      const { rows: [row] } = await client.query('SELECT status FROM cases WHERE id = $1', [caseId]);
      return { code: (error as { code?: string } | null)?.code, status: row.status };
    });
    expect(outcome).toEqual({ code: '23505', status: 'in_review' });
    await admin.query('UPDATE cases SET claimed_by = NULL, lease_until = NULL WHERE id = $1', [caseId]);
  });

  it('refuses a case handler without a claim', async () => {
    const caseId = await approvableCase();
    const refusal = await asLogin(logins.anne, (client) =>
      centralApplierFor('case.reject')!(client, { ...entry(caseId, 'in_review'), mutation: 'case.reject', args: { caseId, reason: 'x' } })
        .then(() => null, (e) => e),
    );
    expect(refusal).toMatchObject({ reason: 'notClaimed' });
  });

  it('is refused by PostgreSQL itself for a reader, who may not even lock a case', async () => {
    const caseId = await approvableCase();
    const error = await asLogin(logins.rita, (client) => centralApplierFor('case.approve')!(client, entry(caseId, 'in_review')).then(() => null, (e) => e));
    expect(error).toMatchObject({ code: '42501' });
    // And straight UPDATE, as a reader would try it by hand: permission denied too.
    const direct = await asLogin(logins.rita, (client) =>
      client.query("UPDATE cases SET status = 'approved' WHERE id = $1", [caseId]).then(() => null, (e) => e),
    );
    expect(direct).toMatchObject({ code: '42501' });
  });
});

describe('every case can end (issue 13): the same columns and message on the desk and centrally', () => {
  /** An unclaimed case without offers put in `status` centrally, seen by Anne's cache, and claimed by her. */
  async function claimedCaseIn(status: string): Promise<number> {
    const { rows: [row] } = await admin.query<{ id: string }>(
      `SELECT id FROM cases c WHERE claimed_by IS NULL AND status NOT IN ('closed', 'rejected')
         AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM outgoing_messages m WHERE m.case_id = c.id) ORDER BY id DESC LIMIT 1`);
    const caseId = Number(row.id);
    await admin.query(
      `UPDATE cases SET status = $2, clock_paused_on = CASE WHEN $2 = 'waiting_for_info' THEN DATE '2026-11-20' END,
         due_date = CASE WHEN $2 = 'waiting_for_info' THEN DATE '2026-11-25' ELSE due_date END WHERE id = $1`,
      [caseId, status]);
    await eventually(() => (anne.core.handlers['case.get']({ caseId }) as CaseDetail).status === status, 5_000, `the case in ${status}`);
    ok(await anne.core.dispatch('case.claim', { caseId }));
    await eventually(() => claimState(caseId) === 'mine', 5_000, 'the claim');
    return caseId;
  }

  const ENDING_COLUMNS = 'status, closure_reason, decision_reason, cancellation_costs_ore, clock_paused_on';
  const localCase = (caseId: number) => anne.core.database.sqlite.prepare(`SELECT ${ENDING_COLUMNS} FROM cases WHERE id = ?`).get(caseId);
  const centralCase = async (caseId: number) => (await admin.query(
    `SELECT status, closure_reason, decision_reason, cancellation_costs_ore::integer AS cancellation_costs_ore,
            clock_paused_on::text AS clock_paused_on FROM cases WHERE id = $1`, [caseId])).rows[0];
  const localMessages = (caseId: number) => anne.core.database.sqlite
    .prepare('SELECT id, kind, subject, body FROM outgoing_messages WHERE case_id = ? ORDER BY id').all(caseId);

  it('the owner withdraws after paying: a cancellation with its costs, the desk’s columns, message and history centrally', async () => {
    const caseId = await claimedCaseIn('paid');
    ok(await anne.core.dispatch('case.act', {
      caseId, action: 'withdraw', withdrawnBy: 'owner', reason: 'Eier har trukket bestillingen', costsOre: 1_250_000,
    }));
    const desk = { row: localCase(caseId), messages: localMessages(caseId) };
    expect(desk.row).toEqual({
      status: 'closed', closure_reason: 'withdrawn_by_owner', decision_reason: 'Eier har trukket bestillingen',
      cancellation_costs_ore: 1_250_000, clock_paused_on: null,
    });
    expect(desk.messages).toHaveLength(1);
    await pushed();
    expect(ok<unknown[]>(await anne.core.dispatch('outbox.refused', {}))).toEqual([]);
    expect(await centralCase(caseId)).toEqual(desk.row);
    const central = await centralMessages(caseId);
    expect(central.map(({ id, kind, subject, body }) => ({ id, kind, subject, body }))).toEqual(desk.messages);
    expect(central[0]).toMatchObject({ kind: 'cancellation', created_by: logins.anne, queued_by: logins.anne });
    expect(central[0].body).toContain('12\u00a0500,00\u00a0kr');
    expect(await lastCentralEvent(caseId)).toEqual({
      kind: 'status_changed', data: { from: 'paid', to: 'closed', reason: 'Eier har trukket bestillingen' }, actor_id: logins.anne,
    });
  });

  it('a waiting case resumed on information by e-mail: the pause ends and the history says how it came, both sides', async () => {
    const caseId = await claimedCaseIn('waiting_for_info');
    ok(await anne.core.dispatch('case.act', { caseId, action: 'resume', channel: 'email', reason: 'Effektbudsjett fra installatøren' }));
    const local = localCase(caseId);
    expect(local).toMatchObject({ status: 'in_review', clock_paused_on: null, closure_reason: null });
    const localDue = (anne.core.database.sqlite.prepare('SELECT due_date FROM cases WHERE id = ?').get(caseId) as { due_date: string | null }).due_date;
    await pushed();
    expect(await centralCase(caseId)).toEqual(local);
    const { rows: [due] } = await admin.query<{ due_date: string | null }>('SELECT due_date::text AS due_date FROM cases WHERE id = $1', [caseId]);
    expect(due.due_date).toBe(localDue);
    // The wait (from 20 November) does not count: the due date moved past the 25th it had.
    expect(localDue! > '2026-11-25').toBe(true);
    expect(await lastCentralEvent(caseId)).toEqual({
      kind: 'status_changed',
      data: { from: 'waiting_for_info', to: 'in_review', reason: 'Mottatt på e-post: Effektbudsjett fra installatøren' },
      actor_id: logins.anne,
    });
    expect(await centralMessages(caseId)).toEqual([]);
  });

  it('the server decides: an expiry of an offer that still holds, and costs before acceptance, are refused as pushed', async () => {
    const caseId = await claimedCaseIn('offer_sent');
    await insertIssuedOfferCentral(admin, caseId, { validUntil: '2099-12-31' });
    const { rows: [{ claim_token: token }] } = await admin.query<{ claim_token: number }>('SELECT claim_token FROM cases WHERE id = $1', [caseId]);
    const applyAsAnne = async (mutation: string, args: Record<string, unknown>) => {
      const client = await connectCentral(central.db.urlFor(logins.anne));
      try {
        await client.query('BEGIN');
        return await centralApplierFor(mutation)!(client, {
          seq: 1, mutation, args: { caseId, ...args }, precondition: { status: 'offer_sent', claimToken: token }, caseId,
          createdAt: '2100-01-01T10:00:00.000Z',
        }).then(() => null, (e) => e);
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end();
      }
    };
    // A desk clock set in 2100 does not make the offer expire: the server's today does.
    expect(await applyAsAnne('case.expireOffer', {})).toMatchObject({ reason: 'invalid', detail: 'decision.offerStillValid' });
    expect(await applyAsAnne('case.withdraw', { withdrawnBy: 'owner', costsOre: 500 }))
      .toMatchObject({ reason: 'invalid', detail: 'decision.costsNotAllowed' });
    expect(await applyAsAnne('case.closeWithReason', { closureReason: 'other' }))
      .toMatchObject({ reason: 'invalid', detail: 'status.reasonRequired' });
    expect(await centralCase(caseId)).toMatchObject({ status: 'offer_sent', closure_reason: null });
    await admin.query('UPDATE cases SET claimed_by = NULL, lease_until = NULL WHERE id = $1', [caseId]);
  });
});
