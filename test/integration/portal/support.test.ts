// Support requests (issue 12, item 3) against real PostgreSQL and the running service, with a raw HTTP client: a
// signed-in installer asks about one of the firm's cases (a wrong reading with a photo), another firm's case number
// is not found, each firm lists only its own; someone who cannot log in asks from the login page and is answered
// the same whether the address has an account or not, throttled per address; a case handler answers in the desk's
// route, the firm reads the answer and exactly one e-mail notice arrives; PostgreSQL holds the isolation and the
// answer-once rule by itself (raw SQL as desk_service in portal_user's and the group roles' shoes).
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login, RawClient } from '../../support/serviceClient';
import { constructionPowerCase } from './constructionPowerCase';
import { firmWithAdmin, PORTAL_URL, portalLogin, startPortalService, startSmtp, type TestSmtp } from './portalFixture';

const central = useCentralDatabase('portal_support');
let smtp: TestSmtp;
let url: string;
let firmA: { id: string; org: string };
let firmB: { id: string; org: string };
let installerA: RawClient;
let installerB: RawClient;
let handler: RawClient;
let reader: RawClient;
let caseOfA: string;
let caseOfB: string;
let service: pg.Client;

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 the cabinet meter showing 48213 kWh')]);
const HTML = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>');

const readingRequest = (extra: Record<string, unknown> = {}) => ({
  category: 'construction_power_reading',
  caseNumber: caseOfA,
  meterNumber: '7359992890123456',
  meterReading: 48213.5,
  text: 'Avlesningen på byggestrømskapet er feil: fakturaen sier 84 213 kWh, måleren viser 48 213 kWh.',
  contactPhone: '+47 912 34 567',
  attachment: { fileName: 'maler.jpg', contentBase64: JPEG.toString('base64') },
  ...extra,
});

beforeAll(async () => {
  smtp = await startSmtp();
  url = (await startPortalService(central.db, smtp, { publicSupportPerHour: 4 })).url;
  const supervisor = await login(url, await central.db.createLogin('sup', 'supervisor'));
  handler = await login(url, await central.db.createLogin('anne', 'case_handler'));
  reader = await login(url, await central.db.createLogin('rita', 'reader'));
  firmA = await firmWithAdmin(url, central.admin, supervisor, 'admin@support-a.test', 'A Elektro AS');
  firmB = await firmWithAdmin(url, central.admin, supervisor, 'admin@support-b.test', 'B Elektro AS');
  installerA = await portalLogin(url, 'admin@support-a.test');
  installerB = await portalLogin(url, 'admin@support-b.test');
  caseOfA = await constructionPowerCase(installerA, firmA, 'SUPPORT-1');
  caseOfB = await constructionPowerCase(installerB, firmB, 'SUPPORT-2');
  service = await central.connect(central.db.serviceUrl);
}, 60_000);

afterAll(async () => {
  await smtp?.close();
});

