// The second line of defence (central 0015). The central service authenticates people and checks what they may do;
// PostgreSQL checks again, on its own, what the service runs for them as desk_service in their group and naming
// them (desk.actor). Each attack below is replayed as desk_service acting for a case handler — as if the service had
// a bug or were subverted — and PostgreSQL must refuse it.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useCentralDatabase } from '../../support/centralDatabase';
import { inClaimedTransaction, insertCases, refusal } from './fixtures';

let admin: pg.Client;
let kari: pg.Client;
let per: pg.Client;
let kariLogin: string;
let perLogin: string;
let caseIds: number[];

const central = useCentralDatabase('second_line', {
  async setup(c) {
    admin = c.admin;
    kari = await c.connectAs('kari', 'case_handler');
    per = await c.connectAs('per', 'case_handler');
    kariLogin = (await kari.query<{ a: string }>('SELECT desk_actor() AS a')).rows[0].a;
    perLogin = (await per.query<{ a: string }>('SELECT desk_actor() AS a')).rows[0].a;
    caseIds = await insertCases(admin, 10);
    await admin.query(
      `INSERT INTO price_lists (id, list_version, name, effective_from, currency, validity, payment_terms, body)
       VALUES ('std', 1, 'Standard', '2026-01-01', 'NOK', '3 months', 14, '{}')`,
    );
  },
});

const claim = async (client: pg.Client, caseId: number): Promise<number> =>
  Number((await client.query<{ token: string }>('SELECT claim_case($1) AS token', [caseId])).rows[0].token);
const REFUSED_CASEWORK = ['DK001', 'DK002', 'DK003', '42501'];

