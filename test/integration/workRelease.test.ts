// Work orders follow the case, standalone against a real SQLite file: the service-line work of an offer case cannot be
// ordered before the offer is sent, nor before it is paid (or accepted, where the company releases then) — by the
// case view's call or by the mutation with hand-made arguments — and once released its due date counts from the day
// of the release, not from the day it is ordered. Meter mounting waits for the ferdigmelding.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError, CreateOfferDraftResult, IssueOfferResult, OrderWorkResult, WorkOrderPanel } from '../../shared/contract';
import { orderWork } from '../../core/mutations/workOrderMutations';
import { runMutation } from '../../core/mutations/runMutation';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';
import { insertIssuedOffer } from '../support/issuedOffer';

let harness: InProcessHarness;
let caseId: number;

/** A new house in Kristiansand (4204), approved on Monday 2 November; its installer is prequalified for nothing. */
beforeEach(() => {
  harness = startInProcessHarness({ cases: 20, userId: 'marit.rosseland' });
  const s = sqlite();
  caseId = (s.prepare("SELECT id FROM cases WHERE status = 'closed' ORDER BY id LIMIT 1").get() as { id: number }).id;
  const { installer_id: installerId } = s.prepare('SELECT installer_id FROM cases WHERE id = ?').get(caseId) as { installer_id: number };
  s.prepare(`UPDATE cases SET request_type = 'new_installation', main_fuse_a = 40, has_production = 0, municipality_number = '4204',
               work_routing = '{}', status = 'approved' WHERE id = ?`).run(caseId);
  s.prepare("DELETE FROM case_events WHERE case_id = ? AND kind = 'status_changed'").run(caseId);
  s.prepare(`INSERT INTO case_events (case_id, at, actor_id, kind, data)
             VALUES (?, '2026-11-02T10:00:00.000Z', 'kari.nordmann', 'status_changed', '{"from":"in_review","to":"approved"}')`).run(caseId);
  s.prepare('DELETE FROM prequalifications WHERE installer_id = ?').run(installerId);
  s.prepare(`INSERT INTO dsb_register (organisation_number, name, status, as_of)
             SELECT organisation_number, name, 'active', '2026-11-20' FROM installers WHERE id = ?
             ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`).run(installerId);
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
const panel = () => ok<WorkOrderPanel>('case.workOrders', { caseId });
const stateOf = async () => (await panel()).proposals.map((p) => [p.workKind, p.state === 'notReleased' ? p.awaits : p.state]);
const act = (action: string, extra: Record<string, unknown> = {}) => ok('case.act', { caseId, action, ...extra });
const ordersStored = () => (sqlite().prepare('SELECT count(*) AS n FROM work_orders WHERE case_id = ?').get(caseId) as { n: number }).n;
const setReleaseOnAcceptance = (on: boolean) =>
  sqlite().prepare("INSERT OR REPLACE INTO company_settings (key, value) VALUES ('release_on_acceptance', ?)").run(String(on));

/** The order's arguments as a desk would send them, for a call that skips the case view's checks. */
const handMadeOrder = (dueDate: string) => ({
  orderId: randomUUID(), caseId, workKind: 'service_cable_connection', supplierId: 1, agreementDays: 10,
  orderedOn: '2026-11-27', dueDate, messageId: randomUUID(), recipient: 'ordre@kkm.no', subject: 'Arbeidsordre',
  body: 'Arbeidsordre', pdfSha256: 'a'.repeat(64), pdfSizeBytes: 1000,
});
const rawOrderRefusal = (dueDate: string): unknown => {
  try {
    runMutation(harness.core.context, orderWork, handMadeOrder(dueDate));
  } catch (error) {
    return error;
  }
  throw new Error('the hand-made order was accepted');
};

describe('the service line of an offer case', () => {
  it('cannot be ordered before the offer is sent, nor while it waits for payment — by the case view or a hand-made call', async () => {
    expect(await stateOf()).toEqual([['service_cable_connection', 'offerSent'], ['direct_meter_mounting', 'completionNotice']]);
    expect(await refused('case.orderWork', { caseId, workKind: 'service_cable_connection' }))
      .toMatchObject({ code: 'workOrder.notReleased', params: { workKind: 'service_cable_connection', awaits: 'offerSent' } });
    expect(rawOrderRefusal('2026-12-11')).toMatchObject({ appError: { code: 'workOrder.notReleased' } });

    insertIssuedOffer(sqlite(), caseId, { grossOre: 1_234_550 });
    await act('sendOffer', { occurredOn: '2026-11-20' });
    expect(await stateOf()).toEqual([['service_cable_connection', 'payment'], ['direct_meter_mounting', 'completionNotice']]);
    await act('acceptOffer', { occurredOn: '2026-11-23' });
    await act('sendInvoice');
    expect(await stateOf()).toEqual([['service_cable_connection', 'payment'], ['direct_meter_mounting', 'completionNotice']]);
    expect(rawOrderRefusal('2026-12-11')).toMatchObject({ appError: { code: 'workOrder.notReleased' } });
    expect(await refused('case.orderWork', { caseId, workKind: 'direct_meter_mounting' }))
      .toMatchObject({ code: 'workOrder.notReleased', params: { awaits: 'completionNotice' } });
    expect(ordersStored()).toBe(0);
  });

  it('is released by the payment, and its due date counts from the day paid, not the day ordered', async () => {
    insertIssuedOffer(sqlite(), caseId, { grossOre: 1_234_550 });
    await act('sendOffer', { occurredOn: '2026-11-20' });
    await act('acceptOffer', { occurredOn: '2026-11-23' });
    await act('sendInvoice');
    await act('registerPayment', { amountOre: 1_234_550, occurredOn: '2026-11-24' });

    // Tuesday 24 November + 10 working days = Tuesday 8 December (ordered Friday 27th it would be the 11th).
    const [cable] = (await panel()).proposals;
    expect(cable).toEqual({ workKind: 'service_cable_connection', state: 'proposed', supplier: { id: 1, name: 'Kristiansand Kabel og Montasje AS' },
      agreementDays: 10, dueDate: '2026-12-08', releasedBy: 'payment', releasedOn: '2026-11-24' });
    // A due date counted from the order day is refused by the mutation itself.
    expect(rawOrderRefusal('2026-12-11')).toMatchObject({ appError: { code: 'workOrder.notProposed' } });
    const placed = await ok<OrderWorkResult>('case.orderWork', { caseId, workKind: 'service_cable_connection' });
    expect(placed.dueDate).toBe('2026-12-08');
    expect(sqlite().prepare('SELECT due_date, ordered_at FROM work_orders WHERE id = ?').get(placed.orderId))
      .toEqual({ due_date: '2026-12-08', ordered_at: '2026-11-27T09:30:00.000Z' });
    const message = sqlite().prepare('SELECT body FROM outgoing_messages WHERE id = (SELECT message_id FROM work_orders WHERE id = ?)')
      .get(placed.orderId) as { body: string };
    expect(message.body).toContain('8. desember 2026');
    // The meter still waits for the ferdigmelding.
    expect(await stateOf()).toEqual([['direct_meter_mounting', 'completionNotice']]);
  });

  it('is released by the acceptance where the company releases on acceptance, counted from that day', async () => {
    setReleaseOnAcceptance(true);
    insertIssuedOffer(sqlite(), caseId, { grossOre: 1_234_550 });
    await act('sendOffer', { occurredOn: '2026-11-20' });
    expect(await stateOf()).toEqual([['service_cable_connection', 'acceptance'], ['direct_meter_mounting', 'completionNotice']]);
    await act('acceptOffer', { occurredOn: '2026-11-23' });
    // Monday 23 November + 10 working days = Monday 7 December.
    expect((await panel()).proposals[0]).toMatchObject({ state: 'proposed', releasedBy: 'acceptance', releasedOn: '2026-11-23', dueDate: '2026-12-07' });
    const placed = await ok<OrderWorkResult>('case.orderWork', { caseId, workKind: 'service_cable_connection' });
    expect(placed.dueDate).toBe('2026-12-07');
  });
});

describe('an ended case', () => {
  it('releases nothing', async () => {
    sqlite().prepare("UPDATE cases SET status = 'rejected' WHERE id = ?").run(caseId);
    expect(await stateOf()).toEqual([['service_cable_connection', 'caseEnded'], ['direct_meter_mounting', 'caseEnded']]);
    expect(await refused('case.orderWork', { caseId, workKind: 'service_cable_connection' })).toMatchObject({ code: 'workOrder.notReleased', params: { awaits: 'caseEnded' } });
  });
});

describe("the owner's offer letter", () => {
  const letterText = async () => {
    const { offerId } = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    const issued = await ok<IssueOfferResult>('case.issueOffer', { offerId });
    const file = path.join(harness.dataDirectory, 'attachments', issued.pdfSha256);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
  };

  it('says when the installer may start by the company setting, not always on payment', async () => {
    expect(await letterText()).toContain('klarsignal til å starte arbeidet ved tilknytningspunktet når anleggsbidraget er betalt');
    setReleaseOnAcceptance(true);
    expect(await letterText()).toContain('klarsignal til å starte arbeidet ved tilknytningspunktet når du har godtatt tilbudet');
  });
});