describe('signed in: POST and GET /api/portal/support', () => {
  it('takes a wrong reading on a construction-power cabinet about the firm’s own case, with a photo', async () => {
    const answer = await installerA.post('/api/portal/support', readingRequest());
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.request).toMatchObject({
      category: 'construction_power_reading', caseNumber: caseOfA, meterNumber: '7359992890123456', meterReading: 48213.5,
      contactEmail: 'admin@support-a.test', contactPhone: '+47 912 34 567', state: 'open', answer: null,
      attachment: { fileName: 'maler.jpg', type: 'image/jpeg' },
    });
    const { rows: [stored] } = await central.admin.query(
      'SELECT firm_id, user_id, organisation_number, attachment_content FROM portal_support_requests WHERE id = $1', [answer.body.request.id]);
    expect(stored).toMatchObject({ firm_id: firmA.id, user_id: installerA.login, organisation_number: firmA.org });
    expect(Buffer.compare(stored.attachment_content, JPEG)).toBe(0);
  });

  it('takes a question without a case or attachment', async () => {
    const answer = await installerA.post('/api/portal/support', {
      category: 'message_form', text: 'Hvor legger jeg inn effektberegningen?', contactPhone: '91234567' });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.request).toMatchObject({ caseNumber: null, attachment: null, meterNumber: null });
  });

  it("answers another firm's case number as not found, the same as a number that does not exist", async () => {
    const other = await installerA.post('/api/portal/support', readingRequest({ caseNumber: caseOfB }));
    const none = await installerA.post('/api/portal/support', readingRequest({ caseNumber: '2026-999999' }));
    expect(other.status).toBe(404);
    expect(none.status).toBe(404);
    expect(other.body).toEqual(none.body);
    expect(other.text).not.toContain(caseOfB);
  });

  it('refuses a file that is not a PDF, JPEG or PNG, a misnamed one, a reading in another category, and no session', async () => {
    const html = await installerA.post('/api/portal/support', readingRequest({ attachment: { fileName: 'maler.jpg', contentBase64: HTML.toString('base64') } }));
    expect(html.status).toBe(415);
    const misnamed = await installerA.post('/api/portal/support', readingRequest({ attachment: { fileName: 'maler.pdf', contentBase64: JPEG.toString('base64') } }));
    expect(misnamed.status).toBe(415);
    const reading = await installerA.post('/api/portal/support', readingRequest({ category: 'other' }));
    expect(reading.status).toBe(400);
    const noPhone = await installerA.post('/api/portal/support', readingRequest({ contactPhone: undefined }));
    expect(noPhone.status).toBe(400);
    expect((await new RawClient(url).post('/api/portal/support', readingRequest())).status).toBe(401);
    expect((await new RawClient(url).get('/api/portal/support')).status).toBe(401);
  });

  it("lists only the firm's own requests", async () => {
    expect((await installerB.post('/api/portal/support', { category: 'completion_notice', caseNumber: caseOfB,
      text: 'Ferdigmeldingen for byggestrøm går ikke gjennom.', contactPhone: '92345678' })).status).toBe(200);
    const listA = await installerA.get('/api/portal/support');
    const listB = await installerB.get('/api/portal/support');
    expect(listA.status).toBe(200);
    expect(listA.body.requests.map((r: { category: string }) => r.category).sort()).toEqual(['construction_power_reading', 'message_form']);
    expect(listB.body.requests).toHaveLength(1);
    expect(listB.body.requests[0]).toMatchObject({ category: 'completion_notice', caseNumber: caseOfB });
    expect(listA.text).not.toContain(caseOfB);
    expect(listA.text).not.toContain('answeredBy');
  });
});

describe('signed out: POST /api/portal/support/public', () => {
  it('answers the same for an address with an account and one without, keeps both, and throttles per address', async () => {
    const anonymous = new RawClient(url);
    const known = await anonymous.post('/api/portal/support/public', {
      email: 'admin@support-a.test', organisationNumber: firmA.org, text: 'Jeg kommer ikke inn – passordet virker ikke.' });
    const unknown = await anonymous.post('/api/portal/support/public', {
      email: 'nobody@nowhere.test', organisationNumber: firmA.org, text: 'Jeg kommer ikke inn – passordet virker ikke.' });
    expect(known.status, known.text).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.body).toEqual({ received: true });
    expect(unknown.body).toEqual(known.body);
    const { rows } = await central.admin.query(
      "SELECT contact_email, firm_id, category FROM portal_support_requests WHERE firm_id IS NULL ORDER BY contact_email");
    expect(rows).toEqual([
      { contact_email: 'admin@support-a.test', firm_id: null, category: 'login' },
      { contact_email: 'nobody@nowhere.test', firm_id: null, category: 'login' },
    ]);
    // An organisation number with a wrong check digit is refused (it says nothing about accounts).
    const wrong = await anonymous.post('/api/portal/support/public', { email: 'x@y.test', organisationNumber: '123456789', text: 'Hei' });
    expect(wrong.status).toBe(422);
    // The fourth request in the hour is taken; the fifth is throttled.
    expect((await anonymous.post('/api/portal/support/public', { email: 'z@y.test', organisationNumber: firmB.org, text: 'Hei' })).status).toBe(200);
    const throttled = await anonymous.post('/api/portal/support/public', { email: 'w@y.test', organisationNumber: firmB.org, text: 'Hei' });
    expect(throttled.status).toBe(429);
    // The portal's firms never see a request asked signed out, not even the firm its number names.
    const listA = await installerA.get('/api/portal/support');
    expect(listA.text).not.toContain('passordet virker ikke');
  });
});

