// Issue 12, item 7, "Must show": every portal operation that takes an identifier, tried by firm B with firm A's
// identifier, is refused exactly as an identifier that does not exist, and nothing of A's changes. The operations
// are read from the live OpenAPI document, so a new id-taking portal operation that this file does not cover fails
// it. Two approved firms, each an area supplier that also sends requests, each with cases and their files, an inbox
// message, drafts, a support request with a file, work orders (one reported with a photo), a colleague and an
// issued offer with its owner code. Firm B calls with its bearer token and with its cookie session (and CSRF token);
// owners' routes are tried with another offer's code and with an installer's session; staff routes with a portal
// session. Below the code: as portal_user for firm B, every table portal_user may SELECT (from the catalog) shows
// none of the rows only firm A sees, and the definer functions answer nothing for A's ids.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerCodeSha256 } from '../../../core/offers/ownerAccess';
import { normaliseOwnerCode } from '../../../shared/rules';
import { useCentralDatabase } from '../../support/centralDatabase';
import { insertIssuedOfferCentral } from '../../support/issuedOffer';
import { login, RawClient, type Answer } from '../../support/serviceClient';
import { caseIdOf, gridCompanyWrites, newInstallation, paidAndStarted, PDF, send } from './caseFixture';
import { firmWithAdmin, PASSWORD, portalLogin, startPortalService, startSmtp, type TestSmtp } from './portalFixture';
import { caseAwaitingMeter, JPEG_PHOTO, placeOrder, supplierFirm } from './workOrderFixture';

const started = Date.now();
let smtp: TestSmtp;
let url: string;

/** Everything of one firm that has an identifier. */
interface Firm {
  id: string;
  org: string;
  supplierId: number;
  admin: RawClient;
  /** The same admin's browser session: the cookie and its CSRF token. */
  cookie: { cookie: string; csrf: string };
  colleagueId: string;
  /** Waiting for information (takes a supplement), with a site map; the offer is on it. */
  case1: string;
  case1MessageId: string;
  /** Paid and started (takes a completion notice). */
  case2: string;
  attachmentId: number;
  inboxMessageId: string;
  draftId: string;
  supportId: string;
  /** Ordered, not answered. */
  orderOpen: string;
  /** Reported done with a photo. */
  orderDone: string;
  orderFileId: string;
  offerId: string;
  offerCode: string;
  address: string;
}

let A: Firm;
let B: Firm;
/** A third approved firm with nothing: what every firm sees alike. */
let C: { id: string; userId: string; client: RawClient };
let staff: RawClient;
let service: pg.Client;

const central = useCentralDatabase('portal_cross_firm', {
  seedCases: 12,
  timeout: 120_000,
  async setup(db) {
    smtp = await startSmtp();
    url = (await startPortalService(db.db, smtp, { attemptsPerMinute: 1000, lookupsPerMinute: 1000 })).url;
    staff = await login(url, await db.db.createLogin('sup', 'supervisor'));
    const sara = await db.connectAs('sara', 'supervisor');
    service = await db.connect(db.db.serviceUrl);
    A = await firmWithEverything(db.admin, sara, 1, 'a', '4204', 'KKKKK-KKKKK');
    B = await firmWithEverything(db.admin, sara, 2, 'b', '4223', 'MMMMM-MMMMM');
    const c = await firmWithAdmin(url, db.admin, staff, 'admin@c.test', 'C Elektro AS');
    const cClient = await portalLogin(url, 'admin@c.test');
    C = { id: c.id, userId: cClient.login, client: cClient };
  },
});

