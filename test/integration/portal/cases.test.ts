// Following a case (portalListCases, portalGetCase, portalGetAttachment) against real PostgreSQL and the running
// service: a firm lists and opens only its own cases; another firm's case number or attachment id is answered as
// one that does not exist; the thread shows the installer's side (its messages, the grid company's messages, changes
// of status) and nothing internal (notes, work orders, claims, routing); raw SQL as portal_user for firm A sees none
// of firm B's rows; answering a request for information puts the case back in review; a ferdigmelding with readings,
// date energised and the samsvarserklæring moves it to completion_reported.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalCase, PortalListCasesOutput } from '../../../shared/portalApi/cases';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login, RawClient } from '../../support/serviceClient';
import {
  askForInformation, caseIdOf, gridCompanyWrites as writes, newInstallation, paidAndStarted, PDF, send,
} from './caseFixture';
import { firmWithAdmin, portalLogin, startPortalService, startSmtp, type TestSmtp } from './portalFixture';

const central = useCentralDatabase('portal_cases');
let smtp: TestSmtp;
let url: string;
let firmA: { id: string; org: string };
let firmB: { id: string; org: string };
let installerA: RawClient;
let installerB: RawClient;
let handler: string;
let service: pg.Client;

const base64 = (bytes: Buffer) => bytes.toString('base64');
const request = newInstallation;
const caseId = (caseNumber: string) => caseIdOf(central.admin, caseNumber);
const statusOf = async (caseNumber: string) =>
  (await central.admin.query<{ status: string }>('SELECT status FROM cases WHERE case_number = $1', [caseNumber])).rows[0].status;
const attachmentIds = async (caseNumber: string) =>
  (await central.admin.query<{ id: string }>('SELECT a.id FROM attachments a JOIN cases c ON c.id = a.case_id WHERE c.case_number = $1 ORDER BY a.id', [caseNumber]))
    .rows.map((r) => Number(r.id));
const gridCompanyWrites = (caseNumber: string, kind: string, subject: string, items: string[] = []) =>
  writes(central.admin, caseNumber, kind, subject, items);

let caseA1: string;
let caseA2: string;
let caseB1: string;

beforeAll(async () => {
  smtp = await startSmtp();
  url = (await startPortalService(central.db, smtp)).url;
  const supervisor = await login(url, await central.db.createLogin('sup', 'supervisor'));
  handler = await central.db.createLogin('anne', 'case_handler');
  await central.admin.query("UPDATE app_users SET display_name = 'Anne Saksbehandler' WHERE id = $1", [handler]);
  firmA = await firmWithAdmin(url, central.admin, supervisor, 'admin@cases-a.test', 'A Elektro AS');
  firmB = await firmWithAdmin(url, central.admin, supervisor, 'admin@cases-b.test', 'B Elektro AS');
  installerA = await portalLogin(url, 'admin@cases-a.test');
  installerB = await portalLogin(url, 'admin@cases-b.test');
  caseA1 = await send(installerA, request(firmA, 'Strandveien 1', '2026-11-02T08:15:00+01:00'));
  caseA2 = await send(installerA, request(firmA, 'Bakkegata 2', '2026-11-03T09:00:00+01:00'));
  caseB1 = await send(installerB, request(firmB, 'Strandveien 99', '2026-11-04T10:00:00+01:00'));

  // The handler takes A1 and asks for a power budget and the main fuse; the desk's internal traces come with it.
  await askForInformation(central.admin, caseA1, handler, ['power_budget', 'main_fuse']);
  const a1 = await caseId(caseA1);
  await central.admin.query("INSERT INTO notes (id, case_id, author_id, body) VALUES ($1, $2, $3, 'Intern: ring eier før vi svarer')", [randomUUID(), a1, handler]);
  await central.admin.query(`INSERT INTO case_events (case_id, actor_id, kind, data) VALUES ($1, $2, 'routing_decided',
    '{"workKind":"direct_meter_mounting","performer":"area_supplier","supplierId":"intern"}')`, [a1, handler]);
  await gridCompanyWrites(caseA1, 'work_order', 'Arbeidsordre til områdeleverandør: intern');
  await gridCompanyWrites(caseB1, 'information_request', 'B sin mangel', ['site_map']);
  service = await central.connect(central.db.serviceUrl);
}, 60_000);

afterAll(async () => {
  await smtp?.close();
});

