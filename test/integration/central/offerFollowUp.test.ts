// After the offer on a real PostgreSQL: a person's billing steps from a desk arrive centrally as that person, with
// the same history the desk wrote and one start approval; a reader (or a case handler without the claim) cannot
// record a payment; the billing file imported by the owner applies matching rows, flags the rest for a person,
// quarantines malformed rows, sends the start approval exactly once — on acceptance where the company says so —
// and a second run of the same file changes nothing.
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CENTRAL_REFUSALS } from '../../../db/central/refusals';
import type { CaseBillingView } from '../../../shared/contract';
import { importPaymentsIntoCentral, importReadyBillingQuarantine } from '../../../core/billing/centralPaymentImport';
import { importReadyQuarantine } from '../../../core/import/centralImport';
import { ok } from '../../support/apiResult';
import { insertIssuedOfferCentral } from '../../support/issuedOffer';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually, type Client } from '../../support/syncClients';
import { refusal } from './fixtures';

let admin: pg.Client;
let anne: Client;
let reader: pg.Client;
let per: pg.Client;
const HEADER = 'hendelse_id;type;saksnummer;tilbudsversjon;beløp;dato;referanse';

const central = useCentralDatabase('offer_follow_up', {
  seedCases: 40,
  admin: 'desk',
  timeout: 120_000,
  async setup() {
    admin = central.admin;
    reader = await central.connectAs('liv', 'reader');
    per = await central.connectAs('per', 'case_handler');
    anne = await central.startClient('anne', 'case_handler');
    await anne.core.central!.engine.whenIdle();
  },
});

/** A fresh case of the seed, put in `status` by the owner, with an issued offer of `grossOre`. */
async function caseWithOffer(status: string, grossOre = 1_234_550): Promise<{ id: number; caseNumber: string; offerId: string }> {
  const { rows } = await admin.query<{ id: string; case_number: string }>(
    `SELECT id, case_number FROM cases c WHERE claimed_by IS NULL AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = c.id)
     ORDER BY id LIMIT 1`);
  const id = Number(rows[0].id);
  await admin.query('UPDATE cases SET status = $2 WHERE id = $1', [id, status]);
  const offerId = await insertIssuedOfferCentral(admin, id, { grossOre });
  return { id, caseNumber: rows[0].case_number, offerId };
}

const count = async (sql: string, params: unknown[] = []) => Number((await admin.query<{ n: string }>(sql, params)).rows[0].n);
const centralStatus = async (id: number) => (await admin.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [id])).rows[0].status;
const startApprovals = (id: number) => count("SELECT count(*) AS n FROM outgoing_messages WHERE case_id = $1 AND kind = 'start_approval'", [id]);

async function pushed(): Promise<void> {
  const sqlite = anne.core.database.sqlite;
  await eventually(() => (sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }).n === 0, 15_000, 'the push');
  await anne.core.central!.engine.whenIdle();
  expect(ok<unknown[]>(await anne.core.dispatch('outbox.refused', {}))).toEqual([]);
}

