// The central service attacked by a signed-in person with a raw HTTP client ("the server decides; the client only
// proposes"): each attack of the issue replayed over HTTP against a real PostgreSQL and a running service, and
// refused or neutralised — asserted on the answer and on the central rows.
import { randomUUID } from 'node:crypto';
import { offerValidUntil, type OfferLine, type PriceList } from '../../../shared/rules';
import { toStoredLines } from '../../../core/offers/storedLines';
import { beforeAll, describe, expect, it } from 'vitest';
import { disableStaffAccount } from '../../../service/accounts/staffAccounts';
import { useCentralDatabase } from '../../support/centralDatabase';
import { linesOf } from '../../support/issuedOffer';
import { login, newClientId, RawClient } from '../../support/serviceClient';
import { serviceFor, startService } from '../../support/serviceInstances';
import { SYNCED_TABLES } from '../../../core/sync/syncedTables';

const central = useCentralDatabase('svc_att', { seedCases: 40 });

let url = '';
let kari: RawClient;
let ola: RawClient;
let caseIds: number[] = [];
let nextCase = 0;

/** A case of the seed set without notes that no other test here uses, put in `status`, free and unassigned (as the owner). */
async function freshCase(status = 'in_review', extra = ''): Promise<number> {
  const caseId = caseIds[nextCase++];
  if (caseId === undefined) throw new Error('out of seeded cases');
  await central.admin.query(
    `UPDATE cases SET status = $2, claimed_by = NULL, lease_until = NULL, assignee_id = NULL ${extra} WHERE id = $1`,
    [caseId, status],
  );
  return caseId;
}

const note = (seq: number, caseId: number, body = `note ${seq}`, more: Record<string, unknown> = {}) => ({
  seq, name: 'case.addNote', args: { caseId, body, noteId: randomUUID(), ...more },
});

async function notesOf(caseId: number) {
  const { rows } = await central.admin.query<{ id: string; author_id: string; at: Date; body: string }>(
    'SELECT id, author_id, at, body FROM notes WHERE case_id = $1 ORDER BY at', [caseId],
  );
  return rows;
}

async function caseRow(caseId: number) {
  const { rows: [row] } = await central.admin.query<{ status: string; complete_at: Date | null; due_date: string | null; version: string }>(
    "SELECT status, complete_at, to_char(due_date, 'YYYY-MM-DD') AS due_date, version FROM cases WHERE id = $1", [caseId],
  );
  return row;
}

/** The highest history id so far: the events a test's push writes come after it. */
async function eventMark(): Promise<number> {
  const { rows: [row] } = await central.admin.query<{ id: string | null }>('SELECT max(id) AS id FROM case_events');
  return Number(row.id ?? 0);
}

const recently = (at: Date) => Math.abs(Date.now() - new Date(at).getTime()) < 60_000;

beforeAll(async () => {
  const running = await serviceFor(central.db);
  url = running.url;
  kari = await login(url, await central.db.createLogin('kari', 'case_handler'));
  ola = await login(url, await central.db.createLogin('ola', 'case_handler'));
  // Cases without notes of their own: a test that reads a case's notes finds only what it wrote, whichever case it gets.
  const { rows } = await central.admin.query<{ id: string }>(
    'SELECT id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM notes n WHERE n.case_id = c.id) ORDER BY id');
  caseIds = rows.map((row) => Number(row.id));
});