describe('GET /api/portal/cases (portalListCases)', () => {
  it("lists the firm's own cases newest first, with handler, due date and codes for status and type", async () => {
    const answer = await installerA.get<PortalListCasesOutput>('/api/portal/cases');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.total).toBe(2);
    expect(answer.body.cases.map((c) => c.caseNumber)).toEqual([caseA2, caseA1]);
    expect(answer.body.cases[1]).toEqual({
      caseNumber: caseA1, status: 'waiting_for_info', requestType: 'new_installation', address: 'Strandveien 1',
      postcode: '4631', postTown: 'Kristiansand', submittedAt: '2026-11-02T07:15:00.000Z', handler: 'Anne Saksbehandler',
      dueDate: expect.stringMatching(/^2026-11-\d\d$/) as unknown,
    });
    expect(answer.body.cases[0].handler).toBeNull();
  });

  it('names the handler who took an unassigned case from the queue, while they work on it', async () => {
    const handlerOf = async () => (await installerA.get<PortalListCasesOutput>('/api/portal/cases')).body.cases
      .find((c) => c.caseNumber === caseA2)?.handler;
    await central.admin.query("UPDATE cases SET claimed_by = $1, lease_until = now() + interval '5 minutes' WHERE case_number = $2",
      [handler, caseA2]);
    try {
      expect(await handlerOf()).toBe('Anne Saksbehandler');
    } finally {
      await central.admin.query('UPDATE cases SET claimed_by = NULL, lease_until = NULL WHERE case_number = $1', [caseA2]);
    }
    expect(await handlerOf()).toBeNull();
  });

  it("searches case number and address within the firm only, filters open and closed, and pages", async () => {
    const search = async (query: string) =>
      (await installerA.get<PortalListCasesOutput>(`/api/portal/cases?${query}`)).body.cases.map((c) => c.caseNumber);
    expect(await search('q=Strandveien')).toEqual([caseA1]); // B's Strandveien 99 is not A's
    expect(await search(`q=${caseA2}`)).toEqual([caseA2]);
    expect(await search(`q=${caseB1}`)).toEqual([]);
    expect(await search('q=%25')).toEqual([]); // a wildcard is a letter
    expect(await search('state=open')).toEqual([caseA2, caseA1]);
    expect(await search('state=closed')).toEqual([]);
    const second = await installerA.get<PortalListCasesOutput>('/api/portal/cases?pageSize=1&page=2');
    expect(second.body).toMatchObject({ total: 2, page: 2, pageSize: 1, cases: [{ caseNumber: caseA1 }] });
    expect((await installerA.get('/api/portal/cases?pageSize=1000')).status).toBe(400);
    expect((await new RawClient(url).get('/api/portal/cases')).status).toBe(401);
  });
});

describe('GET /api/portal/cases/:caseNumber (portalGetCase)', () => {
  it('shows the facts, handler, due date, the thread both ways in time order and the archive', async () => {
    const answer = await installerA.get<PortalCase>(`/api/portal/cases/${caseA1}`);
    expect(answer.status, answer.text).toBe(200);
    const c = answer.body;
    expect(c).toMatchObject({
      caseNumber: caseA1, status: 'waiting_for_info', handler: 'Anne Saksbehandler', freeText: 'Ny enebolig, grøft er gravd.',
      installation: { gnr: 12, bnr: 7, mainFuseA: 50, networkSystem: '230V_IT' },
      owner: { name: expect.stringMatching(/^Eier/) as unknown, email: 'eier@example.no' },
      acceptsSupplement: true, acceptsCompletionNotice: false,
    });
    expect(JSON.stringify(c)).not.toContain('01017012345'); // the owner's national id is not shown back
    expect(c.attachments).toEqual([
      expect.objectContaining({ kind: 'site_map', fileName: 'situasjonskart ø.pdf', mimeType: 'application/pdf' }),
      expect.objectContaining({ kind: 'grid_rental_order', fileName: 'nettleie.pdf', mimeType: 'application/pdf' }),
    ]);
    expect(c.thread.map((e) => (e.type === 'status' ? `status:${e.to}` : `${e.type}:${e.kind}`))).toEqual([
      'incoming:request', 'outgoing:information_request', 'status:waiting_for_info',
    ]);
    const [sent, question] = c.thread;
    expect(sent).toMatchObject({ text: 'Ny enebolig, grøft er gravd.', attachments: [{ id: c.attachments[0].id }, { id: c.attachments[1].id }] });
    expect(question).toMatchObject({ subject: 'Vi trenger mer informasjon', items: [
      { code: 'power_budget', label: { nb: 'Effektberegning', en: 'Power budget' }, requires: { attachment: 'power_budget' } },
      { code: 'main_fuse', label: { nb: 'Hovedsikring (OV) i ampere' }, requires: { fields: ['mainFuseA'] } },
    ] });
    expect(c.requestedItems.map((i) => i.code)).toEqual(['power_budget', 'main_fuse']);
  });

  it('shows nothing internal: no notes, no work orders, no routing, no staff ids', async () => {
    const { text } = await installerA.get(`/api/portal/cases/${caseA1}`);
    expect(text).not.toMatch(/Intern|Arbeidsordre|work_order|routing|area_supplier/);
    expect(text).not.toContain(handler);
  });

  it("answers another firm's case number exactly as one that does not exist (404)", async () => {
    const other = await installerA.get(`/api/portal/cases/${caseB1}`);
    const missing = await installerA.get('/api/portal/cases/2026-999999');
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect((await installerA.get('/api/portal/cases/not-a-number')).status).toBe(400);
    expect((await installerB.get(`/api/portal/cases/${caseB1}`)).status).toBe(200);
  });
});