describe("the desk's side: GET /api/portal/support-requests and POST …/:id/answer", () => {
  it('lists every open request for a case handler, oldest first, and refuses a reader and a portal token', async () => {
    const answer = await handler.get('/api/portal/support-requests?state=open');
    expect(answer.status, answer.text).toBe(200);
    const requests = answer.body.requests as Array<{ createdAt: string; firm: { name: string } | null; signedIn: boolean; caseNumber: string | null }>;
    expect(requests.length).toBeGreaterThanOrEqual(5);
    expect(requests.map((r) => r.createdAt)).toEqual([...requests.map((r) => r.createdAt)].sort());
    expect(requests.some((r) => r.firm?.name === 'B Elektro AS' && r.caseNumber === caseOfB)).toBe(true);
    expect(requests.some((r) => !r.signedIn && r.firm === null)).toBe(true);
    expect((await reader.get('/api/portal/support-requests')).status).toBe(403);
    expect((await installerA.get('/api/portal/support-requests')).status).toBe(401);
  });

  it('closes a request with the answer: the firm reads it, one e-mail notice arrives, a second answer is refused', async () => {
    const [asked] = (await installerA.get('/api/portal/support')).body.requests.filter(
      (r: { category: string }) => r.category === 'construction_power_reading');
    const since = smtp.mails.length;
    const text = 'Takk! Vi har rettet avlesningen til 48 213 kWh, og ny faktura kommer.';
    const answered = await handler.post(`/api/portal/support-requests/${asked.id}/answer`, { answer: text });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body).toMatchObject({ noticeSent: true, request: { state: 'closed', answer: text, answeredBy: handler.login } });

    const seen = (await installerA.get('/api/portal/support')).body.requests.find((r: { id: string }) => r.id === asked.id);
    expect(seen).toMatchObject({ state: 'closed', answer: text });
    expect(seen.answeredAt).toEqual(expect.any(String));
    expect(seen).not.toHaveProperty('answeredBy');

    const mail = await smtp.next('admin@support-a.test', since);
    expect(mail.text).toContain(`${PORTAL_URL}/support`);
    expect(mail.text).toContain(caseOfA);

    const again = await handler.post(`/api/portal/support-requests/${asked.id}/answer`, { answer: 'Nytt svar' });
    expect(again.status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.slice(since).filter((m) => m.to.includes('admin@support-a.test'))).toHaveLength(1);
  });

  it('mails the answer itself to someone who asked signed out', async () => {
    const { rows: [asked] } = await central.admin.query<{ id: string }>(
      "SELECT id FROM portal_support_requests WHERE contact_email = 'nobody@nowhere.test'");
    const since = smtp.mails.length;
    const answer = 'Adressen er ikke registrert hos oss. Be firmaets administrator legge deg til som bruker.';
    expect((await handler.post(`/api/portal/support-requests/${asked.id}/answer`, { answer })).status).toBe(200);
    expect((await smtp.next('nobody@nowhere.test', since)).text).toContain(answer);
  });

  it('hands the staff the file a request came with, as sent; nobody else', async () => {
    const requests = (await handler.get('/api/portal/support-requests')).body.requests as Array<{ id: string; attachment: unknown }>;
    const withFile = requests.find((r) => r.attachment !== null)!;
    const withoutFile = requests.find((r) => r.attachment === null)!;
    const file = await handler.get(`/api/portal/support-requests/${withFile.id}/attachment`);
    expect(file.status, file.text).toBe(200);
    expect(file.body).toMatchObject({ fileName: 'maler.jpg', type: 'image/jpeg' });
    expect(Buffer.compare(Buffer.from(file.body.contentBase64, 'base64'), JPEG)).toBe(0);
    expect((await handler.get(`/api/portal/support-requests/${withoutFile.id}/attachment`)).status).toBe(404);
    expect((await reader.get(`/api/portal/support-requests/${withFile.id}/attachment`)).status).toBe(403);
    expect((await installerA.get(`/api/portal/support-requests/${withFile.id}/attachment`)).status).toBe(401);
  });

  it('documents every route in the OpenAPI document with its operationId', async () => {
    const document = await new RawClient(url).get('/api/openapi.json');
    for (const operationId of ['portalSubmitSupportRequest', 'portalListSupportRequests', 'portalSubmitPublicSupportRequest',
      'portalStaffListSupportRequests', 'portalAnswerSupportRequest', 'portalStaffGetSupportAttachment']) {
      expect(document.text).toContain(`"operationId":"${operationId}"`);
    }
  });

  it('answers an unknown id as not found, and refuses an empty answer', async () => {
    expect((await handler.post('/api/portal/support-requests/00000000-0000-4000-8000-000000000000/answer', { answer: 'Hei' })).status).toBe(404);
    const [open] = (await handler.get('/api/portal/support-requests?state=open')).body.requests;
    expect((await handler.post(`/api/portal/support-requests/${open.id}/answer`, { answer: '   ' })).status).toBe(400);
  });
});