describe('time and actor come from the server', () => {
  it('a note backdated to 1999 in args is refused; in the precondition it is stored at the server time', async () => {
    const caseId = await freshCase();
    const results = await kari.push(newClientId(), [
      note(1, caseId, 'backdated in args', { createdAt: '1999-01-01T00:00:00Z', at: '1999-01-01T00:00:00Z' }),
      { ...note(2, caseId, 'backdated in precondition'), precondition: { createdAt: '1999-01-01T00:00:00Z', at: '1999-01-01T00:00:00Z' } },
    ]);
    expect(results.map((r) => [r.outcome, r.code])).toEqual([['refused', 'invalid'], ['applied', undefined]]);
    const notes = await notesOf(caseId);
    expect(notes.map((n) => n.body)).toEqual(['backdated in precondition']);
    expect(recently(notes[0].at)).toBe(true);
    const { rows: events } = await central.admin.query<{ at: Date; actor_id: string }>(
      "SELECT at, actor_id FROM case_events WHERE case_id = $1 AND kind = 'note_added' AND actor_id = $2", [caseId, kari.login],
    );
    expect(events.length).toBe(1);
    expect(recently(events[0].at)).toBe(true);
  });

  it('a forged author is refused in args; in the precondition the history still names the token’s person', async () => {
    const caseId = await freshCase();
    const mark = await eventMark();
    const results = await kari.push(newClientId(), [
      note(1, caseId, 'as ola in args', { authorId: ola.login, actorId: ola.login }),
      { ...note(2, caseId, 'as ola in precondition'), precondition: { authorId: ola.login, actorId: ola.login, actor: ola.login } },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'applied']);
    const notes = await notesOf(caseId);
    expect(notes.map((n) => [n.body, n.author_id])).toEqual([['as ola in precondition', kari.login]]);
    const { rows: events } = await central.admin.query<{ actor_id: string }>('SELECT actor_id FROM case_events WHERE case_id = $1 AND id > $2', [caseId, mark]);
    expect(events.map((e) => e.actor_id)).toEqual([kari.login]);
  });

  it('a case action with a forged actor in the precondition is recorded as the token’s person', async () => {
    const caseId = await freshCase('new');
    const claimToken = await kari.claim(caseId);
    const mark = await eventMark();
    const [result] = await kari.push(newClientId(), [
      { seq: 1, name: 'case.startReview', args: { caseId }, precondition: { status: 'new', claimToken, actorId: ola.login, by: ola.login } },
    ]);
    expect(result.outcome).toBe('applied');
    const { rows } = await central.admin.query<{ actor_id: string }>(
      "SELECT actor_id FROM case_events WHERE case_id = $1 AND kind = 'status_changed' AND id > $2", [caseId, mark],
    );
    expect(rows.map((r) => r.actor_id)).toEqual([kari.login]);
  });
});