afterAll(async () => {
  await smtp?.close();
  console.log(`crossFirm.test.ts ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
const tomorrow = () => new Date(Date.parse(`${today()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const b64 = (bytes: Buffer) => bytes.toString('base64');

async function cookieLogin(email: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${url}/api/portal/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = await response.json() as { csrfToken: string };
  expect(response.status).toBe(200);
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0], csrf: body.csrfToken };
}

async function ok<T = Record<string, unknown>>(answer: Promise<Answer<T>>): Promise<T> {
  const got = await answer;
  if (got.status !== 200) throw new Error(`answered ${got.status}: ${got.text}`);
  return got.body;
}

/** An area supplier of the register approved as a portal firm, and one of every resource it can own. */
async function firmWithEverything(admin: pg.Client, supervisor: pg.Client, supplierId: number, tag: string, municipality: string, code: string): Promise<Firm> {
  const firm = await supplierFirm(url, admin, staff, supplierId, `admin@${tag}.test`);
  const client = await portalLogin(url, `admin@${tag}.test`);
  const colleague = await ok(client.post('/api/portal/users', { email: `montor@${tag}.test`, temporaryPassword: 'temporary-pass-1' }));
  const address = `Kryssveien ${tag.toUpperCase()} ${supplierId}`;
  const request1 = newInstallation(firm, address, new Date().toISOString());
  const case1 = await send(client, request1);
  const case2 = await send(client, newInstallation(firm, `${address}B`, new Date().toISOString()));
  await gridCompanyWrites(admin, case1, 'information_request', 'Vi trenger mer informasjon', ['power_budget']);
  await admin.query("UPDATE cases SET status = 'waiting_for_info', clock_paused_on = current_date WHERE case_number = $1", [case1]);
  await paidAndStarted(admin, case2);
  const case1Id = await caseIdOf(admin, case1);
  const { rows: [attachment] } = await admin.query<{ id: string }>('SELECT id FROM attachments WHERE case_id = $1 ORDER BY id LIMIT 1', [case1Id]);
  const { rows: [message] } = await admin.query<{ id: string }>(
    "SELECT id FROM outgoing_messages WHERE case_id = $1 AND kind = 'information_request'", [case1Id]);
  const draft = await ok<{ id: string }>(client.post('/api/portal/drafts', {
    form: { requestType: 'new_installation', values: { 'installation.address': `${address} utkast` }, attachments: [] } }));
  const support = await ok<{ request: { id: string } }>(client.post('/api/portal/support', {
    category: 'construction_power_reading', caseNumber: case1, meterNumber: '7359992890123456', meterReading: 100,
    text: `Feil avlesning hos ${tag}`, contactPhone: '+47 912 34 567',
    attachment: { fileName: 'maler.jpg', contentBase64: b64(JPEG_PHOTO) } }));
  const open = await caseAwaitingMeter(admin, municipality);
  const orderOpen = await placeOrder(supervisor, open.id, supplierId);
  const done = await caseAwaitingMeter(admin, municipality);
  const orderDone = await placeOrder(supervisor, done.id, supplierId);
  await ok(client.post(`/api/portal/work-orders/${orderDone}/report`, {
    doneOn: today(), meterNumber: `MTR-${tag}`, meterReading: 1.5, photos: [{ fileName: 'maler.jpg', contentBase64: b64(JPEG_PHOTO) }] }));
  const order = await ok<{ files?: { url: string }[] } & Record<string, unknown>>(client.get(`/api/portal/work-orders/${orderDone}`));
  const fileUrl = JSON.stringify(order).match(/\/files\/([0-9a-zA-Z-]+)/);
  if (!fileUrl) throw new Error(`no file in the reported order: ${JSON.stringify(order)}`);
  const offerId = await insertIssuedOfferCentral(admin, case1Id);
  await admin.query('INSERT INTO owner_offer_access (offer_id, code_sha256) VALUES ($1, $2)', [offerId, ownerCodeSha256(normaliseOwnerCode(code)!)]);
  return {
    id: firm.id, org: firm.org, supplierId, admin: client, cookie: await cookieLogin(`admin@${tag}.test`),
    colleagueId: colleague.user.id as string, case1, case1MessageId: String(request1.messageId), case2,
    attachmentId: Number(attachment.id), inboxMessageId: message.id, draftId: draft.id, supportId: support.request.id,
    orderOpen, orderDone, orderFileId: fileUrl[1], offerId, offerCode: code, address,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The operations, as the OpenAPI document lists them.

interface Operation {
  operationId: string;
  method: string;
  path: string;
  /** Path parameters, and property names anywhere in the body or query that name something. */
  idNames: string[];
}

const ID_NAME = /^(id|\w+Id|caseNumber|organisationNumber|q)$/;

type Schema = Record<string, unknown>;

function propertyNames(schema: unknown, doc: Schema, seen = new Set<unknown>()): string[] {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  const s = schema as Schema;
  if (typeof s.$ref === 'string') {
    const target = s.$ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Schema | undefined)?.[key], doc);
    return propertyNames(target, doc, seen);
  }
  const names: string[] = [];
  if (s.properties && typeof s.properties === 'object') {
    for (const [name, sub] of Object.entries(s.properties as Schema)) names.push(name, ...propertyNames(sub, doc, seen));
  }
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    if (Array.isArray(s[key])) for (const sub of s[key] as unknown[]) names.push(...propertyNames(sub, doc, seen));
  }
  if (s.items) names.push(...propertyNames(s.items, doc, seen));
  return names;
}

async function portalOperations(): Promise<Operation[]> {
  const answer = await new RawClient(url).get<Schema>('/api/openapi.json');
  expect(answer.status).toBe(200);
  const doc = answer.body;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Schema>>)) {
    if (!path.startsWith('/api/portal/')) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = (op.parameters ?? []) as { in: string; name: string; schema?: unknown }[];
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const queryNames = parameters.filter((p) => p.in === 'query').flatMap((p) => [p.name, ...propertyNames(p.schema, doc)]);
      const body = (op.requestBody as Schema | undefined)?.content as Record<string, { schema: unknown }> | undefined;
      const bodyNames = Object.values(body ?? {}).flatMap((c) => propertyNames(c.schema, doc));
      operations.push({
        operationId: String(op.operationId), method: method.toUpperCase(), path,
        idNames: [...new Set([...pathParams, ...[...queryNames, ...bodyNames].filter((n) => ID_NAME.test(n))])],
      });
    }
  }
  return operations;
}

/**
 * Every portal operation, by who may call it and what this file does with it. `firm`: firm B with A's identifiers,
 * refused as unknown ones; `owner`: the offer's link and code; `staff`: a portal session is refused (401); `shared`:
 * the identifier names the grid company's data, alike for every firm; `public`: no session, a firm's number in the
 * body; `none`: takes no identifier (the lists are still checked to hold none of A's).
 */