describe("a person's billing steps from the desk", () => {
  it('arrive as that person, with the history the desk wrote, and one start approval', async () => {
    const { id: caseId } = await caseWithOffer('approved');
    const sqlite = anne.core.database.sqlite;
    await eventually(() => sqlite.prepare("SELECT 1 FROM offers WHERE case_id = ? AND state = 'issued'").get(caseId), 10_000, 'the offer pulled');
    ok(await anne.core.dispatch('case.claim', { caseId }));
    await eventually(() => (anne.core.handlers['case.get']({ caseId }) as { claim: { state: string } }).claim.state === 'mine', 10_000, 'the claim');

    for (const step of [{ action: 'sendOffer' }, { action: 'acceptOffer' }, { action: 'sendInvoice' },
      { action: 'registerPayment', amountOre: 1_234_550, occurredOn: '2026-11-26', reference: 'KID 77' }]) {
      ok(await anne.core.dispatch('case.act', { caseId, ...step }));
    }
    const optimistic = (sqlite.prepare("SELECT data FROM case_events WHERE case_id = ? AND kind = 'billing_recorded' ORDER BY id DESC")
      .all(caseId) as { data: string }[]).map((row) => JSON.parse(row.data) as unknown);
    await pushed();

    expect(await centralStatus(caseId)).toBe('paid');
    const { rows } = await admin.query<{ kind: string; recorded_by: string; source: string; amount_ore: number | null }>(
      'SELECT kind, recorded_by, source, amount_ore FROM billing_events WHERE case_id = $1 ORDER BY version', [caseId]);
    expect(rows).toEqual([
      { kind: 'offer_sent', recorded_by: anne.login, source: 'desk', amount_ore: null },
      { kind: 'acceptance', recorded_by: anne.login, source: 'desk', amount_ore: 1234550 },
      { kind: 'invoice', recorded_by: anne.login, source: 'desk', amount_ore: null },
      { kind: 'payment', recorded_by: anne.login, source: 'desk', amount_ore: 1234550 },
    ]);
    // PostgreSQL's audit trigger wrote what the desk wrote, in the person's name.
    const central = (await admin.query<{ actor_id: string; data: unknown }>(
      "SELECT actor_id, data FROM case_events WHERE case_id = $1 AND kind = 'billing_recorded' ORDER BY id", [caseId])).rows;
    expect(central.every((row) => row.actor_id === anne.login)).toBe(true);
    expect(central.map((row) => (typeof row.data === 'string' ? JSON.parse(row.data) : row.data))).toEqual(optimistic);
    expect(await startApprovals(caseId)).toBe(1);
    expect((await admin.query("SELECT created_by FROM outgoing_messages WHERE case_id = $1 AND kind = 'start_approval'", [caseId])).rows[0])
      .toEqual({ created_by: anne.login });
    // The cache now holds the server's rows, no longer the optimistic ones.
    await eventually(() => (sqlite.prepare('SELECT count(*) AS n FROM billing_events WHERE case_id = ? AND pending_seq IS NULL').get(caseId) as { n: number }).n === 4,
      10_000, 'the pulled billing events');
    ok(await anne.core.dispatch('case.release', { caseId }));
  });
});

describe('PostgreSQL refuses', () => {
  it('a payment recorded by a reader, or by a case handler without the claim (42501)', async () => {
    const { id: caseId, offerId } = await caseWithOffer('invoice_sent');
    const insert = `INSERT INTO billing_events (id, case_id, offer_id, offer_version, kind, amount_ore, occurred_on, source, outcome)
      VALUES (gen_random_uuid()::text, $1, $2, 1, 'payment', 1234550, '2026-11-27', 'desk', 'applied')`;
    expect((await refusal(reader.query(insert, [caseId, offerId]))).code).toBe(CENTRAL_REFUSALS.permission_denied);
    expect((await refusal(reader.query("UPDATE cases SET status = 'paid' WHERE id = $1", [caseId]))).code).toBe(CENTRAL_REFUSALS.permission_denied);
    expect((await refusal(reader.query(
      "INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body) VALUES (gen_random_uuid(), $1, 'start_approval', 'x', 'x', 'x')",
      [caseId]))).code).toBe(CENTRAL_REFUSALS.permission_denied);
    expect((await refusal(per.query(insert, [caseId, offerId]))).code).toBe(CENTRAL_REFUSALS.permission_denied);
    expect(await count('SELECT count(*) AS n FROM billing_events WHERE case_id = $1', [caseId])).toBe(0);
    expect(await centralStatus(caseId)).toBe('invoice_sent');
  });

  it('any change to a recorded billing step, even by the owner (DK008)', async () => {
    const { caseNumber } = await caseWithOffer('invoice_sent', 100_000);
    await importPaymentsIntoCentral(admin, 'x.csv', `${HEADER}\nIMM-1;betaling;${caseNumber};1;1 000,00;2026-11-27;`);
    expect((await refusal(admin.query("UPDATE billing_events SET amount_ore = 1 WHERE id = 'IMM-1'"))).code).toBe(CENTRAL_REFUSALS.billing_event_immutable);
    expect((await refusal(admin.query("DELETE FROM billing_events WHERE id = 'IMM-1'"))).code).toBe(CENTRAL_REFUSALS.billing_event_immutable);
  });
});