describe('the life of a case is the server’s', () => {
  it('case.setStatus straight from approved to meter_mounted is refused', async () => {
    const caseId = await freshCase('approved');
    const claimToken = await kari.claim(caseId);
    const before = await caseRow(caseId);
    const results = await kari.push(newClientId(), [
      { seq: 1, name: 'case.setStatus', args: { caseId, status: 'meter_mounted' }, precondition: { status: 'approved', claimToken } },
      { seq: 2, name: 'case.setStatus', args: { caseId, status: 'closed' }, precondition: { claimToken } },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'refused']);
    expect((await caseRow(caseId)).status).toBe(before.status);
  });

  it('a case action not allowed from the case’s status is refused, whatever status the desk claims it saw', async () => {
    const caseId = await freshCase('approved');
    const claimToken = await kari.claim(caseId);
    const results = await kari.push(newClientId(), [
      { seq: 1, name: 'case.registerMeterMounted', args: { caseId }, precondition: { status: 'approved', claimToken } },
      { seq: 2, name: 'case.registerMeterMounted', args: { caseId }, precondition: { status: 'completion_reported', claimToken } },
      { seq: 3, name: 'case.close', args: { caseId }, precondition: { status: 'approved', claimToken } },
      { seq: 4, name: 'case.reopen', args: { caseId }, precondition: { status: 'approved', claimToken } },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'refused', 'refused', 'refused']);
    expect(results[1].code).toBe('statusChanged');
    expect((await caseRow(caseId)).status).toBe('approved');
  });

  it('a rejection without a reason is refused (the action needs one)', async () => {
    const caseId = await freshCase('in_review');
    const claimToken = await kari.claim(caseId);
    const [result] = await kari.push(newClientId(), [
      { seq: 1, name: 'case.reject', args: { caseId }, precondition: { status: 'in_review', claimToken } },
    ]);
    expect(result.outcome).toBe('refused');
    expect((await caseRow(caseId)).status).toBe('in_review');
  });

  it('complete_at and due_date cannot be written through args', async () => {
    const caseId = await freshCase('in_review');
    const claimToken = await kari.claim(caseId);
    const before = await caseRow(caseId);
    const results = await kari.push(newClientId(), [
      { seq: 1, name: 'case.setStatus', args: { caseId, status: 'in_review', complete_at: '1999-01-01T00:00:00Z', due_date: '1999-01-02' }, precondition: { claimToken } },
      { seq: 2, name: 'case.startReview', args: { caseId, completeAt: '1999-01-01T00:00:00Z', dueDate: '1999-01-02' }, precondition: { status: 'in_review', claimToken } },
      { seq: 3, name: 'case.overrideCompletenessItem', args: { caseId, item: 'owner', reason: 'ok', dueDate: '1999-01-02', complete_at: '1999-01-01' }, precondition: { claimToken } },
    ]);
    expect(results.map((r) => [r.outcome, r.code])).toEqual([['refused', 'invalid'], ['refused', 'invalid'], ['refused', 'invalid']]);
    const after = await caseRow(caseId);
    expect([after.complete_at, after.due_date]).toEqual([before.complete_at, before.due_date]);
  });

  it('a due date the desk proposes when completeness is reached is not taken as it is', async () => {
    const caseId = await freshCase('new', ', complete_at = NULL, due_date = NULL');
    const claimToken = await kari.claim(caseId);
    const [result] = await kari.push(newClientId(), [
      {
        seq: 1, name: 'case.overrideCompletenessItem', args: { caseId, item: 'owner', reason: 'checked by phone' },
        precondition: { claimToken, reachesCompleteness: { dueDate: '2099-12-31' } },
      },
    ]);
    const after = await caseRow(caseId);
    // Either refused, or applied with the server's own due date — never the desk's 2099-12-31.
    if (result.outcome === 'applied') expect(after.due_date).not.toBe('2099-12-31');
    else expect(after.due_date).toBeNull();
  });

  /** An issue of a new offer on an approved case under Kari's claim, dated as the service's calendar says unless told. */
  async function issue(lines: string, dates: (today: string, validUntil: string) => { issuedOn: string; validUntil: string }) {
    const caseId = await freshCase('approved');
    const claimToken = await kari.claim(caseId);
    const { rows: [list] } = await central.admin.query<{ id: string; list_version: number; body: string }>(
      'SELECT id, list_version, body FROM price_lists ORDER BY list_version LIMIT 1');
    const { rows: [{ today }] } = await central.admin.query<{ today: string }>("SELECT (now() AT TIME ZONE 'Europe/Oslo')::date::text AS today");
    const validUntil = offerValidUntil(today, (JSON.parse(list.body) as PriceList).offerValidity);
    const offerId = randomUUID();
    const [result] = await kari.push(newClientId(), [
      {
        seq: 1, name: 'case.issueOffer',
        args: {
          offerId, caseId, offerVersion: 1, priceListId: list.id, priceListVersion: list.list_version, draftLines: lines,
          draftDeductionOre: 0, ...dates(today, validUntil), pdfSha256: 'a'.repeat(64), pdfSizeBytes: 1000,
        },
        precondition: { claimToken },
      },
    ]);
    const { rows } = await central.admin.query('SELECT id FROM offers WHERE id = $1', [offerId]);
    return { result, stored: rows.length };
  }

  it('an offer issued with no lines is refused', async () => {
    const { result, stored } = await issue('[]', (issuedOn, validUntil) => ({ issuedOn, validUntil }));
    expect(result).toMatchObject({ outcome: 'refused', code: 'invalid', message: 'offer lines' });
    expect(stored).toBe(0);
  });

  it('an offer whose lines come in the desk’s stored form (arrays, not OfferLine objects) is refused, never stored', async () => {
    const stored = toStoredLines(JSON.parse(linesOf(1_250_000)) as OfferLine[]);
    const { result, stored: rows } = await issue(stored, (issuedOn, validUntil) => ({ issuedOn, validUntil }));
    expect(result).toMatchObject({ outcome: 'refused', code: 'invalid', message: 'offer lines' });
    expect(rows).toBe(0);
  });

  it('an issue is checked against the central draft: other lines are refused, the same lines in another key order are not', async () => {
    const caseId = await freshCase('approved', ", main_fuse_a = 63");
    const claimToken = await kari.claim(caseId);
    const offerId = randomUUID();
    const [created] = await kari.push(newClientId(), [
      { seq: 1, name: 'case.createOfferDraft', args: { caseId, offerId }, precondition: { claimToken } },
    ]);
    expect(created.outcome).toBe('applied');
    const { rows: [draft] } = await central.admin.query<{ lines: OfferLine[]; price_list_id: string; price_list_version: number }>(
      'SELECT lines::jsonb AS lines, price_list_id, price_list_version FROM offers WHERE id = $1', [offerId]);
    expect(draft.lines.length).toBeGreaterThan(0);
    const { rows: [list] } = await central.admin.query<{ body: string }>(
      'SELECT body FROM price_lists WHERE id = $1 AND list_version = $2', [draft.price_list_id, draft.price_list_version]);
    const { rows: [{ today }] } = await central.admin.query<{ today: string }>("SELECT (now() AT TIME ZONE 'Europe/Oslo')::date::text AS today");
    const issueWith = async (lines: OfferLine[] | Record<string, unknown>[]) => (await kari.push(newClientId(), [{
      seq: 1, name: 'case.issueOffer', precondition: { claimToken },
      args: {
        offerId, caseId, offerVersion: 1, priceListId: draft.price_list_id, priceListVersion: draft.price_list_version,
        draftLines: JSON.stringify(lines), draftDeductionOre: 0, issuedOn: today,
        validUntil: offerValidUntil(today, (JSON.parse(list.body) as PriceList).offerValidity), pdfSha256: 'a'.repeat(64), pdfSizeBytes: 1000,
      },
    }]))[0];
    const cheaper = draft.lines.map((line, i) => (i === 0 ? { ...line, unitPriceOre: line.unitPriceOre - 100 } : line));
    expect(await issueWith(cheaper)).toMatchObject({ outcome: 'refused', message: 'offerChangedWhileIssuing' });
    const reordered = draft.lines.map((line) => Object.fromEntries(Object.entries(line).reverse()));
    expect((await issueWith(reordered)).outcome).toBe('applied');
    const { rows: [issued] } = await central.admin.query<{ state: string }>('SELECT state FROM offers WHERE id = $1', [offerId]);
    expect(issued.state).toBe('issued');
  });

  it('an offer whose validity or issue date the desk chose is refused; the price list and the server’s calendar decide', async () => {
    const lines = linesOf(1_250_000);
    const forgedValidity = await issue(lines, (issuedOn) => ({ issuedOn, validUntil: '2099-12-31' }));
    expect(forgedValidity.result).toMatchObject({ outcome: 'refused', message: 'offer.validUntil' });
    const future = await issue(lines, () => ({ issuedOn: '2099-01-02', validUntil: '2099-04-02' }));
    expect(future.result).toMatchObject({ outcome: 'refused', message: 'offer.issuedOn' });
    const old = await issue(lines, () => ({ issuedOn: '2001-03-01', validUntil: '2001-06-01' }));
    expect(old.result).toMatchObject({ outcome: 'refused', message: 'offer.issuedOn' });
    expect(forgedValidity.stored + future.stored + old.stored).toBe(0);
    // The same offer dated as the rules say is issued.
    const fair = await issue(lines, (issuedOn, validUntil) => ({ issuedOn, validUntil }));
    expect(fair.result.outcome).toBe('applied');
    expect(fair.stored).toBe(1);
  });
});

