// After the offer, standalone against a real SQLite file: the billing steps from the decision bar (send only an
// issued offer within its validity, acceptance and payment with amount, date and reference, a payment that does not
// match refused and nothing written), the installer's start approval exactly once — on payment, or on acceptance
// where the company releases on acceptance — and the queue's filters for expired offers and billing flags.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError, CaseBillingView, CaseDetail, QueueCounts, QueuePage } from '../../../shared/contract';
import { NO_QUEUE_FILTERS } from '../../../shared/contract/queueDefaults';
import { importPaymentsIntoSqlite } from '../../../core/billing/localPaymentImport';
import { HARNESS_NOW, startInProcessHarness, type InProcessHarness } from '../../../harness/inProcessHarness';
import { insertIssuedOffer } from '../../support/issuedOffer';

let harness: InProcessHarness;
let caseId: number;
let caseNumber: string;

beforeEach(() => {
  harness = startInProcessHarness({ cases: 20 });
  const row = sqlite().prepare('SELECT id, case_number FROM cases WHERE id NOT IN (SELECT case_id FROM offers) ORDER BY id LIMIT 1').get() as { id: number; case_number: string };
  ({ id: caseId, case_number: caseNumber } = row);
  sqlite().prepare("UPDATE cases SET status = 'approved' WHERE id = ?").run(caseId);
  harness.core.context.casesChanged([caseId]);
});
afterEach(() => harness.dispose());

const sqlite = () => harness.core.database.sqlite;
async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await harness.core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
async function refused(name: string, input: unknown): Promise<AppError> {
  const result = await harness.core.dispatch(name, input);
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.error;
}
const count = (sql: string, ...params: unknown[]) => (sqlite().prepare(sql).get(...params) as { n: number }).n;
const startApprovals = (id = caseId) => count("SELECT count(*) AS n FROM outgoing_messages WHERE case_id = ? AND kind = 'start_approval'", id);
const status = (id = caseId) => (sqlite().prepare('SELECT status FROM cases WHERE id = ?').get(id) as { status: string }).status;
const events = (kind: string, id = caseId) =>
  (sqlite().prepare('SELECT data FROM case_events WHERE case_id = ? AND kind = ? ORDER BY id').all(id, kind) as { data: string }[])
    .map((row) => JSON.parse(row.data) as Record<string, unknown>);
const act = (action: string, extra: Record<string, unknown> = {}) => ok('case.act', { caseId, action, ...extra });