const COVERED: Record<string, 'firm' | 'owner' | 'staff' | 'shared' | 'public' | 'none'> = {
  portalGetCase: 'firm',
  portalWithdrawCase: 'firm',
  portalGetAttachment: 'firm',
  portalListCases: 'firm',
  portalSaveDraft: 'firm',
  portalDeleteDraft: 'firm',
  portalMarkRead: 'firm',
  portalDisableUser: 'firm',
  portalSubmitMessage: 'firm',
  portalSubmitSupportRequest: 'firm',
  portalGetWorkOrder: 'firm',
  portalGetWorkOrderLetter: 'firm',
  portalGetWorkOrderFile: 'firm',
  portalConfirmWorkOrder: 'firm',
  portalReportWorkOrder: 'firm',
  portalOwnerOpenOffer: 'owner',
  portalOwnerOfferLetter: 'owner',
  portalOwnerAnswerOffer: 'owner',
  portalApproveFirm: 'staff',
  portalRefuseFirm: 'staff',
  portalListFirms: 'staff',
  portalAnswerSupportRequest: 'staff',
  portalStaffGetSupportAttachment: 'staff',
  portalStaffListSupportRequests: 'staff',
  portalGetTemplate: 'shared',
  portalLookupInstallation: 'shared',
  portalApplyFirm: 'public',
  portalSubmitPublicSupportRequest: 'public',
  portalLogin: 'none',
  portalLogout: 'none',
  portalMe: 'none',
  portalChangePassword: 'none',
  portalListUsers: 'none',
  portalAddUser: 'none',
  portalRequestPasswordReset: 'none',
  portalCompletePasswordReset: 'none',
  portalAcceptInvitation: 'none',
  portalListDrafts: 'none',
  portalListInbox: 'none',
  portalCompletenessRules: 'none',
  portalListSupportRequests: 'none',
  portalListTemplates: 'none',
  portalListWorkOrders: 'none',
};
/** Operations classified 'none' although a name in them looks like an identifier, and why (reviewed). */
const NOT_IDS: Record<string, string> = {};

/** Operations whose answer the tests below have checked, with what was asserted. */
const tried = new Map<string, string[]>();
const note = (operationId: string, what: string) => tried.set(operationId, [...(tried.get(operationId) ?? []), what]);

