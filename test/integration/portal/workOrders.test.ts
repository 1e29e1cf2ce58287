// Work orders in the portal (issue 12, item 4), against a real PostgreSQL and the running service with raw HTTP: an
// area supplier's firm sees only the orders placed with it (not another supplier's, not an installer firm); every
// id of another firm's order is answered 404 like one that does not exist; PostgreSQL itself keeps the firm to its
// orders even where a route would forget (raw SQL as portal_user); confirming and reporting are checked, idempotent
// on retry and refused once answered otherwise; photos are sniffed; and the report of the meter mounted moves the
// case to meter_mounted with the meter number on it, which a desk syncing with the service sees.
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login, RawClient } from '../../support/serviceClient';
import { eventually, type Client } from '../../support/syncClients';
import { firmWithAdmin, portalLogin, startPortalService, startSmtp, type TestSmtp } from './portalFixture';
import { caseAwaitingMeter, JPEG_PHOTO, pdfBytes, placeOrder, PNG_PHOTO, supplierFirm, type SupplierFirm } from './workOrderFixture';

let smtp: TestSmtp;
let url: string;
let kristiansand: SupplierFirm;
let supplierA: RawClient;
let supplierB: RawClient;
let installer: RawClient;
let desk: Client;
let service: pg.Client;
/** Case 1: meter mounting ordered from Kristiansand Kabel og Montasje (supplier 1, 4204). */
let case1: { id: number; caseNumber: string };
let orderA: string;
/** Case 2: meter mounting ordered from Midt-Agder Nettservice (supplier 2, 4223). */
let case2: { id: number; caseNumber: string };
let orderB: string;

const central = useCentralDatabase('portal_work_orders', {
  seedCases: 30,
  admin: 'desk',
  timeout: 60_000,
  async setup(db) {
    smtp = await startSmtp();
    url = (await startPortalService(db.db, smtp)).url;
    const supervisor = await login(url, await db.db.createLogin('sup', 'supervisor'));
    kristiansand = await supplierFirm(url, db.admin, supervisor, 1, 'ola@kkm.test');
    await supplierFirm(url, db.admin, supervisor, 2, 'kari@midt.test');
    await firmWithAdmin(url, db.admin, supervisor, 'inst@elektro.test', 'Installatør Elektro AS');
    [supplierA, supplierB, installer] = await Promise.all([
      portalLogin(url, 'ola@kkm.test'), portalLogin(url, 'kari@midt.test'), portalLogin(url, 'inst@elektro.test')]);
    const sara = await db.connectAs('sara', 'supervisor');
    case1 = await caseAwaitingMeter(db.admin, '4204');
    orderA = await placeOrder(sara, case1.id, 1);
    case2 = await caseAwaitingMeter(db.admin, '4223');
    orderB = await placeOrder(sara, case2.id, 2);
    service = await db.connect(db.db.serviceUrl);
    desk = await db.startClient('hanne', 'case_handler');
    await desk.core.central!.engine.whenIdle();
  },
});

afterAll(async () => {
  await smtp?.close();
});

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
const daysFrom = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const b64 = (bytes: Buffer) => bytes.toString('base64');
const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

/** One transaction as desk_service acting for `firm` as portal_user (what asFirm does), rolled back after. */
async function asFirm<T>(firm: SupplierFirm, work: () => Promise<T>): Promise<T> {
  await service.query('BEGIN');
  try {
    const { rows: [user] } = await central.admin.query<{ id: string }>('SELECT id FROM portal_users WHERE firm_id = $1 LIMIT 1', [firm.id]);
    await service.query("SELECT set_config('role', 'portal_user', true), set_config('portal.firm', $1, true), set_config('portal.user', $2, true)",
      [firm.id, user.id]);
    return await work();
  } finally {
    await service.query('ROLLBACK');
  }
}