describe('the billing steps from the decision bar', () => {
  it('offers "send the offer" only once there is an offer, and refuses one past its validity', async () => {
    const blockers = async () => (await ok<CaseDetail>('case.get', { caseId })).actionBlockers.sendOffer;
    expect((await ok<CaseDetail>('case.get', { caseId })).allowedActions).toContain('sendOffer');
    // The case view disables the button and says why, with the code the mutation refuses with.
    expect(await blockers()).toEqual([{ code: 'offerStep.noIssuedOffer' }]);
    expect(await refused('case.act', { caseId, action: 'sendOffer' })).toMatchObject({ code: 'offerStep.noIssuedOffer' });
    insertIssuedOffer(sqlite(), caseId, { validUntil: '2026-11-26' });
    expect(await blockers()).toEqual([{ code: 'offerStep.offerExpired', params: { offerVersion: 1, validUntil: '2026-11-26' } }]);
    expect(await refused('case.act', { caseId, action: 'sendOffer' })).toMatchObject({
      code: 'offerStep.offerExpired', params: { offerVersion: 1, validUntil: '2026-11-26' },
    });
    expect(status()).toBe('approved');
    expect(count(`SELECT count(*) AS n FROM billing_events WHERE case_id = ${caseId}`)).toBe(0);
  });

  it('sends, accepts, invoices and registers the payment, each in the history with the offer version', async () => {
    insertIssuedOffer(sqlite(), caseId, { version: 1, grossOre: 1_234_550 });
    expect((await ok<CaseDetail>('case.get', { caseId })).actionBlockers.sendOffer).toEqual([]);
    await act('sendOffer');
    expect(status()).toBe('offer_sent');
    await act('acceptOffer', { reference: 'signert avtale' });
    await act('sendInvoice');
    expect(startApprovals()).toBe(0);

    const outbox = count('SELECT count(*) AS n FROM outbox');
    const wrong = await refused('case.act', { caseId, action: 'registerPayment', amountOre: 1_234_549, occurredOn: '2026-11-27' });
    expect(wrong).toMatchObject({ code: 'offerStep.amountMismatch', params: { amount: '12\u00a0345,49\u00a0kr', expected: '12\u00a0345,50\u00a0kr' } });
    expect(count('SELECT count(*) AS n FROM outbox')).toBe(outbox);
    expect(status()).toBe('invoice_sent');

    await act('registerPayment', { amountOre: 1_234_550, occurredOn: '2026-11-26', reference: 'KID 4711' });
    expect(status()).toBe('paid');
    expect(events('billing_recorded')).toEqual([
      { billingEventId: expect.any(String), kind: 'offer_sent', offerVersion: 1, occurredOn: '2026-11-27', source: 'desk', outcome: 'applied' },
      { billingEventId: expect.any(String), kind: 'acceptance', offerVersion: 1, amountOre: 1_234_550, occurredOn: '2026-11-27', reference: 'signert avtale', source: 'desk', outcome: 'applied' },
      { billingEventId: expect.any(String), kind: 'invoice', offerVersion: 1, occurredOn: '2026-11-27', source: 'desk', outcome: 'applied' },
      { billingEventId: expect.any(String), kind: 'payment', offerVersion: 1, amountOre: 1_234_550, occurredOn: '2026-11-26', reference: 'KID 4711', source: 'desk', outcome: 'applied' },
    ]);
    expect(events('status_changed').map((e) => e.to).slice(-4)).toEqual(['offer_sent', 'offer_accepted', 'invoice_sent', 'paid']);

    // Paid (the default practice): one start approval to the installer, in Norwegian, stored for delivery.
    expect(startApprovals()).toBe(1);
    const message = sqlite().prepare("SELECT subject, body, recipient FROM outgoing_messages WHERE case_id = ? AND kind = 'start_approval'")
      .get(caseId) as { subject: string; body: string; recipient: string };
    expect(message.subject).toBe(`Klarsignal ${caseNumber} – ${(sqlite().prepare('SELECT address FROM cases WHERE id = ?').get(caseId) as { address: string }).address}`);
    expect(message.body).toContain('kan starte');
    expect(message.body).toContain('registrert betalt 26. november 2026');
    expect(events('message_queued')).toEqual([{ messageId: expect.any(String), kind: 'start_approval', subject: message.subject }]);

    const billing = await ok<CaseBillingView>('case.billing', { caseId });
    expect(billing.events.map((e) => e.kind)).toEqual(['offer_sent', 'acceptance', 'invoice', 'payment']);
    expect(billing.startApproval).not.toBeNull();
    expect(billing.openFlags).toEqual([]);
  });

  it('a reader may not take a billing step', async () => {
    await harness.dispose();
    harness = startInProcessHarness({ cases: 20, userId: 'liv.berge' });
    const id = (sqlite().prepare('SELECT id FROM cases WHERE id NOT IN (SELECT case_id FROM offers) ORDER BY id LIMIT 1').get() as { id: number }).id;
    sqlite().prepare("UPDATE cases SET status = 'invoice_sent' WHERE id = ?").run(id);
    insertIssuedOffer(sqlite(), id);
    expect((await ok<CaseDetail>('case.get', { caseId: id })).allowedActions).toEqual([]);
    expect(await refused('case.act', { caseId: id, action: 'registerPayment' })).toMatchObject({ code: 'permission.denied' });
  });
});