describe('PostgreSQL holds it by itself (raw SQL as desk_service)', () => {
  async function as<T>(settings: Record<string, string>, work: () => Promise<T>): Promise<T> {
    await service.query('BEGIN');
    try {
      for (const [name, value] of Object.entries(settings)) await service.query('SELECT set_config($1, $2, true)', [name, value]);
      return await work();
    } finally {
      await service.query('ROLLBACK');
    }
  }
  const portalUser = (firm: { id: string }, user: RawClient) => ({ role: 'portal_user', 'portal.firm': firm.id, 'portal.user': user.login });

  it("shows portal_user only its firm's requests, even without a WHERE", async () => {
    await as(portalUser(firmA, installerA), async () => {
      const { rows } = await service.query('SELECT DISTINCT firm_id FROM portal_support_requests');
      expect(rows).toEqual([{ firm_id: firmA.id }]);
    });
    await as(portalUser(firmB, installerB), async () => {
      const { rows } = await service.query("SELECT 1 FROM portal_support_requests WHERE firm_id = $1 OR firm_id IS NULL", [firmA.id]);
      expect(rows).toHaveLength(0);
    });
  });

  it("refuses portal_user a request in another firm's name, on another firm's case, as another user, or an answer", async () => {
    const insert = (firm: string, user: string, caseNumber: string | null) => service.query(
      `INSERT INTO portal_support_requests (firm_id, user_id, organisation_number, category, case_id, text, contact_email)
       VALUES ($1, $2, '999999999', 'other', (SELECT id FROM cases WHERE case_number = $3), 'x', 'a@b.test')`, [firm, user, caseNumber]);
    for (const attempt of [
      () => insert(firmB.id, installerB.login, null),
      () => insert(firmA.id, installerB.login, null),
    ]) {
      await as(portalUser(firmA, installerA), () => expect(attempt()).rejects.toMatchObject({ code: '42501' }));
    }
    // Another firm's case is invisible to portal_user, so name its id directly.
    const { rows: [b] } = await central.admin.query<{ id: string }>('SELECT id FROM cases WHERE case_number = $1', [caseOfB]);
    await as(portalUser(firmA, installerA), () => expect(service.query(
      `INSERT INTO portal_support_requests (firm_id, user_id, organisation_number, category, case_id, text, contact_email)
       VALUES ($1, $2, '999999999', 'other', $3, 'x', 'a@b.test')`, [firmA.id, installerA.login, b.id])).rejects.toMatchObject({ code: '42501' }));
    await as(portalUser(firmA, installerA), () => expect(service.query(
      "UPDATE portal_support_requests SET state = 'closed', answer = 'self-answered'")).rejects.toMatchObject({ code: '42501' }));
    await as(portalUser(firmA, installerA), () => expect(service.query('DELETE FROM portal_support_requests')).rejects.toMatchObject({ code: '42501' }));
  });

  it('lets staff set only the answer, once, stamped with who and when; the request as asked never changes', async () => {
    const staff = (role: string) => ({ role, 'desk.actor': 'anne' });
    await as(staff('case_handler'), () => expect(service.query("UPDATE portal_support_requests SET text = 'rewritten'"))
      .rejects.toMatchObject({ code: '42501' }));
    await as(staff('case_handler'), () => expect(service.query('DELETE FROM portal_support_requests')).rejects.toMatchObject({ code: '42501' }));
    await as(staff('reader'), () => expect(service.query('SELECT 1 FROM portal_support_requests')).rejects.toMatchObject({ code: '42501' }));
    await as(staff('supervisor'), async () => {
      // A closed request is not for answering again: no row qualifies.
      const closed = await service.query("UPDATE portal_support_requests SET answer = 'changed' WHERE state = 'closed'");
      expect(closed.rowCount).toBe(0);
      const { rows } = await service.query(
        "UPDATE portal_support_requests SET state = 'closed', answer = 'Svar' WHERE state = 'open' RETURNING answered_by, answered_at");
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.answered_by === 'anne' && r.answered_at instanceof Date)).toBe(true);
    });
    // Not even the owner rewrites a closed request.
    await expect(central.admin.query("UPDATE portal_support_requests SET answer = 'changed' WHERE state = 'closed'"))
      .rejects.toMatchObject({ code: 'PT007' });
  });

  it('lets only desk_service ask signed out, never a portal user or staff', async () => {
    for (const role of ['portal_user', 'case_handler', 'supervisor']) {
      await as({ role, 'desk.actor': 'anne' }, () => expect(service.query(
        "SELECT portal_submit_public_support('a@b.test', '999999999', 'x', null)")).rejects.toMatchObject({ code: '42501' }));
    }
  });
});
