// Area suppliers and work orders on a standalone desk: the case view proposes the supplier whose agreement covers
// the installation's municipality (or shows the gap), only a supervisor orders, the order letter is rendered to
// PDF (read back with pdftotext) and filed with the case, a message is stored for delivery, the steps ordered →
// accepted → done are recorded, and done work moves the case on. The register is kept by supervisors only.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../core/attachments/attachmentStore';
import { fixedClock } from '../../core/clock';
import { createCore, type Core } from '../../core/createCore';
import { openLocalDatabase } from '../../core/db/openLocalDatabase';
import { seedDatabase } from '../../core/demo/seedDatabase';
import { ChromiumPdfRenderer } from '../../harness/chromiumPdfRenderer';
import type { AreaSupplierRegister, InstallerCheckView, OrderWorkResult, WorkOrderPanel } from '../../shared/contract';
import { importTextIntoDatabase } from '../../core/import/importService';
import { completionNotice } from '../fixtures/import/buildMessages';
import { ok } from '../support/apiResult';

const MIGRATIONS = path.resolve(__dirname, '../../db/local/migrations');
const OUTPUT = path.resolve(__dirname, '../../test-results/work-order');
const NOW = '2026-11-27T09:00:00Z';
const errorOf = (result: { ok: boolean; error?: unknown }) =>
  (result.ok ? null : (result.error as { code: string; params?: Record<string, unknown>; issues?: Array<{ path: string }> }));
const flat = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

/** A new house in Kristiansand (4204) whose installer is active in DSB but prequalified for nothing. */
function prepareCases(file: string, directory: string): { caseId: number; gapCaseId: number; earlyCaseId: number } {
  const seeded = openLocalDatabase({ file, migrationsFolder: MIGRATIONS });
  seedDatabase(seeded.sqlite, { cases: 30, seed: 5, today: '2026-11-27', attachmentStore: new AttachmentStore(path.join(directory, 'att')) });
  const s = seeded.sqlite;
  const prepare = (caseId: number, municipality: string) => {
    const { installer_id } = s.prepare('SELECT installer_id FROM cases WHERE id = ?').get(caseId) as { installer_id: number };
    s.prepare(`UPDATE cases SET request_type = 'new_installation', main_fuse_a = 40, has_production = 0, municipality_number = ?,
                 work_routing = '{}', status = 'completion_reported' WHERE id = ?`).run(municipality, caseId);
    // The demo's history of this case told another story; without it, the release has no date (counted from the order).
    s.prepare("DELETE FROM case_events WHERE case_id = ? AND kind = 'status_changed'").run(caseId);
    s.prepare('DELETE FROM billing_events WHERE case_id = ?').run(caseId);
    s.prepare('DELETE FROM prequalifications WHERE installer_id = ?').run(installer_id);
    s.prepare(`INSERT INTO dsb_register (organisation_number, name, status, as_of)
               SELECT organisation_number, name, 'active', '2026-11-20' FROM installers WHERE id = ?
               ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`).run(installer_id);
  };
  prepare(1, '4204');
  prepare(2, '4222'); // Bykle: no area supplier at all
  prepare(3, '4204');
  s.prepare("UPDATE cases SET status = 'paid' WHERE id = 3").run(); // the work may be done before the notice
  seeded.close();
  return { caseId: 1, gapCaseId: 2, earlyCaseId: 3 };
}