describe('the billing file, standalone', () => {
  const importFile = (text: string, name = 'betalinger.csv') =>
    importPaymentsIntoSqlite(sqlite(), name, text, { now: new Date(HARNESS_NOW) });
  const HEADER = 'hendelse_id;type;saksnummer;tilbudsversjon;beløp;dato;referanse';

  it('applies matching rows, flags mismatches for a person, quarantines bad rows — and a second run changes nothing', async () => {
    const [a, b, c, d] = (sqlite().prepare('SELECT id, case_number FROM cases WHERE id NOT IN (SELECT case_id FROM offers) ORDER BY id LIMIT 4').all() as { id: number; case_number: string }[]);
    for (const row of [a, b, c, d]) sqlite().prepare("UPDATE cases SET status = 'invoice_sent' WHERE id = ?").run(row.id);
    insertIssuedOffer(sqlite(), a.id, { grossOre: 1_234_550 });
    insertIssuedOffer(sqlite(), b.id, { grossOre: 500_000 });
    insertIssuedOffer(sqlite(), c.id, { version: 1, state: 'superseded', grossOre: 400_000 });
    insertIssuedOffer(sqlite(), c.id, { version: 2, grossOre: 450_000 });
    insertIssuedOffer(sqlite(), d.id, { grossOre: 100_000 });
    const file = [
      HEADER,
      `B-1;betaling;${a.case_number};1;12 345,50;26.11.2026;KID 1`,
      `B-2;betaling;${b.case_number};1;4 999,99;2026-11-26;KID 2`,
      `B-3;betaling;${c.case_number};1;4 000,00;2026-11-26;KID 3`,
      `B-4;betaling;${d.case_number};7;1 000,00;2026-11-26;KID 4`,
      'B-5;betaling;2099-999999;1;1 000,00;2026-11-26;',
      `B-6;refusjon;${a.case_number};1;abc;2026-13-01;`,
    ].join('\n');

    const first = importFile(file);
    expect(first).toMatchObject({ applied: 1, flagged: 3, duplicates: 0, quarantined: 2 });
    expect(first.flaggedRows.map((row) => [row.line, row.code])).toEqual([[3, 'amountMismatch'], [4, 'offerSuperseded'], [5, 'offerUnknown']]);
    expect(status(a.id)).toBe('paid');
    expect(startApprovals(a.id)).toBe(1);
    for (const row of [b, c, d]) {
      expect(status(row.id)).toBe('invoice_sent');
      expect(startApprovals(row.id)).toBe(0);
    }
    // The flag is on the case, with what is wrong, and findable in the queue.
    const billing = await ok<CaseBillingView>('case.billing', { caseId: b.id });
    expect(billing.openFlags).toMatchObject([{ id: 'B-2', flagCode: 'amountMismatch', source: 'billing_file', amountOre: 499_999 }]);
    expect(events('billing_recorded', b.id)).toEqual([
      { billingEventId: 'B-2', kind: 'payment', offerVersion: 1, amountOre: 499_999, occurredOn: '2026-11-26', reference: 'KID 2', source: 'billing_file', outcome: 'flagged', flagCode: 'amountMismatch' },
    ]);
    harness.core.context.casesChanged('all');
    const flagged = await ok<QueuePage>('queue.list', { filters: { ...NO_QUEUE_FILTERS, billingFlaggedOnly: true }, limit: 50 });
    expect(flagged.rows.map((row) => row.id).sort()).toEqual([b.id, c.id, d.id].sort());

    // Malformed rows and the unknown case: quarantined whole, with Norwegian reasons, told apart by their source.
    const quarantine = sqlite().prepare("SELECT source, raw, reasons FROM import_quarantine WHERE source LIKE 'billing:%' ORDER BY received_at, raw")
      .all() as { source: string; raw: string; reasons: string }[];
    expect(quarantine).toHaveLength(2);
    expect(quarantine.every((row) => row.source === 'billing:betalinger.csv')).toBe(true);
    const reasons = quarantine.flatMap((row) => (JSON.parse(row.reasons) as { message: string }[]).map((r) => r.message));
    expect(reasons).toContain('Fant ingen sak med saksnummer «2099-999999».');
    expect(reasons).toContain('Ukjent type «refusjon»: bruk betaling, godtatt eller faktura.');

    const before = ['billing_events', 'case_events', 'import_quarantine', 'outgoing_messages']
      .map((table) => count(`SELECT count(*) AS n FROM ${table}`));
    const second = importFile(file);
    expect(second).toMatchObject({ applied: 0, flagged: 0, duplicates: 4, quarantined: 0, alreadyQuarantined: 2 });
    expect(['billing_events', 'case_events', 'import_quarantine', 'outgoing_messages']
      .map((table) => count(`SELECT count(*) AS n FROM ${table}`))).toEqual(before);
  });

  it('sends the start approval once when the company releases on acceptance, however payment and acceptance arrive', async () => {
    sqlite().prepare("INSERT OR REPLACE INTO company_settings (key, value) VALUES ('release_on_acceptance', 'true')").run();
    insertIssuedOffer(sqlite(), caseId, { grossOre: 300_000 });
    await act('sendOffer');
    const acceptance = `${HEADER}\nA-1;aksept;${caseNumber};1;3 000,00;27.11.2026;`;
    expect(importFile(acceptance)).toMatchObject({ applied: 1 });
    expect(status()).toBe('offer_accepted');
    expect(startApprovals()).toBe(1);
    expect((sqlite().prepare("SELECT body FROM outgoing_messages WHERE case_id = ? AND kind = 'start_approval'").get(caseId) as { body: string }).body)
      .toContain('vi frigir arbeidet når tilbudet er godtatt');
    const rest = `${HEADER}\nI-1;faktura;${caseNumber};1;;27.11.2026;\nP-1;betaling;${caseNumber};1;3 000,00;27.11.2026;KID`;
    expect(importFile(rest)).toMatchObject({ applied: 2 });
    expect(status()).toBe('paid');
    expect(startApprovals()).toBe(1);
    expect(importFile(acceptance)).toMatchObject({ duplicates: 1 });
    expect(startApprovals()).toBe(1);
  });

  it('by default sends nothing on acceptance, and the start approval on payment', async () => {
    insertIssuedOffer(sqlite(), caseId, { grossOre: 300_000 });
    await act('sendOffer');
    importFile(`${HEADER}\nA-1;aksept;${caseNumber};1;;27.11.2026;\nI-1;faktura;${caseNumber};1;;27.11.2026;`);
    expect(status()).toBe('invoice_sent');
    expect(startApprovals()).toBe(0);
    importFile(JSON.stringify([{ hendelse_id: 'P-1', type: 'betaling', saksnummer: caseNumber, tilbudsversjon: 1, 'beløp': '3000,00', dato: '2026-11-27' }]), 'p.json');
    expect(startApprovals()).toBe(1);
  });

  it('a quarantined row fixed in the app goes through the payment import, not the message importer', async () => {
    insertIssuedOffer(sqlite(), caseId, { grossOre: 300_000 });
    sqlite().prepare("UPDATE cases SET status = 'invoice_sent' WHERE id = ?").run(caseId);
    importFile(`${HEADER}\nP-9;betalt;${caseNumber};1;3 000,00;27.11.2026;`.replace('betalt', 'betalng'));
    const { id, raw } = sqlite().prepare("SELECT id, raw FROM import_quarantine WHERE source LIKE 'billing:%'").get() as { id: string; raw: string };
    const fixed = raw.replace('betalng', 'betaling');
    const result = await ok<{ outcome: string }>('quarantine.reimport', { id, raw: fixed });
    expect(result.outcome).toBe('imported');
    expect(status()).toBe('paid');
    expect((sqlite().prepare('SELECT state FROM import_quarantine WHERE id = ?').get(id) as { state: string }).state).toBe('imported');
  });
});