describe('who sees which orders', () => {
  it('a supplier lists only the orders placed with it, with the site and the work', async () => {
    const a = await supplierA.get('/api/portal/work-orders');
    expect(a.status).toBe(200);
    expect(a.body.orders).toHaveLength(1);
    expect(a.body.orders[0]).toMatchObject({
      id: orderA, caseNumber: case1.caseNumber, workKind: 'direct_meter_mounting', status: 'ordered', plannedDate: null,
      overdue: false, site: { municipality: { number: '4204', name: 'Kristiansand' } },
    });
    const b = await supplierB.get('/api/portal/work-orders');
    expect(b.body.orders.map((o: { id: string }) => o.id)).toEqual([orderB]);
    // An installer firm that is no area supplier has none.
    expect((await installer.get('/api/portal/work-orders')).body).toEqual({ orders: [] });
    expect((await new RawClient(url).get('/api/portal/work-orders')).status).toBe(401);
  });

  it("the order page gives the site as the letter does, and the letter — nothing of the owner's identity or the desk's notes", async () => {
    const order = await supplierA.get(`/api/portal/work-orders/${orderA}`);
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({ id: orderA, letterUrl: `/api/portal/work-orders/${orderA}/letter`, report: null });
    // The seed gives the case an owner with a national id and an e-mail: neither is the supplier's business.
    await central.admin.query("UPDATE cases SET owner_national_id = '01017012345', owner_email = 'eier@privat.test' WHERE id = $1", [case1.id]);
    const again = await supplierA.get(`/api/portal/work-orders/${orderA}`);
    expect(again.text).not.toContain('01017012345');
    expect(again.text).not.toContain('eier@privat.test');
    expect(order.text).not.toContain('ordered_by');
    const letter = await supplierA.get(`/api/portal/work-orders/${orderA}/letter`);
    expect(letter.status).toBe(200);
    expect(letter.text.startsWith('%PDF-')).toBe(true);
  });

  it("every route refuses another firm's order id as not there (404), as it does an unknown one", async () => {
    for (const client of [supplierA, installer]) {
      for (const id of [orderB, UNKNOWN]) {
        expect((await client.get(`/api/portal/work-orders/${id}`)).status).toBe(404);
        expect((await client.get(`/api/portal/work-orders/${id}/letter`)).status).toBe(404);
        expect((await client.get(`/api/portal/work-orders/${id}/files/1`)).status).toBe(404);
        expect((await client.post(`/api/portal/work-orders/${id}/confirm`, { plannedDate: today() })).status).toBe(404);
        expect((await client.post(`/api/portal/work-orders/${id}/report`, {
          doneOn: today(), meterNumber: '7359992912345', meterReading: 1, photos: [{ fileName: 'm.png', contentBase64: b64(PNG_PHOTO) }],
        })).status).toBe(404);
      }
    }
    const { rows: [untouched] } = await central.admin.query('SELECT status, planned_date FROM work_orders WHERE id = $1', [orderB]);
    expect(untouched).toEqual({ status: 'ordered', planned_date: null });
  });
});

describe('PostgreSQL keeps a supplier to its orders (raw SQL as portal_user)', () => {
  it("sees only its own orders and sites, and cannot write or read past its grants", async () => {
    await asFirm(kristiansand, async () => {
      expect((await service.query('SELECT id FROM work_orders')).rows).toEqual([{ id: orderA }]);
      expect((await service.query('SELECT id FROM work_orders WHERE id = $1', [orderB])).rowCount).toBe(0);
      expect((await service.query('SELECT order_id FROM portal_work_order_sites()')).rows).toEqual([{ order_id: orderA }]);
      expect((await service.query('SELECT * FROM portal_work_order_letter($1)', [orderB])).rowCount).toBe(0);
      // The supplier is not the installer: the case itself stays closed to it.
      expect((await service.query('SELECT 1 FROM cases WHERE id = $1', [case1.id])).rowCount).toBe(0);
    });
    await asFirm(kristiansand, () => expect(service.query('SELECT ordered_by FROM work_orders')).rejects.toMatchObject({ code: '42501' }));
    await asFirm(kristiansand, () => expect(service.query("UPDATE work_orders SET status = 'accepted' WHERE id = $1", [orderA]))
      .rejects.toMatchObject({ code: '42501' }));
    await asFirm(kristiansand, async () => {
      const { rows: [confirm] } = await service.query('SELECT portal_confirm_work_order($1, $2) AS outcome', [orderB, today()]);
      expect(confirm.outcome).toBe('not_found');
      const { rows: [report] } = await service.query('SELECT portal_report_work_order($1, $2, $3, $4, $5) AS outcome',
        [orderB, today(), '123', 1, '[]']);
      expect(report.outcome).toBe('not_found');
    });
    // Without a firm named, nothing.
    await service.query('BEGIN');
    try {
      await service.query("SELECT set_config('role', 'portal_user', true)");
      expect((await service.query('SELECT 1 FROM work_orders')).rowCount).toBe(0);
    } finally {
      await service.query('ROLLBACK');
    }
  });
});