describe('desk_service acting for a case handler', () => {
  it('connects as desk_service, in the group, naming the person', async () => {
    const { rows: [who] } = await kari.query('SELECT session_user AS s, current_user AS c, desk_actor() AS a');
    expect(who).toEqual({ s: 'desk_service', c: 'case_handler', a: kariLogin });
  });

  it('cannot forge a version through desk.version: the write gets the clock’s next one', async () => {
    const before = Number((await admin.query('SELECT version FROM sync_clock')).rows[0].version);
    await kari.query('BEGIN');
    await kari.query("SELECT set_config('desk.version', txid_current() || ':1', true)");
    await kari.query("INSERT INTO notes (id, case_id, body) VALUES ($1, $2, 'før')", [randomUUID(), caseIds[0]]);
    // Set again between the statement trigger and the row trigger, from inside the statement itself.
    await kari.query(
      "INSERT INTO notes (id, case_id, body) VALUES ($1, $2, 'under ' || set_config('desk.version', txid_current() || ':1', true))",
      [randomUUID(), caseIds[0]],
    );
    await kari.query('COMMIT');
    const { rows } = await admin.query<{ version: string }>(
      "SELECT DISTINCT version FROM notes WHERE case_id = $1 AND (body = 'før' OR body LIKE 'under %')", [caseIds[0]]);
    expect(rows.map((row) => Number(row.version))).toEqual([before + 1]);
    expect(Number((await admin.query('SELECT version FROM sync_clock')).rows[0].version)).toBe(before + 1);
  });

  it('cannot give a case a status that does not exist, even holding it (CHECK, 23514)', async () => {
    const caseId = caseIds[1];
    const token = await claim(kari, caseId);
    const refused = await refusal(inClaimedTransaction(kari, token, () =>
      kari.query("UPDATE cases SET status = 'whatever' WHERE id = $1", [caseId])));
    expect(refused.code).toBe('23514');
    expect(refused.message).toContain('cases_status_known');
  });

  it('cannot rewrite complete_at or due_date of a case it does not hold', async () => {
    const caseId = caseIds[2];
    for (const sql of ["UPDATE cases SET complete_at = now() - interval '1 year' WHERE id = $1",
      "UPDATE cases SET due_date = '2099-01-01' WHERE id = $1"]) {
      expect(REFUSED_CASEWORK, sql).toContain((await refusal(kari.query(sql, [caseId]))).code);
      expect(REFUSED_CASEWORK, sql).toContain((await refusal(inClaimedTransaction(kari, 1, () => kari.query(sql, [caseId])))).code);
    }
    await claim(per, caseId);
    const held = await refusal(inClaimedTransaction(kari, 1, () =>
      kari.query("UPDATE cases SET due_date = '2099-01-01' WHERE id = $1", [caseId])));
    expect(REFUSED_CASEWORK).toContain(held.code);
  });

  it('cannot insert an issued offer, an outgoing message or a letter on a case it does not hold (42501)', async () => {
    const caseId = caseIds[3];
    const offer = await refusal(kari.query(
      `INSERT INTO offers (id, case_id, offer_version, state, price_list_id, price_list_version, valid_until, issued_at)
       VALUES ($1, $2, 1, 'issued', 'std', 1, '2099-01-01', now())`, [randomUUID(), caseId]));
    expect(offer.code).toBe('42501');
    const message = await refusal(kari.query(
      `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body)
       VALUES ($1, $2, 'information_request', 'x@example.no', 'Mangler', 'Send situasjonskart')`, [randomUUID(), caseId]));
    expect(message.code).toBe('42501');
    const attachment = await refusal(kari.query(
      `INSERT INTO attachments (case_id, kind, file_name, mime_type, size_bytes, sha256, received_at)
       VALUES ($1, 'other', 'tilbud.pdf', 'application/pdf', 1, 'x', now())`, [caseId]));
    expect(attachment.code).toBe('42501');
    const letter = await refusal(kari.query('SELECT store_offer_letter($1, $2)', [randomUUID(), Buffer.from('%PDF')]));
    expect(letter.code).toBe('42501');
    expect(letter.message).toContain('desk:offer_letter_refused');
    // Held, the information request goes in, in the handler's name.
    const token = await claim(kari, caseId);
    const id = randomUUID();
    await inClaimedTransaction(kari, token, () => kari.query(
      `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body)
       VALUES ($1, $2, 'information_request', 'x@example.no', 'Mangler', 'Send situasjonskart')`, [id, caseId]));
    expect((await admin.query('SELECT created_by FROM outgoing_messages WHERE id = $1', [id])).rows).toEqual([{ created_by: kariLogin }]);
  });

  it('cannot resolve a quarantined record in someone else’s name (42501), only in its own', async () => {
    const id = randomUUID();
    await admin.query("INSERT INTO import_quarantine (id, source, raw, reasons) VALUES ($1, 'innboks.json', '{}', '[]')", [id]);
    const forged = await refusal(kari.query(
      "UPDATE import_quarantine SET state = 'discarded', resolved_at = now(), resolved_by = $2 WHERE id = $1", [id, perLogin]));
    expect(forged.code).toBe('42501');
    expect(forged.message).toContain('desk:quarantine_other_name');
    await kari.query(
      "UPDATE import_quarantine SET state = 'discarded', resolved_at = now(), resolved_by = desk_actor() WHERE id = $1", [id]);
    expect((await admin.query('SELECT resolved_by FROM import_quarantine WHERE id = $1', [id])).rows).toEqual([{ resolved_by: kariLogin }]);
  });

  it('cannot write a note in someone else’s name (42501); its own note and audit row name the actor, not desk_service', async () => {
    const caseId = caseIds[4];
    const forged = await refusal(kari.query(
      "INSERT INTO notes (id, case_id, author_id, body) VALUES ($1, $2, $3, 'Jeg er Per')", [randomUUID(), caseId, perLogin]));
    expect(forged.code).toBe('42501');
    const noteId = randomUUID();
    await kari.query("INSERT INTO notes (id, case_id, body) VALUES ($1, $2, 'Ringte eier')", [noteId, caseId]);
    expect((await admin.query('SELECT author_id FROM notes WHERE id = $1', [noteId])).rows).toEqual([{ author_id: kariLogin }]);
    expect((await admin.query('SELECT actor_id, kind FROM case_events WHERE case_id = $1', [caseId])).rows)
      .toEqual([{ actor_id: kariLogin, kind: 'note_added' }]);
  });

  it('cannot change or delete history: case_events and billing_events are insert-only (42501)', async () => {
    const caseId = caseIds[5];
    await admin.query(
      `INSERT INTO billing_events (id, case_id, kind, occurred_on, source, outcome, flag_code)
       VALUES ('F-1', $1, 'payment', '2026-11-02', 'billing_file', 'flagged', 'amountMismatch')`, [caseId]);
    for (const sql of ["UPDATE case_events SET actor_id = 'someone.else'", 'DELETE FROM case_events', 'TRUNCATE case_events',
      "UPDATE billing_events SET resolved_at = now(), resolved_by = desk_actor() WHERE id = 'F-1'",
      "UPDATE billing_events SET amount_ore = 1", 'DELETE FROM billing_events', 'TRUNCATE billing_events']) {
      expect((await refusal(kari.query(sql))).code, sql).toBe('42501');
    }
    // The one change left, through its function: stamped with the actor and now.
    expect((await kari.query('SELECT resolve_billing_flag($1) AS r', ['F-1'])).rows).toEqual([{ r: true }]);
    expect((await kari.query('SELECT resolve_billing_flag($1) AS r', ['F-1'])).rows).toEqual([{ r: false }]);
    expect((await admin.query("SELECT resolved_by, resolved_at > now() - interval '1 minute' AS now FROM billing_events WHERE id = 'F-1'")).rows)
      .toEqual([{ resolved_by: kariLogin, now: true }]);
    expect((await admin.query("SELECT actor_id FROM case_events WHERE case_id = $1 AND kind = 'billing_flag_resolved'", [caseId])).rows)
      .toEqual([{ actor_id: kariLogin }]);
  });

  it('cannot write without naming the person: DK010 desk:no_actor', async () => {
    const anonymous = await central.connect(central.db.serviceUrl);
    await anonymous.query('SET ROLE case_handler');
    for (const sql of ["INSERT INTO notes (id, case_id, body) VALUES (gen_random_uuid(), $1, 'Hvem?')", 'SELECT claim_case($1)',
      'SELECT assign_self($1, true)']) {
      const refused = await refusal(anonymous.query(sql, [caseIds[6]]));
      expect(refused.code, sql).toBe('DK010');
      expect(refused.message).toMatch(/^desk:no_actor/);
    }
    // Without a group it holds nothing at all (NOINHERIT).
    await anonymous.query('RESET ROLE');
    expect((await refusal(anonymous.query('SELECT count(*) FROM cases'))).code).toBe('42501');
  });

  it('cannot stall the company with a transaction left open on the clock', async () => {
    const { rows } = await admin.query<{ setconfig: string[] }>(
      `SELECT s.setconfig FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
        WHERE r.rolname = 'desk_service' AND s.setdatabase = 0`);
    expect(rows[0].setconfig).toEqual(expect.arrayContaining(['statement_timeout=30s', 'lock_timeout=5s',
      'idle_in_transaction_session_timeout=15s']));
    const staller = await central.connectAs('stina', 'case_handler');
    expect((await staller.query('SHOW idle_in_transaction_session_timeout')).rows).toEqual([{ idle_in_transaction_session_timeout: '15s' }]);
    await staller.query("SET idle_in_transaction_session_timeout = '300ms'"); // the same mechanism, quicker
    await staller.query('BEGIN');
    await staller.query('SELECT desk_next_version()');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // The server ended that session, and with it the lock on the clock: the next writer is not kept waiting.
    await expect(staller.query('SELECT 1')).rejects.toThrow();
    await per.query("SET lock_timeout = '2s'");
    await per.query("INSERT INTO notes (id, case_id, body) VALUES (gen_random_uuid(), $1, 'Ikke stanset')", [caseIds[7]]);
    await per.query('RESET lock_timeout');
  });
});