describe('the OpenAPI document', () => {
  it('lists no id-taking portal operation that this file does not try', async () => {
    const operations = await portalOperations();
    const ids = operations.map((o) => o.operationId);
    // Every portal operation is classified, and the table names no operation that is gone.
    expect(ids.filter((id) => !(id in COVERED)), 'portal operations this file does not know').toEqual([]);
    expect(Object.keys(COVERED).filter((id) => !ids.includes(id)), 'operations no longer in the document').toEqual([]);
    // Every operation with a path parameter or an identifier in its body or query is tried (not merely 'none').
    const idTaking = operations.filter((o) => o.idNames.length > 0 && !(o.operationId in NOT_IDS));
    expect(idTaking.filter((o) => COVERED[o.operationId] === 'none').map((o) => `${o.operationId} (${o.idNames.join(', ')})`),
      'id-taking operations classified as taking none').toEqual([]);
    for (const o of operations.filter((op) => op.path.includes('{'))) expect(COVERED[o.operationId]).not.toBe('none');
    console.log(operations.map((o) => `${o.operationId.padEnd(34)} ${o.method.padEnd(6)} ${o.path} [${o.idNames.join(', ')}] → ${COVERED[o.operationId]}`).join('\n'));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Firm B with firm A's identifiers, through the service.

const UNKNOWN_UUID = '00000000-0000-4000-8000-00000000beef';
const UNKNOWN_NUMBER = 987_654_321;
let unknownCase: string;

/** The answer with the two identifiers (A's, and the unknown one in its place) written alike. */
function normalised(answer: Answer, ...ids: (string | number)[]): { status: number; body: string } {
  let text = answer.text;
  for (const id of ids) text = text.split(String(id)).join('<id>');
  return { status: answer.status, body: text };
}

type Call = (client: RawClient, headers: Record<string, string>) => Promise<Answer>;

/** B's two ways in: its bearer token, and its cookie session with the CSRF token (for every method, GET too). */
function asB(): { way: string; client: RawClient; headers: Record<string, string> }[] {
  return [
    { way: 'bearer', client: B.admin, headers: {} },
    { way: 'cookie+csrf', client: new RawClient(url), headers: { cookie: B.cookie.cookie, 'x-csrf-token': B.cookie.csrf } },
  ];
}

/**
 * Calls `theirs` (with A's identifier) and `unknown` (the same with an identifier that exists nowhere) as firm B both
 * ways; both refused with `status`, the same body but for the identifier.
 */
async function refusedAsUnknown(operationId: string, status: number, theirs: Call, unknown: Call, ids: (string | number)[]): Promise<void> {
  for (const { way, client, headers } of asB()) {
    const [a, u] = [await theirs(client, headers), await unknown(client, headers)];
    expect(a.status, `${operationId} ${way}: ${a.text}`).toBe(status);
    expect(normalised(a, ...ids), `${operationId} ${way}`).toEqual(normalised(u, ...ids));
    note(operationId, `${way}: ${a.status} ${(a.body as { code?: string })?.code ?? ''} = unknown id`);
  }
}

const get = (path: string): Call => (client, headers) => client.call('GET', path, undefined, headers);
const post = (path: string, body: unknown = {}): Call => (client, headers) => client.call('POST', path, body, headers);
const del = (path: string): Call => (client, headers) => client.call('DELETE', path, undefined, headers);

/** Every row in the public schema, table by table, as a digest: what A has (and everyone else) before and after. */
async function digests(): Promise<Record<string, string>> {
  const { rows: tables } = await central.admin.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1");
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const t = central.admin.escapeIdentifier(name);
    const { rows: [row] } = await central.admin.query<{ d: string | null; n: number }>(
      `SELECT md5(string_agg(md5(row_to_json(t)::text), '' ORDER BY md5(row_to_json(t)::text))) AS d, count(*)::int AS n FROM ${t} t`);
    out[name] = `${row.n}:${row.d ?? ''}`;
  }
  return out;
}

/**
 * The digests once the delivery worker has done with the set-up's messages: no e-mail notice waiting or being sent,
 * and two readings 1 s apart alike.
 */
async function settled(): Promise<Record<string, string>> {
  const pending = async () => (await central.admin.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM message_deliveries WHERE channel = 'email' AND state IN ('queued', 'sending')")).rows[0].n;
  let last = await digests();
  for (let i = 0; i < 30; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await digests();
    if (JSON.stringify(now) === JSON.stringify(last) && await pending() === 0) return now;
    last = now;
  }
  throw new Error('the database did not settle within 30 s');
}

/**
 * Tables firm B's refused calls may change: its own sessions (seen/extended on use), the owner codes' counters of
 * wrong tries (the lock-out counts a wrong code on A's offer: by design, reset here between tries), and the
 * throttles' buckets. What of A's is in them is checked on its own.
 */
const MAY_CHANGE = new Set(['portal_sessions', 'owner_offer_access']);
let before: Record<string, string>;
let ownerAccessBefore: unknown[];

describe("firm B with firm A's identifiers, through the service", () => {
  beforeAll(async () => {
    unknownCase = `${A.case1.slice(0, -3)}999`;
    const { rowCount } = await central.admin.query('SELECT 1 FROM cases WHERE case_number = $1', [unknownCase]);
    expect(rowCount).toBe(0);
    // The set-up is what it says: A's resources are there for A.
    expect((await A.admin.get(`/api/portal/cases/${A.case1}`)).status).toBe(200);
    expect((await A.admin.get(`/api/portal/cases/${A.case1}/attachments/${A.attachmentId}`)).status).toBe(200);
    expect((await A.admin.get(`/api/portal/work-orders/${A.orderOpen}/letter`)).status).toBe(200);
    expect((await A.admin.get(`/api/portal/work-orders/${A.orderDone}/files/${A.orderFileId}`)).status).toBe(200);
    before = await settled();
    ownerAccessBefore = (await central.admin.query('SELECT offer_id, code_sha256 FROM owner_offer_access ORDER BY offer_id')).rows;
  });

  it("portalGetCase: A's case number", async () => {
    await refusedAsUnknown('portalGetCase', 404, get(`/api/portal/cases/${A.case1}`), get(`/api/portal/cases/${unknownCase}`), [A.case1, unknownCase]);
  });

  it("portalWithdrawCase: A's case number", async () => {
    await refusedAsUnknown('portalWithdrawCase', 404, post(`/api/portal/cases/${A.case1}/withdraw`, { reason: 'Trekkes' }),
      post(`/api/portal/cases/${unknownCase}/withdraw`, { reason: 'Trekkes' }), [A.case1, unknownCase]);
  });

  it("portalGetAttachment: A's file under A's case number, and under B's own", async () => {
    await refusedAsUnknown('portalGetAttachment', 404, get(`/api/portal/cases/${A.case1}/attachments/${A.attachmentId}`),
      get(`/api/portal/cases/${unknownCase}/attachments/${UNKNOWN_NUMBER}`), [A.case1, unknownCase, A.attachmentId, UNKNOWN_NUMBER]);
    await refusedAsUnknown('portalGetAttachment', 404, get(`/api/portal/cases/${B.case1}/attachments/${A.attachmentId}`),
      get(`/api/portal/cases/${B.case1}/attachments/${UNKNOWN_NUMBER}`), [A.attachmentId, UNKNOWN_NUMBER]);
  });

  it("portalListCases: a search on A's case number or address finds nothing, as one on nothing", async () => {
    for (const q of [A.case1, A.address]) {
      for (const { way, client, headers } of asB()) {
        const a = await client.call('GET', `/api/portal/cases?q=${encodeURIComponent(q)}&state=all`, undefined, headers);
        const u = await client.call('GET', `/api/portal/cases?q=${encodeURIComponent('ingen-slik-sak')}&state=all`, undefined, headers);
        expect(a.status).toBe(200);
        expect(a.body).toMatchObject({ cases: [], total: 0 });
        expect(a.body).toEqual(u.body);
        note('portalListCases', `${way}: q=${q === A.case1 ? 'case number' : 'address'} → 200, no case`);
      }
    }
  });

  it("portalSaveDraft and portalDeleteDraft: A's draft id", async () => {
    const form = { requestType: 'new_installation', values: { 'installation.address': 'Overskrevet 1' }, attachments: [] };
    await refusedAsUnknown('portalSaveDraft', 404, post('/api/portal/drafts', { id: A.draftId, form }), post('/api/portal/drafts', { id: UNKNOWN_UUID, form }),
      [A.draftId, UNKNOWN_UUID]);
    await refusedAsUnknown('portalDeleteDraft', 404, del(`/api/portal/drafts/${A.draftId}`), del(`/api/portal/drafts/${UNKNOWN_UUID}`), [A.draftId, UNKNOWN_UUID]);
  });

  it("portalMarkRead: A's inbox message", async () => {
    await refusedAsUnknown('portalMarkRead', 404, post(`/api/portal/inbox/${A.inboxMessageId}/read`), post(`/api/portal/inbox/${UNKNOWN_UUID}/read`),
      [A.inboxMessageId, UNKNOWN_UUID]);
  });

  it("portalDisableUser: A's colleague and A's administrator", async () => {
    for (const user of [A.colleagueId, A.admin.login]) {
      await refusedAsUnknown('portalDisableUser', 404, post(`/api/portal/users/${user}/disable`), post(`/api/portal/users/${UNKNOWN_UUID}/disable`),
        [user, UNKNOWN_UUID]);
    }
  });

  it("portalSubmitMessage: a supplement naming A's case by number, by A's message id (bare and scoped), a completion notice on A's case", async () => {
    const sender = { role: 'installer', organisationNumber: B.org, name: 'B Elektro AS' };
    const supplement = (ref: Record<string, string>) => ({
      messageId: `CROSS-${randomUUID().slice(0, 8)}`, kind: 'supplement', sentAt: new Date().toISOString(), sender, ...ref,
      changes: { installation: { mainFuseA: 63 } }, text: 'Større sikring',
      attachments: [{ kind: 'power_budget', fileName: 'effekt.pdf', mimeType: 'application/pdf', contentBase64: b64(PDF) }],
    });
    const notice = (caseNumber: string) => ({
      messageId: `CROSS-${randomUUID().slice(0, 8)}`, kind: 'completion_notice', sentAt: new Date().toISOString(), sender, caseNumber,
      completedOn: today(), energisedOn: today(), meterNumbers: ['7359992912345678'],
      meterReadings: [{ meterNumber: '7359992912345678', readingKwh: 1 }],
    });
    const pairs: [unknown, unknown, (string | number)[]][] = [
      [supplement({ caseNumber: A.case1 }), supplement({ caseNumber: unknownCase }), [A.case1, unknownCase]],
      [supplement({ caseMessageId: A.case1MessageId }), supplement({ caseMessageId: 'CASES-NONE-1' }), [A.case1MessageId, 'CASES-NONE-1']],
      [supplement({ caseMessageId: `${A.org}:${A.case1MessageId}` }), supplement({ caseMessageId: `${A.org}:CASES-NONE-1` }),
        [`${A.org}:${A.case1MessageId}`, `${A.org}:CASES-NONE-1`]],
      [notice(A.case2), notice(unknownCase), [A.case2, unknownCase]],
    ];
    for (const [theirs, unknown, ids] of pairs) {
      // The message ids differ per call; the answer may name them.
      const withIds = (body: unknown): Call => (client, headers) => client.call('POST', '/api/portal/messages', body, headers);
      for (const { way, client, headers } of asB()) {
        const fresh = (body: unknown) => ({ ...(body as object), messageId: `CROSS-${randomUUID().slice(0, 8)}` });
        const t = fresh(theirs);
        const u = { ...fresh(unknown), messageId: t.messageId };
        const a = await withIds(t)(client, headers);
        const n = await withIds(u)(client, headers);
        expect(a.status, `${way}: ${a.text}`).toBe(404);
        expect(normalised(a, ...ids), way).toEqual(normalised(n, ...ids));
        note('portalSubmitMessage', `${way}: ${(t as unknown as { kind: string }).kind} by ${'caseNumber' in (t as object) ? 'caseNumber' : 'caseMessageId'} → 404 = unknown`);
      }
    }
  });

  it("portalSubmitSupportRequest: A's case number", async () => {
    const ask = (caseNumber: string) => post('/api/portal/support', { category: 'message_form', caseNumber, text: 'Hjelp', contactPhone: '91234567' });
    await refusedAsUnknown('portalSubmitSupportRequest', 404, ask(A.case1), ask(unknownCase), [A.case1, unknownCase]);
  });

  it("portalGetWorkOrder, …Letter, …File, portalConfirmWorkOrder, portalReportWorkOrder: A's orders and file", async () => {
    await refusedAsUnknown('portalGetWorkOrder', 404, get(`/api/portal/work-orders/${A.orderOpen}`), get(`/api/portal/work-orders/${UNKNOWN_UUID}`),
      [A.orderOpen, UNKNOWN_UUID]);
    await refusedAsUnknown('portalGetWorkOrderLetter', 404, get(`/api/portal/work-orders/${A.orderOpen}/letter`),
      get(`/api/portal/work-orders/${UNKNOWN_UUID}/letter`), [A.orderOpen, UNKNOWN_UUID]);
    await refusedAsUnknown('portalGetWorkOrderFile', 404, get(`/api/portal/work-orders/${A.orderDone}/files/${A.orderFileId}`),
      get(`/api/portal/work-orders/${UNKNOWN_UUID}/files/${UNKNOWN_NUMBER}`), [A.orderDone, A.orderFileId, UNKNOWN_UUID, UNKNOWN_NUMBER]);
    // A's file under B's own reported order.
    await refusedAsUnknown('portalGetWorkOrderFile', 404, get(`/api/portal/work-orders/${B.orderDone}/files/${A.orderFileId}`),
      get(`/api/portal/work-orders/${B.orderDone}/files/${UNKNOWN_NUMBER}`), [A.orderFileId, UNKNOWN_NUMBER]);
    const confirm = { plannedDate: tomorrow() };
    for (const order of [A.orderOpen, A.orderDone]) {
      await refusedAsUnknown('portalConfirmWorkOrder', 404, post(`/api/portal/work-orders/${order}/confirm`, confirm),
        post(`/api/portal/work-orders/${UNKNOWN_UUID}/confirm`, confirm), [order, UNKNOWN_UUID]);
      const report = { doneOn: today(), meterNumber: 'MTR-FREMMED', meterReading: 2, photos: [{ fileName: 'x.jpg', contentBase64: b64(JPEG_PHOTO) }] };
      await refusedAsUnknown('portalReportWorkOrder', 404, post(`/api/portal/work-orders/${order}/report`, report),
        post(`/api/portal/work-orders/${UNKNOWN_UUID}/report`, report), [order, UNKNOWN_UUID]);
    }
  });

  it('the lists B reads hold none of A\'s identifiers', async () => {
    // (A's attachment and file ids are small numbers: checked by id in B's case below, not as text.)
    const secrets = [A.case1, A.case2, A.inboxMessageId, A.draftId, A.supportId, A.orderOpen, A.orderDone,
      A.offerId, A.colleagueId, A.admin.login, 'admin@a.test', 'montor@a.test', A.address, A.id].map(String);
    const lists: [string, string][] = [
      ['portalListCases', '/api/portal/cases?state=all&pageSize=100'], ['portalListDrafts', '/api/portal/drafts'],
      ['portalListInbox', '/api/portal/inbox'], ['portalListUsers', '/api/portal/users'], ['portalListSupportRequests', '/api/portal/support'],
      ['portalListWorkOrders', '/api/portal/work-orders'], ['portalMe', '/api/portal/me'],
      ['portalGetCase', `/api/portal/cases/${B.case1}`], ['portalGetWorkOrder', `/api/portal/work-orders/${B.orderDone}`],
    ];
    for (const [operationId, path] of lists) {
      for (const { way, client, headers } of asB()) {
        const answer = await client.call('GET', path, undefined, headers);
        expect(answer.status, `${operationId}: ${answer.text}`).toBe(200);
        expect(secrets.filter((s) => answer.text.includes(s)), `${operationId} ${way}`).toEqual([]);
      }
      note(operationId, "B's own answer names none of A's ids");
    }
    const bCase = (await B.admin.get<{ attachments: { id: number }[] }>(`/api/portal/cases/${B.case1}`)).body;
    expect(bCase.attachments.map((f) => f.id)).not.toContain(A.attachmentId);
    const bOrder = (await B.admin.get(`/api/portal/work-orders/${B.orderDone}`)).text;
    expect(bOrder).not.toContain(`/files/${A.orderFileId}"`);
    // And B's lists are B's: the set-up gave B one of each too.
    expect((await B.admin.get('/api/portal/work-orders')).text).toContain(B.orderOpen);
    expect((await B.admin.get('/api/portal/drafts')).text).toContain(B.draftId);
  });

  it("the owner's offer routes: B's code on A's offer, A's code on B's offer, an installer's session with no code or B's", async () => {
    const reset = () => central.admin.query('UPDATE owner_offer_access SET failed_attempts = 0, locked_until = NULL');
    const owner = new RawClient(url);
    const routes: [string, string, (code: string) => Record<string, unknown>][] = [
      ['portalOwnerOpenOffer', 'open', (code) => ({ code })],
      ['portalOwnerOfferLetter', 'letter', (code) => ({ code })],
      ['portalOwnerAnswerOffer', 'answer', (code) => ({ code, name: 'Fremmed Person', answer: 'accept' })],
    ];
    // The routes work: A's code opens A's offer.
    expect((await owner.post(`/api/portal/owner/offers/${A.offerId}/open`, { code: A.offerCode })).status).toBe(200);
    for (const [operationId, route, body] of routes) {
      const tries: [string, RawClient, Record<string, string>, string, string][] = [
        ["no session, B's offer code on A's offer", owner, {}, A.offerId, B.offerCode],
        ["no session, A's offer code on B's offer", owner, {}, B.offerId, A.offerCode],
        ["B's bearer session, B's code on A's offer", B.admin, {}, A.offerId, B.offerCode],
        ["B's cookie session + CSRF, B's code on A's offer", owner, { cookie: B.cookie.cookie, 'x-csrf-token': B.cookie.csrf }, A.offerId, B.offerCode],
      ];
      for (const [what, client, headers, offerId, code] of tries) {
        await reset();
        const a = await client.call('POST', `/api/portal/owner/offers/${offerId}/${route}`, body(code), headers);
        const u = await client.call('POST', `/api/portal/owner/offers/${UNKNOWN_UUID}/${route}`, body(code), headers);
        expect(a.status, `${operationId} ${what}: ${a.text}`).toBe(404);
        expect(normalised(a, offerId, UNKNOWN_UUID), `${operationId} ${what}`).toEqual(normalised(u, offerId, UNKNOWN_UUID));
        note(operationId, `${what} → 404 = unknown offer`);
      }
      // An installer's session is no code: without one the body is refused before anything is looked up.
      for (const [client, headers] of [[B.admin, {}], [owner, { cookie: B.cookie.cookie, 'x-csrf-token': B.cookie.csrf }]] as const) {
        const a = await client.call('POST', `/api/portal/owner/offers/${A.offerId}/${route}`, {}, headers);
        expect(a.status, `${operationId}: ${a.text}`).toBe(400);
      }
      note(operationId, "B's session without a code → 400 (no code, nothing looked up)");
    }
    await reset();
  });

  it('staff routes under /api/portal refuse a portal session (401), bearer and cookie alike', async () => {
    const calls: [string, string, string, unknown][] = [
      ['portalApproveFirm', 'POST', `/api/portal/firms/${A.id}/approve`, {}],
      ['portalRefuseFirm', 'POST', `/api/portal/firms/${A.id}/refuse`, { reason: 'Ikke i registeret' }],
      ['portalListFirms', 'GET', '/api/portal/firms', undefined],
      ['portalAnswerSupportRequest', 'POST', `/api/portal/support-requests/${A.supportId}/answer`, { answer: 'Svar fra B' }],
      ['portalStaffGetSupportAttachment', 'GET', `/api/portal/support-requests/${A.supportId}/attachment`, undefined],
      ['portalStaffListSupportRequests', 'GET', '/api/portal/support-requests', undefined],
    ];
    for (const [operationId, method, path, body] of calls) {
      for (const { way, client, headers } of asB()) {
        const answer = await client.call(method, path, body, headers);
        expect(answer.status, `${operationId} ${way}: ${answer.text}`).toBe(401);
        note(operationId, `${way}: 401`);
      }
    }
    // The staff routes work for staff: the attachment is A's.
    expect((await staff.get(`/api/portal/support-requests/${A.supportId}/attachment`)).status).toBe(200);
  });

  it('shared: a template and the installation register answer B exactly as a firm with nothing, and no person', async () => {
    const templates = await C.client.get<{ templates: { name: string }[] }>('/api/portal/templates');
    const name = templates.body.templates[0]?.name ?? 'effektberegning';
    for (const { client, headers } of asB()) {
      const b = await client.call('GET', `/api/portal/templates/${name}`, undefined, headers);
      const c = await C.client.get(`/api/portal/templates/${name}`);
      expect([b.status, b.text]).toEqual([c.status, c.text]);
    }
    note('portalGetTemplate', 'the grid company\'s blank form: B = C (no firm\'s data)');
    const query = `/api/portal/installations?address=${encodeURIComponent(A.address)}&postcode=4631`;
    for (const { client, headers } of asB()) {
      const b = await client.call('GET', query, undefined, headers);
      const c = await C.client.get(query);
      expect(b.status, b.text).toBe(200);
      expect(b.body).toEqual(c.body);
      // The place's facts only: not the owner, not the case, not the firm.
      expect(b.text).not.toMatch(/Eier \d|eier@example|01017012345|Elektro AS/);
      expect(b.text).not.toContain(A.case1);
    }
    note('portalLookupInstallation', "A's address: B = C, the place's facts only (no owner, case or firm)");
  });

  it("public: applying with A's organisation number, and a signed-out support request naming it, touch nothing of A's", async () => {
    const applied = await new RawClient(url).post('/api/portal/firms', {
      organisationNumber: A.org, contactEmail: 'post@kapring.test', user: { email: 'kapring@b.test', name: 'Kaprer', password: PASSWORD } });
    expect(applied.status, applied.text).toBe(409);
    expect((await central.admin.query("SELECT 1 FROM portal_users WHERE email = 'kapring@b.test'")).rowCount).toBe(0);
    note('portalApplyFirm', `A's organisation number → ${applied.status} ${applied.body.code}; no user made`);
    const ask = (org: string) => new RawClient(url).post('/api/portal/support/public', { email: 'admin@b.test', organisationNumber: org, text: 'Kommer ikke inn' });
    const a = await ask(A.org);
    const { rows: [firmC] } = await central.admin.query<{ organisation_number: string }>(
      'SELECT organisation_number FROM portal_firms WHERE id = $1', [C.id]);
    const u = await ask(firmC.organisation_number);
    expect([a.status, a.body]).toEqual([u.status, u.body]);
    // Kept with no firm: not in A's list.
    expect((await central.admin.query('SELECT 1 FROM portal_support_requests WHERE organisation_number = $1 AND firm_id IS NOT NULL AND user_id IS NULL', [A.org])).rowCount).toBe(0);
    expect((await A.admin.get('/api/portal/support')).text).not.toContain('Kommer ikke inn');
    note('portalSubmitPublicSupportRequest', "A's organisation number → 200 as any other; kept without a firm, not in A's list");
  });

  it("changed nothing of A's (every table before and after, row by row)", async () => {
    const after = await digests();
    // The public support requests of the test above are the only rows added (firm-less, asked signed out).
    const changed = Object.keys(after).filter((table) => after[table] !== before[table] && !MAY_CHANGE.has(table));
    expect(changed.filter((t) => t !== 'portal_support_requests'), 'tables changed by refused calls').toEqual([]);
    const { rows: support } = await central.admin.query('SELECT firm_id FROM portal_support_requests WHERE created_at > now() - interval \'10 minutes\' AND firm_id IS NULL');
    expect(support.length).toBe(2);
    expect((await central.admin.query('SELECT offer_id, code_sha256 FROM owner_offer_access ORDER BY offer_id')).rows).toEqual(ownerAccessBefore);
    const { rows: sessions } = await central.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM portal_sessions WHERE firm_id = $1', [A.id]);
    expect(sessions[0].n).toBeGreaterThan(0);
    // A's things are still A's and work for A.
    expect((await A.admin.get(`/api/portal/cases/${A.case1}`)).body).toMatchObject({ status: 'waiting_for_info' });
    expect((await A.admin.get('/api/portal/drafts')).text).toContain(A.draftId);
    expect((await A.admin.get(`/api/portal/work-orders/${A.orderOpen}`)).body).toMatchObject({ status: 'ordered' });
    await portalLogin(url, 'montor@a.test', 'temporary-pass-1');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Below the code: PostgreSQL as portal_user for firm B.

async function asPortalUser<T>(firm: string, user: string, work: () => Promise<T>): Promise<T> {
  await service.query('BEGIN');
  try {
    await service.query("SELECT set_config('role', 'portal_user', true), set_config('portal.firm', $1, true), set_config('portal.user', $2, true)",
      [firm, user]);
    return await work();
  } finally {
    await service.query('ROLLBACK');
  }
}

describe('PostgreSQL as portal_user for firm B', () => {
  it("shows in no table portal_user may read any row that only firm A sees (tables from the catalog)", async () => {
    const { rows: tables } = await central.admin.query<{ name: string; oid: number }>(
      `SELECT c.relname AS name, c.oid::int AS oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
          AND (has_table_privilege('portal_user', c.oid, 'SELECT') OR has_any_column_privilege('portal_user', c.oid, 'SELECT'))
        ORDER BY 1`);
    const names = tables.map((t) => t.name);
    for (const expected of ['cases', 'attachments', 'case_events', 'outgoing_messages', 'message_deliveries', 'work_orders',
      'portal_drafts', 'portal_support_requests', 'portal_users', 'portal_sessions', 'portal_firms']) {
      expect(names, 'portal_user reads it').toContain(expected);
    }
    const seen: string[] = [];
    for (const { name, oid } of tables) {
      const { rows: columns } = await central.admin.query<{ attname: string }>(
        `SELECT attname FROM pg_attribute WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped
           AND has_column_privilege('portal_user', attrelid, attnum, 'SELECT') ORDER BY attnum`, [oid]);
      const list = columns.map((c) => service.escapeIdentifier(c.attname)).join(', ');
      const sql = `SELECT md5(row_to_json(t)::text) AS r FROM (SELECT ${list} FROM ${service.escapeIdentifier(name)}) t`;
      const rowsOf = async (firm: string, user: string) => new Set((await asPortalUser(firm, user, () => service.query<{ r: string }>(sql))).rows.map((r) => r.r));
      const [a, b, c] = [await rowsOf(A.id, A.admin.login), await rowsOf(B.id, B.admin.login), await rowsOf(C.id, C.userId)];
      const onlyA = [...a].filter((r) => !c.has(r));
      const onlyB = [...b].filter((r) => !c.has(r));
      expect(onlyA.filter((r) => b.has(r)), `${name}: rows of A that B sees`).toEqual([]);
      expect(onlyB.filter((r) => a.has(r)), `${name}: rows of B that A sees`).toEqual([]);
      seen.push(`${name}: A's own ${onlyA.length}, B's own ${onlyB.length}, what C (a firm with nothing) sees ${c.size}`);
      if (['cases', 'attachments', 'case_events', 'outgoing_messages', 'work_orders', 'portal_drafts', 'portal_support_requests',
        'portal_users', 'portal_sessions', 'portal_firms'].includes(name)) {
        expect(onlyA.length, `${name}: A has rows of its own (the test sees something)`).toBeGreaterThan(0);
      }
    }
    console.log(`portal_user reads ${tables.length} tables:\n  ${seen.join('\n  ')}`);
    // offers are not for a firm at all.
    expect(names).not.toContain('owner_offer_access');
  });

  it("the definer functions answer nothing for A's ids", async () => {
    const aCase = await caseIdOf(central.admin, A.case1);
    await asPortalUser(B.id, B.admin.login, async () => {
      expect((await service.query('SELECT portal_attachment_content($1) AS c', [A.attachmentId])).rows[0].c).toBeNull();
      expect((await service.query('SELECT * FROM portal_work_order_letter($1)', [A.orderOpen])).rowCount).toBe(0);
      expect((await service.query('SELECT * FROM portal_work_order_file($1, $2)', [A.orderDone, A.orderFileId])).rowCount).toBe(0);
      expect((await service.query('SELECT portal_mark_read($1) AS r', [A.inboxMessageId])).rows[0].r).toBeNull();
      expect((await service.query('SELECT portal_confirm_work_order($1, $2) AS o', [A.orderOpen, tomorrow()])).rows[0].o).toBe('not_found');
      expect((await service.query('SELECT portal_case_handler($1) AS h', [aCase])).rows[0].h).toBeNull();
    });
    await asPortalUser(A.id, A.admin.login, async () => {
      expect((await service.query('SELECT portal_attachment_content($1) AS c', [A.attachmentId])).rows[0].c).not.toBeNull();
      expect((await service.query('SELECT * FROM portal_work_order_letter($1)', [A.orderOpen])).rowCount).toBe(1);
    });
  });
});

describe('what was tried', () => {
  it('tried every firm-, owner- and staff-class operation of the table', () => {
    const expected = Object.entries(COVERED).filter(([, kind]) => kind !== 'none').map(([id]) => id).sort();
    expect(expected.filter((id) => !tried.has(id)), 'classified but not tried').toEqual([]);
    console.log([...tried.entries()].map(([id, what]) => `${id}:\n    ${[...new Set(what)].join('\n    ')}`).join('\n'));
  });
});