describe('the queue: offers past their validity', () => {
  it('lists sent offers whose validity has run out, and not accepted or still valid ones', async () => {
    const rows = sqlite().prepare('SELECT id FROM cases WHERE id NOT IN (SELECT case_id FROM offers) ORDER BY id LIMIT 3').all() as { id: number }[];
    const [expired, valid, accepted] = rows.map((row) => row.id);
    sqlite().prepare("UPDATE cases SET status = 'offer_sent' WHERE id IN (?, ?)").run(expired, valid);
    sqlite().prepare("UPDATE cases SET status = 'offer_accepted' WHERE id = ?").run(accepted);
    insertIssuedOffer(sqlite(), expired, { validUntil: '2026-11-26' });
    insertIssuedOffer(sqlite(), valid, { validUntil: '2026-11-27' });
    insertIssuedOffer(sqlite(), accepted, { validUntil: '2026-11-01' });
    harness.core.context.casesChanged('all');
    const filters = { ...NO_QUEUE_FILTERS, offersExpiredOnly: true };
    const page = await ok<QueuePage>('queue.list', { filters, limit: 50 });
    expect(page.rows.map((row) => row.id)).toEqual([expired]);
    expect((await ok<QueueCounts>('queue.counts', { filters: NO_QUEUE_FILTERS })).offersExpired).toBe(1);
  });
});