describe('PostgreSQL refuses what a tampered desk would send', () => {
  const deskStep = `INSERT INTO billing_events (id, case_id, offer_id, offer_version, kind, amount_ore, occurred_on, source, outcome)
    VALUES ($1, $2, $3, $4, $5, $6, '2026-11-27', 'desk', 'applied')`;
  let released: { caseId: number; paymentId: string; invoiceId: string };

  it("a desk step that is not the case's own offer as issued (23514 desk:billing_event_offer)", async () => {
    const mine = await caseWithOffer('invoice_sent', 500_000);
    const other = await caseWithOffer('invoice_sent', 700_000);
    await per.query('SELECT claim_case($1)', [mine.id]);
    const forged: Array<[string, string, number, string, number | null]> = [
      ['F-amount', mine.offerId, 1, 'payment', 1],
      ['F-other-case', other.offerId, 1, 'payment', 700_000],
      ['F-version', mine.offerId, 2, 'payment', 500_000],
      ['F-no-offer', '00000000-0000-4000-8000-00000000000f', 1, 'payment', 500_000],
      ['F-invoice-amount', mine.offerId, 1, 'invoice', 500_000],
    ];
    for (const [id, offerId, version, kind, amount] of forged) {
      const refused = await refusal(per.query(deskStep, [id, mine.id, offerId, version, kind, amount]));
      expect(refused.code, id).toBe('23514');
      expect(refused.message).toContain('desk:billing_event_offer');
    }
    expect(await count('SELECT count(*) AS n FROM billing_events WHERE case_id = $1', [mine.id])).toBe(0);
    // The offer's own figures pass.
    await per.query(deskStep, ['F-invoice', mine.id, mine.offerId, 1, 'invoice', null]);
    await per.query(deskStep, ['F-payment', mine.id, mine.offerId, 1, 'payment', 500_000]);
    released = { caseId: mine.id, paymentId: 'F-payment', invoiceId: 'F-invoice' };
  });

  it('a start approval or a work order message written by hand; a start approval only after a step that released the work', async () => {
    const { caseId, paymentId, invoiceId } = released;
    for (const kind of ['start_approval', 'work_order']) {
      const refused = await refusal(per.query(
        "INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body) VALUES (gen_random_uuid(), $1, $2, 'x', 'x', 'x')",
        [caseId, kind]));
      expect(refused.code, kind).toBe(CENTRAL_REFUSALS.permission_denied);
    }
    const queue = (eventId: string) => per.query<{ stored: boolean }>(
      "SELECT queue_start_approval($1, gen_random_uuid(), 'installer@example.no', 'Igangsettingstillatelse', 'Start') AS stored", [eventId]);
    const notReleased = await refusal(queue(invoiceId));
    expect(notReleased.code).toBe(CENTRAL_REFUSALS.permission_denied);
    expect(notReleased.message).toContain('desk:start_approval_refused');
    expect(await startApprovals(caseId)).toBe(0);
    expect((await queue(paymentId)).rows).toEqual([{ stored: true }]);
    expect((await queue(paymentId)).rows).toEqual([{ stored: false }]);
    expect((await admin.query("SELECT created_by FROM outgoing_messages WHERE case_id = $1 AND kind = 'start_approval'", [caseId])).rows)
      .toEqual([{ created_by: await per.query('SELECT desk_actor() AS u').then((r) => r.rows[0].u as string) }]);
  });

  it('a flag marked resolved at a time or in a name of its own choosing: the history is append-only, resolve_billing_flag stamps now and the person', async () => {
    const { caseNumber } = await caseWithOffer('invoice_sent', 100_000);
    await importPaymentsIntoCentral(admin, 'flag.csv', `${HEADER}
FLAG-1;betaling;${caseNumber};1;999,00;2026-11-27;`);
    const me = (await per.query('SELECT desk_actor() AS u')).rows[0].u as string;
    const forged = await refusal(per.query("UPDATE billing_events SET resolved_at = '2020-01-01T00:00:00Z', resolved_by = $1 WHERE id = 'FLAG-1'", [me]));
    expect(forged.code).toBe(CENTRAL_REFUSALS.permission_denied);
    expect((await per.query("SELECT resolve_billing_flag('FLAG-1') AS resolved")).rows).toEqual([{ resolved: true }]);
    const { rows } = await admin.query<{ recent: boolean; resolved_by: string }>(
      "SELECT resolved_at > now() - interval '1 minute' AS recent, resolved_by FROM billing_events WHERE id = 'FLAG-1'");
    expect(rows).toEqual([{ recent: true, resolved_by: me }]);
  });
});