describe('confirming', () => {
  it('takes a planned date from today to 90 days ahead; the same again is a retry; another is refused', async () => {
    const past = await supplierA.post(`/api/portal/work-orders/${orderA}/confirm`, { plannedDate: daysFrom(today(), -1) });
    expect(past).toMatchObject({ status: 400, body: { code: 'plannedDate.past' } });
    const far = await supplierA.post(`/api/portal/work-orders/${orderA}/confirm`, { plannedDate: daysFrom(today(), 91) });
    expect(far).toMatchObject({ status: 400, body: { code: 'plannedDate.tooFarAhead' } });
    expect((await supplierA.post(`/api/portal/work-orders/${orderA}/confirm`, { plannedDate: 'tomorrow' })).status).toBe(400);

    const planned = daysFrom(today(), 2);
    const confirmed = await supplierA.post(`/api/portal/work-orders/${orderA}/confirm`, { plannedDate: planned });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ duplicate: false, order: { status: 'accepted', plannedDate: planned, confirmedBy: `Ola Montør (${kristiansand.name})` } });
    const again = await supplierA.post(`/api/portal/work-orders/${orderA}/confirm`, { plannedDate: planned });
    expect(again.body).toMatchObject({ duplicate: true, order: { status: 'accepted', plannedDate: planned } });
    const other = await supplierA.post(`/api/portal/work-orders/${orderA}/confirm`, { plannedDate: daysFrom(planned, 1) });
    expect(other).toMatchObject({ status: 409, body: { code: 'workOrder.conflict' } });
    // The history names the portal, once.
    const { rows } = await central.admin.query<{ actor_id: string }>(
      "SELECT actor_id FROM case_events WHERE case_id = $1 AND kind = 'work_order_accepted'", [case1.id]);
    expect(rows).toEqual([{ actor_id: 'system:portal' }]);
  });
});