describe('work orders, standalone', () => {
  let directory: string;
  let renderer: ChromiumPdfRenderer;
  let handler: Core;
  let supervisor: Core;
  let ids: { caseId: number; gapCaseId: number; earlyCaseId: number };

  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'work-orders-test-'));
    const file = path.join(directory, 'desk.sqlite');
    ids = prepareCases(file, directory);
    renderer = new ChromiumPdfRenderer();
    const open = (userId: string) => createCore({
      databaseFile: file,
      migrationsFolder: MIGRATIONS,
      attachmentsDirectory: path.join(directory, 'att'),
      host: { openFile: async () => {} },
      clock: fixedClock(NOW),
      userId,
      pdfRenderer: renderer,
    });
    handler = open('kari.nordmann');
    supervisor = open('marit.rosseland');
  });
  afterAll(async () => {
    await handler?.close();
    await supervisor?.close();
    await renderer?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const sqlite = () => supervisor.database.sqlite;
  const panelAs = async (core: Core, caseId = ids.caseId) => ok<WorkOrderPanel>(await core.dispatch('case.workOrders', { caseId }));
  const statusOf = (caseId: number) => (sqlite().prepare('SELECT status FROM cases WHERE id = ?').get(caseId) as { status: string }).status;
  const eventsOf = (caseId: number, kinds: string[]) =>
    (sqlite().prepare(`SELECT kind, actor_id, data FROM case_events WHERE case_id = ? AND kind IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(caseId, JSON.stringify(kinds)) as Array<{ kind: string; actor_id: string; data: string }>)
      .map((e) => ({ kind: e.kind, actor: e.actor_id, data: JSON.parse(e.data) as Record<string, unknown> }));

  it('proposes the area supplier whose agreement covers the municipality, with the due date an order today gets', async () => {
    const panel = await panelAs(handler);
    expect(panel.municipality.number).toBe('4204');
    expect(panel.canOrder).toBe(false);
    expect(panel.canRecord).toBe(true);
    expect(panel.proposals).toEqual([
      // Friday 27 November + 10 working days; + 5 working days.
      { workKind: 'service_cable_connection', state: 'proposed', supplier: { id: 1, name: 'Kristiansand Kabel og Montasje AS' }, agreementDays: 10, dueDate: '2026-12-11',
        releasedBy: 'payment', releasedOn: null },
      { workKind: 'direct_meter_mounting', state: 'proposed', supplier: { id: 1, name: 'Kristiansand Kabel og Montasje AS' }, agreementDays: 5, dueDate: '2026-12-04',
        releasedBy: 'completionNotice', releasedOn: null },
    ]);
    expect((await panelAs(supervisor)).canOrder).toBe(true);
  });

  it('shows a municipality no agreement covers as a gap, not an error', async () => {
    const panel = await panelAs(handler, ids.gapCaseId);
    expect(panel.proposals).toEqual([
      { workKind: 'service_cable_connection', state: 'gap' },
      { workKind: 'direct_meter_mounting', state: 'gap' },
    ]);
    const ordering = await supervisor.dispatch('case.orderWork', { caseId: ids.gapCaseId, workKind: 'direct_meter_mounting' });
    expect(errorOf(ordering)?.code).toBe('workOrder.notProposed');
  });

  it('a case handler cannot order; nothing is stored', async () => {
    const result = await handler.dispatch('case.orderWork', { caseId: ids.caseId, workKind: 'direct_meter_mounting' });
    expect(errorOf(result)?.code).toBe('permission.denied');
    expect(sqlite().prepare('SELECT count(*) AS n FROM work_orders').get()).toEqual({ n: 0 });
    expect(sqlite().prepare("SELECT count(*) AS n FROM outbox WHERE mutation = 'case.orderWork'").get()).toEqual({ n: 0 });
  });

  it('a supervisor orders: the order with its due date, the letter on the case, the message for delivery, the history', async () => {
    const placed = ok<OrderWorkResult>(await supervisor.dispatch('case.orderWork', { caseId: ids.caseId, workKind: 'direct_meter_mounting' }));
    expect(placed.dueDate).toBe('2026-12-04');
    expect(placed.pdfAttachmentId).not.toBeNull();
    const order = sqlite().prepare('SELECT * FROM work_orders WHERE id = ?').get(placed.orderId) as Record<string, unknown>;
    expect(order).toMatchObject({ case_id: ids.caseId, supplier_id: 1, work_kind: 'direct_meter_mounting', status: 'ordered',
      agreement_days: 5, due_date: '2026-12-04', ordered_by: 'marit.rosseland', ordered_at: '2026-11-27T09:00:00.000Z' });
    const message = sqlite().prepare('SELECT * FROM outgoing_messages WHERE id = ?').get(order.message_id) as Record<string, string>;
    const supplierEmail = (sqlite().prepare('SELECT email FROM area_suppliers WHERE id = 1').get() as { email: string }).email;
    expect(message).toMatchObject({ case_id: ids.caseId, kind: 'work_order', recipient: supplierEmail, delivery_state: 'queued' });
    expect(message.subject).toContain('Montering av direktemålt måler');
    expect(message.body).toContain('Frist: 4. desember 2026 (5 virkedager)');
    expect(eventsOf(ids.caseId, ['work_ordered', 'message_queued'])).toEqual([
      { kind: 'work_ordered', actor: 'marit.rosseland', data: { orderId: placed.orderId, workKind: 'direct_meter_mounting', supplierId: 1, dueDate: '2026-12-04' } },
      { kind: 'message_queued', actor: 'marit.rosseland', data: { messageId: order.message_id, kind: 'work_order', subject: message.subject } },
    ]);
    const panel = await panelAs(handler);
    expect(panel.orders).toHaveLength(1);
    expect(panel.orders[0]).toMatchObject({ status: 'ordered', dueDate: '2026-12-04', workingDaysLeft: 5, overdue: false, pending: false,
      supplier: { id: 1, name: 'Kristiansand Kabel og Montasje AS' }, pdfAttachmentId: placed.pdfAttachmentId });
    expect(panel.proposals.map((p) => p.workKind)).toEqual(['service_cable_connection']);

    // The PDF: the supplier, the work, the case and installation, the due date, whom to contact.
    const attachment = supervisor.database.sqlite.prepare('SELECT file_name, sha256 FROM attachments WHERE id = ?').get(placed.pdfAttachmentId) as { file_name: string; sha256: string };
    const caseRow = sqlite().prepare('SELECT case_number, address FROM cases WHERE id = ?').get(ids.caseId) as { case_number: string; address: string };
    expect(attachment.file_name).toBe(`arbeidsordre-${caseRow.case_number}-direct-meter-mounting.pdf`);
    mkdirSync(OUTPUT, { recursive: true });
    const pdfFile = path.join(OUTPUT, 'work-order.pdf');
    copyFileSync(new AttachmentStore(path.join(directory, 'att')).pathOf(attachment.sha256), pdfFile);
    const text = flat(execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Kristiansand Kabel og Montasje AS');
    expect(text).toContain(`Arbeidsordre AO-${caseRow.case_number} – Montering av direktemålt måler`);
    expect(text).toContain(`Sak ${caseRow.case_number} · ${caseRow.address}`);
    expect(text).toContain('Frist: 4. desember 2026');
    expect(text).toContain('Kontakt hos Agder Nett AS: Marit Rosseland');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfFile, path.join(OUTPUT, 'work-order')]);
  });

  it('the same work is ordered once', async () => {
    const again = await supervisor.dispatch('case.orderWork', { caseId: ids.caseId, workKind: 'direct_meter_mounting' });
    expect(errorOf(again)?.code).toBe('workOrder.alreadyOrdered');
  });

  it('records accepted, then done, one step at a time; all ordered work done after the completion notice mounts the meter', async () => {
    const cable = ok<OrderWorkResult>(await supervisor.dispatch('case.orderWork', { caseId: ids.caseId, workKind: 'service_cable_connection' }));
    const meter = (await panelAs(handler)).orders.find((o) => o.workKind === 'direct_meter_mounting')!;

    expect(errorOf(await handler.dispatch('case.advanceWorkOrder', { orderId: meter.id, to: 'done' }))).toMatchObject({
      code: 'workOrder.statusChanged', params: { status: 'ordered' } });
    ok(await handler.dispatch('case.advanceWorkOrder', { orderId: meter.id, to: 'accepted' }));
    ok(await supervisor.dispatch('case.advanceWorkOrder', { orderId: meter.id, to: 'done' }));
    // The cable is still ordered: the case waits.
    expect(statusOf(ids.caseId)).toBe('completion_reported');
    ok(await supervisor.dispatch('case.advanceWorkOrder', { orderId: cable.orderId, to: 'accepted' }));
    ok(await supervisor.dispatch('case.advanceWorkOrder', { orderId: cable.orderId, to: 'done' }));
    expect(statusOf(ids.caseId)).toBe('meter_mounted');
    expect(errorOf(await supervisor.dispatch('case.advanceWorkOrder', { orderId: cable.orderId, to: 'done' }))?.code).toBe('workOrder.statusChanged');

    const history = eventsOf(ids.caseId, ['work_order_accepted', 'work_order_done', 'status_changed']);
    expect(history.slice(-5)).toEqual([
      { kind: 'work_order_accepted', actor: 'kari.nordmann', data: { orderId: meter.id, workKind: 'direct_meter_mounting' } },
      { kind: 'work_order_done', actor: 'marit.rosseland', data: { orderId: meter.id, workKind: 'direct_meter_mounting' } },
      { kind: 'work_order_accepted', actor: 'marit.rosseland', data: { orderId: cable.orderId, workKind: 'service_cable_connection' } },
      { kind: 'work_order_done', actor: 'marit.rosseland', data: { orderId: cable.orderId, workKind: 'service_cable_connection' } },
      { kind: 'status_changed', actor: 'marit.rosseland', data: { from: 'completion_reported', to: 'meter_mounted', rule: 'workOrdersDone' } },
    ]);
    const check = ok<InstallerCheckView>(await handler.dispatch('case.installerCheck', { caseId: ids.caseId }));
    expect(check.workOrders).toEqual({
      service_cable_connection: { supplierName: 'Kristiansand Kabel og Montasje AS', status: 'done', dueDate: '2026-12-11' },
      direct_meter_mounting: { supplierName: 'Kristiansand Kabel og Montasje AS', status: 'done', dueDate: '2026-12-04' },
    });
    const orders = (await panelAs(handler)).orders;
    expect(orders.map((o) => [o.workKind, o.status, o.acceptedBy, o.doneBy])).toEqual([
      ['service_cable_connection', 'done', 'marit.rosseland', 'marit.rosseland'],
      ['direct_meter_mounting', 'done', 'kari.nordmann', 'marit.rosseland'],
    ]);
  });
});

describe('work done before the completion notice, standalone', () => {
  let directory: string;
  let renderer: ChromiumPdfRenderer;
  let supervisor: Core;
  let ids: { earlyCaseId: number };

  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'work-orders-early-test-'));
    const file = path.join(directory, 'desk.sqlite');
    ids = prepareCases(file, directory);
    renderer = new ChromiumPdfRenderer();
    supervisor = createCore({
      databaseFile: file, migrationsFolder: MIGRATIONS, attachmentsDirectory: path.join(directory, 'att'),
      host: { openFile: async () => {} }, clock: fixedClock(NOW), userId: 'marit.rosseland', pdfRenderer: renderer,
    });
  });
  afterAll(async () => {
    await supervisor?.close();
    await renderer?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('the service line may be done while paid; the meter is ordered only after the notice, and done it mounts the meter', async () => {
    const sqlite = supervisor.database.sqlite;
    const caseId = ids.earlyCaseId;
    const statusOf = () => (sqlite.prepare('SELECT status FROM cases WHERE id = ?').get(caseId) as { status: string }).status;
    // Paid: the service line is released, the meter waits for the ferdigmelding.
    const early = ok<WorkOrderPanel>(await supervisor.dispatch('case.workOrders', { caseId }));
    expect(early.proposals.map((p) => [p.workKind, p.state])).toEqual([
      ['service_cable_connection', 'proposed'], ['direct_meter_mounting', 'notReleased']]);
    expect(errorOf(await supervisor.dispatch('case.orderWork', { caseId, workKind: 'direct_meter_mounting' })))
      .toEqual({ code: 'workOrder.notReleased', params: { workKind: 'direct_meter_mounting', awaits: 'completionNotice' } });
    const cable = ok<OrderWorkResult>(await supervisor.dispatch('case.orderWork', { caseId, workKind: 'service_cable_connection' }));
    ok(await supervisor.dispatch('case.advanceWorkOrder', { orderId: cable.orderId, to: 'accepted' }));
    ok(await supervisor.dispatch('case.advanceWorkOrder', { orderId: cable.orderId, to: 'done' }));
    expect(statusOf()).toBe('paid');

    const { message_id: caseMessageId, organisation_number: organisationNumber } = sqlite
      .prepare('SELECT c.message_id, i.organisation_number FROM cases c JOIN installers i ON i.id = c.installer_id WHERE c.id = ?')
      .get(caseId) as { message_id: string; organisation_number: string };
    const meters = JSON.parse((sqlite.prepare('SELECT meter_numbers FROM cases WHERE id = ?').get(caseId) as { meter_numbers: string }).meter_numbers) as string[];
    const notice = completionNotice(1, caseMessageId, { sender: { role: 'installer', organisationNumber, name: 'Installatøren' },
      meterReadings: meters.map((meterNumber) => ({ meterNumber, readingKwh: 1000 })) });
    const outcome = importTextIntoDatabase(sqlite, new AttachmentStore(path.join(directory, 'att')), JSON.stringify([notice]), 'test.json',
      { now: new Date(NOW) });
    expect(outcome).toMatchObject({ imported: 1, quarantined: 0 });
    // No meter work was done yet: the case waits for it.
    expect(statusOf()).toBe('completion_reported');

    // Released by the notice today (Friday 27 November): 5 working days from it.
    const after = ok<WorkOrderPanel>(await supervisor.dispatch('case.workOrders', { caseId }));
    expect(after.proposals).toEqual([expect.objectContaining({ workKind: 'direct_meter_mounting', state: 'proposed',
      releasedBy: 'completionNotice', releasedOn: '2026-11-27', dueDate: '2026-12-04' })]);
    const meter = ok<OrderWorkResult>(await supervisor.dispatch('case.orderWork', { caseId, workKind: 'direct_meter_mounting' }));
    ok(await supervisor.dispatch('case.advanceWorkOrder', { orderId: meter.orderId, to: 'accepted' }));
    ok(await supervisor.dispatch('case.advanceWorkOrder', { orderId: meter.orderId, to: 'done' }));
    expect(statusOf()).toBe('meter_mounted');
    const moves = (sqlite.prepare("SELECT data FROM case_events WHERE case_id = ? AND kind = 'status_changed' ORDER BY id").all(caseId) as
      Array<{ data: string }>).map((e) => JSON.parse(e.data) as unknown);
    expect(moves.slice(-2)).toEqual([
      { from: 'paid', to: 'completion_reported' },
      { from: 'completion_reported', to: 'meter_mounted', rule: 'workOrdersDone' },
    ]);
  });
});

describe('the area supplier register, standalone', () => {
  let directory: string;
  let handler: Core;
  let supervisor: Core;
  const bykle = {
    id: null,
    organisationNumber: '923 609 016',
    name: 'Bykle Elektro og Nett AS',
    contactPerson: 'Gunhild Bjørgum',
    email: 'ordre@bykle-elnett.no',
    phone: '37 93 80 00',
    municipalityNumbers: ['4222', '4221'],
    agreementWork: { direct_meter_mounting: 4, construction_power_connection: 2 },
  };

  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'area-suppliers-test-'));
    const file = path.join(directory, 'desk.sqlite');
    prepareCases(file, directory);
    const open = (userId: string) => createCore({
      databaseFile: file, migrationsFolder: MIGRATIONS, attachmentsDirectory: path.join(directory, 'att'),
      host: { openFile: async () => {} }, clock: fixedClock(NOW), userId,
    });
    handler = open('kari.nordmann');
    supervisor = open('marit.rosseland');
  });
  afterAll(async () => {
    await handler?.close();
    await supervisor?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('lists the suppliers with their municipalities and agreements, and the gaps per work', async () => {
    const register = ok<AreaSupplierRegister>(await handler.dispatch('areaSupplier.list', {}));
    expect(register.canEdit).toBe(false);
    expect(register.suppliers).toHaveLength(6);
    const holt = register.suppliers.find((s) => s.name === 'Holt Linjeservice AS')!;
    expect(holt.municipalityNumbers).toEqual(['4201', '4211', '4212', '4213', '4217']);
    expect(holt.agreementWork.construction_power_connection).toBeUndefined();
    const gaps = Object.fromEntries(register.gaps.map((g) => [g.workKind, g.municipalityNumbers]));
    expect(gaps.direct_meter_mounting).toEqual(['4222', '4224']);
    expect(gaps.construction_power_connection).toEqual(['4201', '4211', '4212', '4213', '4217', '4222', '4224']);
  });

  it('a case handler may not change it', async () => {
    expect(errorOf(await handler.dispatch('areaSupplier.save', bykle))?.code).toBe('permission.denied');
  });

  it('refuses an organisation number whose check digit is wrong, naming the field', async () => {
    const result = errorOf(await supervisor.dispatch('areaSupplier.save', { ...bykle, organisationNumber: '923609017' }));
    expect(result?.code).toBe('input.invalid');
    expect(result?.issues?.map((i) => i.path)).toEqual(['organisationNumber']);
  });

  it('a supervisor adds a supplier: the gap closes and the case view proposes it', async () => {
    const register = ok<AreaSupplierRegister>(await supervisor.dispatch('areaSupplier.save', bykle));
    const added = register.suppliers.find((s) => s.name === bykle.name)!;
    expect(added).toMatchObject({ organisationNumber: '923609016', municipalityNumbers: ['4221', '4222'], pending: false,
      agreementWork: { direct_meter_mounting: 4, construction_power_connection: 2 } });
    expect(register.gaps.find((g) => g.workKind === 'direct_meter_mounting')?.municipalityNumbers).toEqual(['4224']);
    const panel = ok<WorkOrderPanel>(await handler.dispatch('case.workOrders', { caseId: 2 }));
    expect(panel.proposals).toEqual([
      { workKind: 'service_cable_connection', state: 'gap' },
      { workKind: 'direct_meter_mounting', state: 'proposed', supplier: { id: added.id, name: bykle.name }, agreementDays: 4, dueDate: '2026-12-03',
        releasedBy: 'completionNotice', releasedOn: null },
    ]);
    // The outbox keeps the change as the audit.
    const audit = supervisor.database.sqlite.prepare("SELECT actor_id, case_id FROM outbox WHERE mutation = 'areaSupplier.save'").all();
    expect(audit).toEqual([{ actor_id: 'marit.rosseland', case_id: null }]);

    // Changing it: one municipality less, one more work; the same organisation number on another supplier is refused.
    ok(await supervisor.dispatch('areaSupplier.save', { ...bykle, id: added.id, municipalityNumbers: ['4222'],
      agreementWork: { ...bykle.agreementWork, service_cable_connection: 12 } }));
    const after = ok<AreaSupplierRegister>(await handler.dispatch('areaSupplier.list', {})).suppliers.find((s) => s.id === added.id)!;
    expect(after.municipalityNumbers).toEqual(['4222']);
    expect(after.agreementWork.service_cable_connection).toBe(12);
    const twin = await supervisor.dispatch('areaSupplier.save', { ...bykle, name: 'Tvilling AS' });
    expect(errorOf(twin)).toMatchObject({ code: 'areaSupplier.organisationNumberTaken', params: { name: bykle.name } });
  });
});