describe('the billing file, centrally', () => {
  it('applies, flags, quarantines — and the same file again changes nothing', async () => {
    const a = await caseWithOffer('invoice_sent', 1_234_550);
    const b = await caseWithOffer('invoice_sent', 500_000);
    const c = await caseWithOffer('invoice_sent', 400_000);
    // c's offer is superseded by a version 2.
    await admin.query("UPDATE offers SET state = 'superseded' WHERE id = $1", [c.offerId]);
    await insertIssuedOfferCentral(admin, c.id, { version: 2, grossOre: 450_000 });
    const file = [
      HEADER,
      `C-1;betaling;${a.caseNumber};1;12 345,50;26.11.2026;KID 1`,
      `C-2;betaling;${b.caseNumber};1;4 999,99;2026-11-26;KID 2`,
      `C-3;betaling;${c.caseNumber};1;4 000,00;2026-11-26;KID 3`,
      'C-4;betaling;2099-999999;1;1 000,00;2026-11-26;',
      `C-5;betaling;${a.caseNumber};x;1 000,00;2026-11-26;`,
    ].join('\n');
    const first = await importPaymentsIntoCentral(admin, 'betalinger.csv', file);
    expect(first).toMatchObject({ applied: 1, flagged: 2, quarantined: 2, duplicates: 0 });
    expect(first.flaggedRows.map((row) => row.code)).toEqual(['amountMismatch', 'offerSuperseded']);
    expect(await centralStatus(a.id)).toBe('paid');
    expect(await startApprovals(a.id)).toBe(1);
    expect(await centralStatus(b.id)).toBe('invoice_sent');
    expect(await startApprovals(b.id)).toBe(0);
    const flagged = (await admin.query("SELECT outcome, flag_code, flag_params FROM billing_events WHERE id = 'C-2'")).rows[0];
    expect(flagged).toMatchObject({ outcome: 'flagged', flag_code: 'amountMismatch' });
    expect(JSON.parse(flagged.flag_params as string)).toMatchObject({ amount: '4\u00a0999,99\u00a0kr', expected: '5\u00a0000,00\u00a0kr' });
    const quarantined = (await admin.query<{ source: string; reasons: string }>(
      "SELECT source, reasons FROM import_quarantine WHERE source = 'billing:betalinger.csv' ORDER BY received_at")).rows;
    expect(quarantined).toHaveLength(2);

    const tables = ['billing_events', 'case_events', 'import_quarantine', 'outgoing_messages'];
    const counts = async () => {
      const result: number[] = [];
      for (const table of tables) result.push(await count(`SELECT count(*) AS n FROM ${table}`));
      return result;
    };
    const before = await counts();
    const second = await importPaymentsIntoCentral(admin, 'betalinger.csv', file);
    expect(second).toMatchObject({ applied: 0, flagged: 0, quarantined: 0, duplicates: 3, alreadyQuarantined: 2 });
    expect(await counts()).toEqual(before);

    // The desk sees the flag on the case.
    await anne.core.central!.engine.whenIdle();
    await expect.poll(async () => ok<CaseBillingView>(await anne.core.dispatch('case.billing', { caseId: b.id })).openFlags.length,
      { timeout: 10_000 }).toBe(1);
    const billing = ok<CaseBillingView>(await anne.core.dispatch('case.billing', { caseId: b.id }));
    expect(billing.openFlags[0]).toMatchObject({ id: 'C-2', flagCode: 'amountMismatch', flagParams: { expected: '5\u00a0000,00\u00a0kr' } });

    // A reader may not mark it resolved; a case handler may, in their own name, and the history says so.
    expect((await refusal(reader.query("UPDATE billing_events SET resolved_at = now(), resolved_by = session_user WHERE id = 'C-2'")))
      .code).toBe(CENTRAL_REFUSALS.permission_denied);
    ok(await anne.core.dispatch('billing.resolveFlag', { billingEventId: 'C-2' }));
    expect(ok<CaseBillingView>(await anne.core.dispatch('case.billing', { caseId: b.id })).openFlags).toEqual([]);
    expect(await anne.core.dispatch('billing.resolveFlag', { billingEventId: 'C-2' })).toMatchObject({ ok: false, error: { code: 'billing.flagNotFound' } });
    await pushed();
    expect((await admin.query("SELECT resolved_by FROM billing_events WHERE id = 'C-2'")).rows[0]).toEqual({ resolved_by: anne.login });
    expect((await admin.query("SELECT actor_id FROM case_events WHERE case_id = $1 AND kind = 'billing_flag_resolved'", [b.id])).rows)
      .toEqual([{ actor_id: anne.login }]);
  });

  it('releases on acceptance where the company says so, and sends the start approval exactly once', async () => {
    await admin.query("INSERT INTO company_settings (key, value) VALUES ('release_on_acceptance', 'true') ON CONFLICT (key) DO UPDATE SET value = 'true'");
    try {
      const d = await caseWithOffer('offer_sent', 300_000);
      const acceptance = `${HEADER}\nD-1;aksept;${d.caseNumber};1;3 000,00;2026-11-27;`;
      expect(await importPaymentsIntoCentral(admin, 'a.csv', acceptance)).toMatchObject({ applied: 1 });
      expect(await centralStatus(d.id)).toBe('offer_accepted');
      expect(await startApprovals(d.id)).toBe(1);
      const rest = `${HEADER}\nD-2;faktura;${d.caseNumber};1;;2026-11-27;\nD-3;betaling;${d.caseNumber};1;3 000,00;2026-11-27;`;
      expect(await importPaymentsIntoCentral(admin, 'b.csv', rest)).toMatchObject({ applied: 2 });
      expect(await importPaymentsIntoCentral(admin, 'a.csv', acceptance)).toMatchObject({ duplicates: 1 });
      expect(await centralStatus(d.id)).toBe('paid');
      expect(await startApprovals(d.id)).toBe(1);
      expect(await count("SELECT count(*) AS n FROM case_events WHERE case_id = $1 AND kind = 'message_queued'", [d.id])).toBe(1);
    } finally {
      await admin.query("UPDATE company_settings SET value = 'false' WHERE key = 'release_on_acceptance'");
    }
  });

  it('a quarantined row fixed in the app and marked ready is taken by import-payments --quarantined, not by the message import', async () => {
    const e = await caseWithOffer('invoice_sent', 200_000);
    await importPaymentsIntoCentral(admin, 'feil.csv', `${HEADER}\nQ-1;betalng;${e.caseNumber};1;2 000,00;2026-11-27;`);
    const { rows } = await admin.query<{ id: string; raw: string }>("SELECT id, raw FROM import_quarantine WHERE source = 'billing:feil.csv'");
    expect(rows).toHaveLength(1);
    // What the app's quarantine screen does centrally: the fix saved, the row marked ready for the importer.
    await admin.query("UPDATE import_quarantine SET raw = $2, state = 'ready' WHERE id = $1", [rows[0].id, rows[0].raw.replace('betalng', 'betaling')]);
    expect(await importReadyQuarantine(admin, new Date())).toMatchObject({ imported: 0, quarantined: 0 });
    expect((await admin.query('SELECT state FROM import_quarantine WHERE id = $1', [rows[0].id])).rows[0].state).toBe('ready');
    expect(await importReadyBillingQuarantine(admin)).toMatchObject({ applied: 1, quarantined: 0 });
    expect((await admin.query('SELECT state FROM import_quarantine WHERE id = $1', [rows[0].id])).rows[0].state).toBe('imported');
    expect(await centralStatus(e.id)).toBe('paid');
    expect(await startApprovals(e.id)).toBe(1);
  });
});