describe('reporting done', () => {
  const report = (photos: Array<{ fileName: string; contentBase64: string }>, extra: Record<string, unknown> = {}) => ({
    doneOn: today(), meterNumber: '7359992912345', meterReading: 12.5, photos,
    declaration: { fileName: 'samsvarserklaering.pdf', contentBase64: b64(pdfBytes('samsvarserklæring')) }, ...extra,
  });

  it('sniffs the photos: a PDF or HTML sent as a photo, or a PNG named .jpg, is refused before anything is written', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    for (const photo of [{ fileName: 'meter.jpg', contentBase64: b64(html) }, { fileName: 'meter.pdf', contentBase64: b64(pdfBytes('x')) },
      { fileName: 'meter.jpg', contentBase64: b64(PNG_PHOTO) }]) {
      const answer = await supplierA.post(`/api/portal/work-orders/${orderA}/report`, report([photo]));
      expect(answer, photo.fileName).toMatchObject({ status: 415, body: { code: 'attachment.type' } });
    }
    const declarationNotPdf = await supplierA.post(`/api/portal/work-orders/${orderA}/report`,
      report([], { declaration: { fileName: 'erklaering.pdf', contentBase64: b64(PNG_PHOTO) } }));
    expect(declarationNotPdf.status).toBe(415);
    const noMeter = await supplierA.post(`/api/portal/work-orders/${orderA}/report`, report([], { meterNumber: undefined }));
    expect(noMeter).toMatchObject({ status: 400, body: { code: 'meter.required' } });
    const future = await supplierA.post(`/api/portal/work-orders/${orderA}/report`, report([], { doneOn: daysFrom(today(), 1) }));
    expect(future).toMatchObject({ status: 400, body: { code: 'doneOn.future' } });
    const { rows: [order] } = await central.admin.query('SELECT status FROM work_orders WHERE id = $1', [orderA]);
    expect(order.status).toBe('accepted');
  });

  it('mounts the meter: the case moves to meter_mounted with the meter number, the files on the case, and a desk sees it', async () => {
    const { rows: [before] } = await central.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments WHERE case_id = $1', [case1.id]);
    const answer = await supplierA.post(`/api/portal/work-orders/${orderA}/report`, report([
      { fileName: 'gammel-maler.jpg', contentBase64: b64(JPEG_PHOTO) }, { fileName: 'ny-maler.png', contentBase64: b64(PNG_PHOTO) }]));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      duplicate: false,
      order: { status: 'done', doneOn: today(), report: { meterNumber: '7359992912345', meterReading: 12.5, reportedBy: `Ola Montør (${kristiansand.name})` } },
    });
    const files = answer.body.order.report.files as Array<{ kind: string; mimeType: string; url: string }>;
    expect(files.map((f) => [f.kind, f.mimeType])).toEqual([
      ['photo', 'image/jpeg'], ['photo', 'image/png'], ['declaration_of_conformity', 'application/pdf']]);
    const photo = await supplierA.get(files[1].url);
    expect(photo.status).toBe(200);
    expect((await supplierB.get(files[1].url)).status).toBe(404);

    const { rows: [movedCase] } = await central.admin.query<{ status: string; meter_numbers: string }>(
      'SELECT status, meter_numbers FROM cases WHERE id = $1', [case1.id]);
    expect(movedCase.status).toBe('meter_mounted');
    expect(JSON.parse(movedCase.meter_numbers)).toContain('7359992912345');
    const { rows: [after] } = await central.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments WHERE case_id = $1', [case1.id]);
    expect(after.n).toBe(before.n + 3);
    const { rows: events } = await central.admin.query<{ kind: string; actor_id: string; data: string }>(
      `SELECT kind, actor_id, data::text FROM case_events WHERE case_id = $1 AND kind IN ('work_order_done', 'status_changed')
        AND actor_id = 'system:portal' ORDER BY id`, [case1.id]);
    expect(events.map((e) => e.kind)).toEqual(['work_order_done', 'status_changed']);
    expect(JSON.parse(events[1].data)).toMatchObject({ to: 'meter_mounted', rule: 'workOrdersDone' });

    // A desk pulling from the service sees the case move, and the answers on the order, without asking.
    const sqlite = desk.core.database.sqlite;
    await eventually(() => (sqlite.prepare('SELECT status FROM cases WHERE id = ?').get(case1.id) as { status: string }).status === 'meter_mounted',
      5_000, 'the case meter_mounted at the desk');
    expect(sqlite.prepare('SELECT status, planned_date, done_on, meter_number, meter_reading, reported_in_portal_by, report_attachment_ids FROM work_orders WHERE id = ?').get(orderA))
      .toMatchObject({ status: 'done', done_on: today(), meter_number: '7359992912345', meter_reading: 12.5,
        reported_in_portal_by: `Ola Montør (${kristiansand.name})` });
    const ids = JSON.parse((sqlite.prepare('SELECT report_attachment_ids AS ids FROM work_orders WHERE id = ?').get(orderA) as { ids: string }).ids) as number[];
    expect(sqlite.prepare(`SELECT kind FROM attachments WHERE id IN (${ids.join(',')}) ORDER BY id`).all().map((r) => (r as { kind: string }).kind))
      .toEqual(['photo', 'photo', 'declaration_of_conformity']);
  });

  it('the same report again is a retry — nothing written twice; another report, or confirming now, is refused', async () => {
    const count = async () => (await central.admin.query<{ n: number }>(
      "SELECT (SELECT count(*) FROM attachments WHERE case_id = $1) + (SELECT count(*) FROM case_events WHERE case_id = $1) AS n", [case1.id])).rows[0].n;
    const before = await count();
    const again = await supplierA.post(`/api/portal/work-orders/${orderA}/report`, report([{ fileName: 'ny-maler.png', contentBase64: b64(PNG_PHOTO) }]));
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, order: { status: 'done' } } });
    expect(await count()).toBe(before);
    const other = await supplierA.post(`/api/portal/work-orders/${orderA}/report`, report([], { meterReading: 99 }));
    expect(other).toMatchObject({ status: 409, body: { code: 'workOrder.conflict' } });
    const confirm = await supplierA.post(`/api/portal/work-orders/${orderA}/confirm`, { plannedDate: today() });
    expect(confirm).toMatchObject({ status: 409, body: { code: 'workOrder.conflict' } });
  });

  it('a closed case takes no report (409); the list puts open orders first', async () => {
    await central.admin.query("UPDATE cases SET status = 'closed' WHERE id = $1", [case2.id]);
    const closed = await supplierB.post(`/api/portal/work-orders/${orderB}/report`, report([]));
    expect(closed).toMatchObject({ status: 409, body: { code: 'workOrder.conflict' } });
    const sara = await central.connectAs('sara2', 'supervisor');
    const open = await caseAwaitingMeter(central.admin, '4204');
    const openOrder = await placeOrder(sara, open.id, 1);
    const listed = await supplierA.get('/api/portal/work-orders');
    expect(listed.body.orders.map((o: { id: string; status: string }) => [o.id, o.status])).toEqual([[openOrder, 'ordered'], [orderA, 'done']]);

    // Other work is reported without a meter, and straight from ordered (done work was taken); the case waits for
    // its meter order still.
    const cableOrder = await placeOrder(sara, open.id, 1, 'service_cable_connection');
    const cable = await supplierA.post(`/api/portal/work-orders/${cableOrder}/report`, { doneOn: today(), photos: [{ fileName: 'skap.jpg', contentBase64: b64(JPEG_PHOTO) }] });
    expect(cable).toMatchObject({ status: 200, body: { order: { status: 'done', plannedDate: today(), report: { meterNumber: null, meterReading: null } } } });
    const { rows: [waiting] } = await central.admin.query('SELECT status FROM cases WHERE id = $1', [open.id]);
    expect(waiting.status).toBe('completion_reported');
  });

  it('is in the OpenAPI document with its operationIds', async () => {
    const document = await new RawClient(url).get('/api/openapi.json');
    const ids = JSON.stringify(document.body);
    for (const id of ['portalListWorkOrders', 'portalGetWorkOrder', 'portalGetWorkOrderLetter', 'portalGetWorkOrderFile',
      'portalConfirmWorkOrder', 'portalReportWorkOrder']) expect(ids).toContain(`"operationId":"${id}"`);
  });
});