describe('a push is taken mutation by mutation', () => {
  it('a note with U+0000 is refused on its own with a clear code; the ones after it are applied', async () => {
    const caseId = await freshCase();
    const results = await kari.push(newClientId(), [note(1, caseId, 'bad\u0000note'), note(2, caseId, 'good note'),
      { ...note(3, caseId, 'bad precondition'), precondition: { x: 'a\u0000' } }, note(4, caseId, 'another good one')]);
    expect(results.map((r) => [r.seq, r.outcome, r.code])).toEqual([
      [1, 'refused', 'invalid'], [2, 'applied', undefined], [3, 'refused', 'invalid'], [4, 'applied', undefined],
    ]);
    expect(results[0].message).toMatch(/U\+0000/);
    expect((await notesOf(caseId)).map((n) => n.body).sort()).toEqual(['another good one', 'good note']);
  });

  it('malformed mutations are refused alone; the rest are applied', async () => {
    const caseId = await freshCase();
    const { args } = note(0, caseId);
    const results = await kari.push(newClientId(), [
      { name: 'case.addNote', args },
      { seq: 2, args: { ...args, noteId: randomUUID() } },
      { seq: 3, name: 'case.addNote', args: 'not an object' },
      { seq: 4, name: 'case.addNote', args: [caseId, 'array'] },
      null,
      17,
      'text',
      { seq: 'eight', name: 'case.addNote', args },
      { seq: 0, name: 'case.addNote', args },
      note(10, caseId, 'the one that counts'),
    ]);
    expect(results.length).toBe(10);
    expect(results.slice(0, 9).every((r) => r.outcome === 'refused' && r.code === 'invalid')).toBe(true);
    expect(results[9]).toMatchObject({ seq: 10, outcome: 'applied' });
    expect((await notesOf(caseId)).map((n) => n.body)).toEqual(['the one that counts']);
  });

  it('an unknown mutation name is refused, including names of Object.prototype, and the push goes on', async () => {
    const caseId = await freshCase();
    const names = ['case.deleteEverything', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'case.take', 'case.approveByRule',
      'case.receiveCompletionNotice', 'case.'];
    const mutations = names.map((name, i) => ({ seq: i + 1, name, args: { caseId } }));
    const answer = await kari.post('/api/push', { clientId: newClientId(), mutations: [...mutations, note(names.length + 1, caseId, 'after')] });
    expect(answer.status).toBe(200);
    const results = answer.body.results as Array<{ outcome: string; code?: string }>;
    expect(results.slice(0, names.length).map((r) => r.outcome)).toEqual(names.map(() => 'refused'));
    expect(results[names.length].outcome).toBe('applied');
  });

  it('a seq that is no safe integer (1.5, 1e20) is refused alone, not answered as an outage of the whole push', async () => {
    // The refusal echoed the seq as sent, which the answer's own schema (seq: int) then refused: 503 for the push.
    const caseId = await freshCase();
    const answer = await kari.post('/api/push', {
      clientId: newClientId(), mutations: [note(1e20, caseId, 'huge seq'), { ...note(1.5, caseId, 'half seq') }, note(2, caseId, 'fine')],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['refused', 'refused', 'applied']);
  });

  it('a clientId that is not a UUID is refused, not taken for an outage', async () => {
    const caseId = await freshCase();
    const answer = await kari.post('/api/push', { clientId: 'not-a-uuid-at-all', mutations: [note(1, caseId, 'x')] });
    if (answer.status === 200) expect(answer.body.results[0].outcome).toBe('refused');
    else expect(answer.status).toBe(400);
    expect(await notesOf(caseId)).toEqual([]);
  });

  it('the same (clientId, seq) again is a duplicate and changes nothing', async () => {
    const caseId = await freshCase();
    const clientId = newClientId();
    const first = note(1, caseId, 'once');
    expect((await kari.push(clientId, [first]))[0].outcome).toBe('applied');
    const again = await kari.push(clientId, [first, { ...note(1, caseId, 'other content, same seq') }]);
    expect(again.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate']);
    // Within one push too.
    const twice = await kari.push(clientId, [note(2, caseId, 'two'), note(2, caseId, 'two again')]);
    expect(twice.map((r) => r.outcome)).toEqual(['applied', 'duplicate']);
    expect((await notesOf(caseId)).map((n) => n.body).sort()).toEqual(['once', 'two']);
  });

  it('another person replaying someone’s clientId and seq applies nothing', async () => {
    const caseId = await freshCase();
    const clientId = newClientId();
    expect((await kari.push(clientId, [note(1, caseId, 'kari’s')]))[0].outcome).toBe('applied');
    const stolen = await ola.push(clientId, [note(1, caseId, 'ola’s under kari’s clientId')]);
    expect(stolen[0].outcome).not.toBe('applied');
    expect((await notesOf(caseId)).map((n) => [n.body, n.author_id])).toEqual([['kari’s', kari.login]]);
  });

  it('a verdict recorded for one person is not handed to another who uses the same clientId and seq', async () => {
    // Ola takes a clientId and seq first; Kari's own change under them must not be answered "duplicate" and dropped.
    const caseId = await freshCase();
    const clientId = newClientId();
    expect((await ola.push(clientId, [note(1, caseId, 'ola first')]))[0].outcome).toBe('applied');
    const [kariResult] = await kari.push(clientId, [note(1, caseId, 'kari second')]);
    const bodies = (await notesOf(caseId)).map((n) => n.body);
    // Acceptable: refused (the desk hears it and can say so), or applied. Not: "duplicate" with nothing stored.
    expect(kariResult.outcome === 'duplicate' && !bodies.includes('kari second')).toBe(false);
  });
});

describe('sessions', () => {
  it('a disabled account’s token is refused with 401 on the next call', async () => {
    const login_ = await central.db.createLogin('anne', 'case_handler');
    const anne = await login(url, login_);
    expect((await anne.post('/api/fetch-next')).status).not.toBe(401);
    await disableStaffAccount(central.admin, login_);
    expect((await anne.get('/api/pull?after=0&limit=1')).status).toBe(401);
    expect((await anne.post('/api/push', { clientId: newClientId(), mutations: [] })).status).toBe(401);
    expect((await anne.post('/api/login', { username: login_, password: 'desk-test-password' })).status).toBe(401);
  });

  it('a disabled account’s session refused even if its session row were kept (the account check is on every call)', async () => {
    const login_ = await central.db.createLogin('berit', 'case_handler');
    const berit = await login(url, login_);
    await central.admin.query('UPDATE app_users SET active = false WHERE id = $1', [login_]);
    expect((await berit.get('/api/pull?after=0&limit=1')).status).toBe(401);
  });

  it('an expired session is refused with 401', async () => {
    const login_ = await central.db.createLogin('per', 'case_handler');
    const per = await login(url, login_);
    expect((await per.get('/api/pull?after=0&limit=1')).status).toBe(200);
    await central.admin.query("UPDATE service_sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [login_]);
    expect((await per.get('/api/pull?after=0&limit=1')).status).toBe(401);
  });

  it('no token or a garbage token is refused with 401 on every route but health, login, logout and the document', async () => {
    const document = (await new RawClient(url).get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const open = new Set(['GET /api/health', 'POST /api/login', 'POST /api/logout', 'GET /api/openapi.json']);
    const routes: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods)) routes.push(`${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, (p) => (p.includes('sha') ? 'a'.repeat(64) : '1'))}`);
    }
    expect(routes.length).toBeGreaterThan(8);
    const tokens: Array<Record<string, string>> = [
      {}, { authorization: 'Bearer ' }, { authorization: 'Bearer garbage' }, { authorization: `Bearer ${'A'.repeat(43)}` },
      { authorization: `Basic ${Buffer.from('kari:pw').toString('base64')}` }, { authorization: `bearer ${kari.token}x` },
    ];
    const anonymous = new RawClient(url);
    for (const route of routes) {
      const [method, path] = route.split(' ');
      if (open.has(route)) continue;
      for (const headers of tokens) {
        const answer = await anonymous.call(method, path, method === 'POST' ? {} : undefined, headers);
        expect([route, answer.status]).toEqual([route, 401]);
        expect(answer.body).toMatchObject({ code: 'auth.required' });
      }
    }
    expect((await anonymous.get('/api/health')).status).toBe(200);
    expect((await anonymous.get('/api/openapi.json')).status).toBe(200);
  });

  it('login is throttled after N wrong passwords', async () => {
    const running = await startService(central.db, { loginAttemptsPerMinute: 3 });
    try {
      const username = await central.db.createLogin('throttled', 'case_handler');
      const anonymous = new RawClient(running.url);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await anonymous.post('/api/login', { username, password: `wrong-${i}-password` })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const right = await anonymous.post('/api/login', { username, password: 'desk-test-password' });
      expect(right.status).toBe(429);
      expect(right.body).toMatchObject({ code: 'auth.throttled' });
      // The same name in other capitals is the same account for the throttle.
      expect((await anonymous.post('/api/login', { username: username.toUpperCase(), password: 'x' })).status).toBe(429);
    } finally {
      await running.close();
    }
  });
});

/** Where a pull reads the case history in the order it sends tables. */
const HISTORY = SYNCED_TABLES.findIndex((table) => table.local === 'case_events');

describe('the other routes check what they are given', () => {
  it('a forged pull resume token is refused with 400', async () => {
    const first = await kari.get('/api/pull?after=0&limit=1');
    expect(first.status).toBe(200);
    expect(first.body.more).toBe(true);
    const genuine = JSON.parse(Buffer.from(first.body.resume, 'base64url').toString('utf8')) as { target: number; table: number; after: unknown[] };
    const forge = (change: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...genuine, ...change })).toString('base64url');
    const forged = {
      'target beyond the clock': forge({ target: genuine.target + 1_000_000 }),
      'table out of range': forge({ table: 999 }),
      'negative table': forge({ table: -1 }),
      'not base64 JSON': 'garbage!!',
      'after of other types': forge({ after: ['x', 'y', 'z'] }),
      'after too short': forge({ after: [1] }),
      // A first download's history goes case by case: a case id and an event id, bound as values, never as SQL.
      'a case position of the wrong type': forge({ table: HISTORY, byCase: true, after: [1, 'x'] }),
      'a case position carrying SQL': forge({ table: HISTORY, byCase: true, after: [1, '1) OR (1=1'] }),
    };
    const statuses: Record<string, number> = {};
    for (const [what, resume] of Object.entries(forged)) {
      statuses[what] = (await kari.get(`/api/pull?after=0&limit=1&resume=${encodeURIComponent(resume)}`)).status;
    }
    expect(statuses).toEqual(Object.fromEntries(Object.keys(forged).map((what) => [what, 400])));
    // The genuine one still works.
    expect((await kari.get(`/api/pull?after=0&limit=1&resume=${first.body.resume}`)).status).toBe(200);
  });

  it('the files route takes only a SHA-256 in lower-case hex', async () => {
    for (const sha of ['abc', 'A'.repeat(64), 'g'.repeat(64), `${'a'.repeat(64)}0`, '..%2F..%2Fetc%2Fpasswd', `${'a'.repeat(63)}%00`]) {
      const answer = await kari.get(`/api/files/${sha}`);
      expect([sha, answer.status]).toEqual([sha, 400]);
    }
    expect((await kari.get(`/api/files/${'0'.repeat(64)}`)).status).toBe(404);
  });

  it('claims and releases of cases that do not exist or with forged tokens are refused', async () => {
    expect((await kari.post('/api/cases/999999999/claim')).status).toBe(404);
    expect((await kari.post('/api/cases/abc/claim')).status).toBe(400);
    expect((await kari.post('/api/cases/-1/claim')).status).toBe(400);
    const caseId = await freshCase();
    const token = await kari.claim(caseId);
    const released = await ola.post(`/api/cases/${caseId}/release`, { claimToken: token });
    expect(released.status).toBeGreaterThanOrEqual(400);
    const { rows: [row] } = await central.admin.query<{ claimed_by: string }>('SELECT claimed_by FROM cases WHERE id = $1', [caseId]);
    expect(row.claimed_by).toBe(kari.login);
  });
});