describe('GET /api/portal/cases/:caseNumber/attachments/:id (portalGetAttachment)', () => {
  const download = (client: RawClient, path: string) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${client.token}` } });

  it('streams the file with its type, as a download, never sniffed', async () => {
    const [id] = await attachmentIds(caseA1);
    const response = await download(installerA, `/api/portal/cases/${caseA1}/attachments/${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="situasjonskart _.pdf"; filename*=UTF-8''situasjonskart%20%C3%B8.pdf`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF);
  });

  it("answers another firm's attachment id, under any case number, as one that does not exist (404)", async () => {
    const [own] = await attachmentIds(caseA1);
    const [theirs] = await attachmentIds(caseB1);
    const answers = await Promise.all([
      `/api/portal/cases/${caseB1}/attachments/${theirs}`,
      `/api/portal/cases/${caseA1}/attachments/${theirs}`,
      `/api/portal/cases/${caseA2}/attachments/${own}`, // its own file under its other case
      `/api/portal/cases/${caseA1}/attachments/999999999`,
    ].map((path) => installerA.get(path)));
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  });
});

describe('PostgreSQL keeps a firm to its cases (raw SQL as desk_service acting as portal_user)', () => {
  async function asFirm<T>(firm: string, work: () => Promise<T>): Promise<T> {
    await service.query('BEGIN');
    try {
      await service.query("SELECT set_config('role', 'portal_user', true), set_config('portal.firm', $1, true)", [firm]);
      return await work();
    } finally {
      await service.query('ROLLBACK');
    }
  }
  const rows = async (sql: string, values: unknown[] = []) => (await service.query(sql, values)).rows;

  it("sees none of firm B's cases, files, history or messages, even with no WHERE", async () => {
    const b1 = await caseId(caseB1);
    const [theirs] = await attachmentIds(caseB1);
    await asFirm(firmA.id, async () => {
      expect(await rows('SELECT 1 FROM cases WHERE id = $1', [b1])).toEqual([]);
      expect(await rows('SELECT 1 FROM attachments WHERE case_id = $1', [b1])).toEqual([]);
      expect(await rows('SELECT 1 FROM case_events WHERE case_id = $1', [b1])).toEqual([]);
      expect(await rows('SELECT 1 FROM outgoing_messages WHERE case_id = $1', [b1])).toEqual([]);
      expect(await rows('SELECT portal_attachment_content($1) AS content', [theirs])).toEqual([{ content: null }]);
      expect(await rows('SELECT portal_case_handler($1) AS name', [b1])).toEqual([{ name: null }]);
      expect((await rows('SELECT DISTINCT case_number FROM cases ORDER BY 1')).map((r) => r.case_number)).toEqual([caseA1, caseA2]);
    });
  });

  it('sees only the installer’s kinds of history, never who acted, and no notes, work orders or blobs', async () => {
    await asFirm(firmA.id, async () => {
      expect((await rows('SELECT DISTINCT kind FROM case_events ORDER BY 1')).map((r) => r.kind))
        .toEqual(['completeness_reached', 'received', 'status_changed']);
      expect((await rows('SELECT DISTINCT kind FROM outgoing_messages')).map((r) => r.kind)).toEqual(['information_request']);
    });
    for (const sql of ['SELECT actor_id FROM case_events', 'SELECT 1 FROM notes', 'SELECT 1 FROM attachment_blobs',
      'SELECT 1 FROM app_users', 'SELECT claimed_by FROM cases']) {
      await expect(asFirm(firmA.id, () => rows(sql)), sql).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('sees nothing at all when no firm is set', async () => {
    await asFirm('', async () => {
      expect(await rows('SELECT 1 FROM cases')).toEqual([]);
      expect(await rows('SELECT 1 FROM case_events')).toEqual([]);
    });
  });
});

describe('answering the grid company', () => {
  it('a supplement answering the request for information puts the case back in review, and is in the thread', async () => {
    const answer = await installerA.post<{ caseNumber: string }>('/api/portal/messages', {
      messageId: 'CASES-SUPPLEMENT-1', kind: 'supplement', sentAt: new Date().toISOString(),
      sender: { role: 'installer', organisationNumber: firmA.org, name: 'Elektro AS' },
      caseNumber: caseA1,
      changes: { installation: { mainFuseA: 63 } },
      text: 'Effektberegning vedlagt, hovedsikring er 63 A.',
      attachments: [{ kind: 'power_budget', fileName: 'effektberegning.pdf', mimeType: 'application/pdf', contentBase64: base64(PDF) }],
    });
    expect(answer.status, answer.text).toBe(200);
    expect(await statusOf(caseA1)).toBe('in_review');
    const c = (await installerA.get<PortalCase>(`/api/portal/cases/${caseA1}`)).body;
    expect(c).toMatchObject({ status: 'in_review', acceptsSupplement: false, requestedItems: [] });
    const supplement = c.thread.find((e) => e.type === 'incoming' && e.kind === 'supplement');
    expect(supplement).toMatchObject({ text: 'Effektberegning vedlagt, hovedsikring er 63 A.', changedFields: ['mainFuseA'],
      attachments: [{ kind: 'power_budget', fileName: 'effektberegning.pdf' }] });
    expect(c.thread.at(-1)).toMatchObject({ type: 'status', from: 'waiting_for_info', to: 'in_review' });
    expect(c.attachments).toHaveLength(3);
  });

  it('a ferdigmelding with meter readings, date energised and the samsvarserklæring moves the case to completion_reported', async () => {
    // The grid company approved A2 and the owner has paid (as the owner's tools would record it).
    await paidAndStarted(central.admin, caseA2);
    expect((await installerA.get<PortalCase>(`/api/portal/cases/${caseA2}`)).body.acceptsCompletionNotice).toBe(true);
    const answer = await installerA.post('/api/portal/messages', {
      messageId: 'CASES-FERDIG-1', kind: 'completion_notice', sentAt: new Date().toISOString(),
      sender: { role: 'installer', organisationNumber: firmA.org, name: 'Elektro AS' },
      caseNumber: caseA2,
      completedOn: '2026-12-03', energisedOn: '2026-12-04',
      meterNumbers: ['7359992912345678'],
      meterReadings: [{ meterNumber: '7359992912345678', readingKwh: 12.5 }],
      attachments: [{ kind: 'declaration_of_conformity', fileName: 'samsvarserklaering.pdf', mimeType: 'application/pdf', contentBase64: base64(PDF) }],
    });
    expect(answer.status, answer.text).toBe(200);
    expect(await statusOf(caseA2)).toBe('completion_reported');
    const c = (await installerA.get<PortalCase>(`/api/portal/cases/${caseA2}`)).body;
    expect(c.thread.map((e) => (e.type === 'status' ? `status:${e.to}` : `${e.type}:${e.kind}`))).toEqual([
      'incoming:request', 'status:paid', 'outgoing:start_approval', 'incoming:completion_notice', 'status:completion_reported',
    ]);
    expect(c.thread.find((e) => e.type === 'incoming' && e.kind === 'completion_notice')).toMatchObject({
      completedOn: '2026-12-03', energisedOn: '2026-12-04', meterNumbers: ['7359992912345678'],
      meterReadings: [{ meterNumber: '7359992912345678', readingKwh: 12.5 }],
      attachments: [{ kind: 'declaration_of_conformity', fileName: 'samsvarserklaering.pdf' }],
    });
    expect(c.acceptsCompletionNotice).toBe(false);
  });
});
