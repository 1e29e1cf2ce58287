// The owner answers the offer through the personal link (issue 12, item 5), on a real PostgreSQL through the running
// service with a raw HTTP client. A desk issues an offer: the code is printed in the letter (read back with
// pdftotext) and only its SHA-256 reaches the server. The owner opens the offer with the code, fetches the letter and
// accepts with a name: the case moves offer_sent → offer_accepted as a registered acceptance does (billing event,
// source 'portal', the server's date), once however often the owner clicks, and the desk pulls it. Expired and
// superseded offers are refused; a decline is recorded and closes the case (issue 13), telling the installer; an unknown offer and a wrong code answer
// alike; wrong codes lock the offer's code; an address is throttled; and no group role — a portal firm's included —
// can read the code's hash or call the owner's functions.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ownerCodeSha256 } from '../../../core/offers/ownerAccess';
import type { CreateOfferDraftResult, IssueOfferResult } from '../../../shared/contract';
import { normaliseOwnerCode } from '../../../shared/rules';
import { ok } from '../../support/apiResult';
import { useCentralDatabase } from '../../support/centralDatabase';
import { insertIssuedOfferCentral } from '../../support/issuedOffer';
import { RawClient } from '../../support/serviceClient';
import { eventually, type Client } from '../../support/syncClients';
import { startPortalService, startSmtp, type TestSmtp } from './portalFixture';

let admin: pg.Client;
let anne: Client;
let smtp: TestSmtp;
let url: string;
let owner: RawClient;

const central = useCentralDatabase('portal_owner_offer', {
  seedCases: 40,
  admin: 'desk',
  timeout: 120_000,
  async setup() {
    admin = central.admin;
    smtp = await startSmtp();
    url = (await startPortalService(central.db, smtp)).url;
    owner = new RawClient(url);
    anne = await central.startClient('anne', 'case_handler');
    await anne.core.central!.engine.whenIdle();
  },
});

afterAll(async () => {
  await smtp?.close();
});

const CODE = 'K7M2Q-XR9TD';
const open = (offerId: string, code: string) => owner.post<Record<string, unknown>>(`/api/portal/owner/offers/${offerId}/open`, { code });
const answer = (offerId: string, body: Record<string, unknown>) =>
  owner.post<Record<string, unknown>>(`/api/portal/owner/offers/${offerId}/answer`, { code: CODE, ...body });
const statusOf = async (caseId: number) => (await admin.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId])).rows[0].status;

/** A fresh case of the seed in `status`, with an issued offer (as the owner inserts it) whose code is CODE. */
async function caseWithOffer(status: string, spec: Parameters<typeof insertIssuedOfferCentral>[2] = {}) {
  const { rows: [row] } = await admin.query<{ id: string; case_number: string }>(
    `SELECT id, case_number FROM cases c WHERE claimed_by IS NULL AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = c.id)
     ORDER BY id LIMIT 1`);
  const caseId = Number(row.id);
  await admin.query('UPDATE cases SET status = $2 WHERE id = $1', [caseId, status]);
  const offerId = await insertIssuedOfferCentral(admin, caseId, spec);
  await admin.query('INSERT INTO owner_offer_access (offer_id, code_sha256) VALUES ($1, $2)', [offerId, ownerCodeSha256(normaliseOwnerCode(CODE)!)]);
  return { caseId, caseNumber: row.case_number, offerId };
}

describe('an offer issued at the desk, answered by the owner through the link', () => {
  it('carries the link and code in the letter, only the hash to the server; the owner opens, reads and accepts once', async () => {
    const { rows: [picked] } = await admin.query<{ id: string }>(
      `SELECT id FROM cases WHERE claimed_by IS NULL
         AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = cases.id) ORDER BY id LIMIT 1`);
    const caseId = Number(picked.id);
    // The demo's new installations have their offers: this one becomes a new installation with none yet.
    await admin.query("UPDATE cases SET status = 'approved', request_type = 'new_installation' WHERE id = $1", [caseId]);
    await admin.query("INSERT INTO company_settings (key, value) VALUES ('portal_url', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [JSON.stringify(`${url}/portal`)]);
    const sqlite = anne.core.database.sqlite;
    await eventually(() => sqlite.prepare("SELECT 1 FROM cases WHERE id = ? AND status = 'approved'").get(caseId)
      && sqlite.prepare("SELECT 1 FROM company_settings WHERE key = 'portal_url'").get(), 10_000, 'the case and setting pulled');
    ok(await anne.core.dispatch('case.claim', { caseId }));
    await eventually(() => (anne.core.handlers['case.get']({ caseId }) as { claim: { state: string } }).claim.state === 'mine', 10_000, 'the claim');
    const draft = ok<CreateOfferDraftResult>(await anne.core.dispatch('case.createOfferDraft', { caseId }));
    const issued = ok<IssueOfferResult>(await anne.core.dispatch('case.issueOffer', { offerId: draft.offerId }));
    ok(await anne.core.dispatch('case.act', { caseId, action: 'sendOffer' }));
    await eventually(() => (sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }).n === 0, 20_000, 'the push');
    await anne.core.central!.engine.whenIdle();

    // The letter as the owner reads it: the link to this offer and a code in two groups of five.
    const text = execFileSync('pdftotext', ['-layout', path.join(anne.directory, 'attachments', issued.pdfSha256), '-'], { encoding: 'utf8' })
      .replace(/\s+/g, ' ');
    expect(text).toContain(`Gå til ${url}/portal/tilbud/${draft.offerId} og skriv inn koden`);
    const code = /skriv inn koden ([2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5})/.exec(text)![1];
    // Only the hash travelled.
    const { rows: [stored] } = await admin.query<{ code_sha256: string }>('SELECT code_sha256 FROM owner_offer_access WHERE offer_id = $1', [draft.offerId]);
    expect(stored.code_sha256).toBe(ownerCodeSha256(normaliseOwnerCode(code)!));
    const outbox = JSON.stringify(sqlite.prepare("SELECT args FROM outbox WHERE mutation = 'case.issueOffer'").all());
    expect(outbox).toContain(stored.code_sha256);
    expect(outbox).not.toContain(normaliseOwnerCode(code)!);

    const opened = await open(draft.offerId, code.toLowerCase().replace('-', ' '));
    expect(opened.status).toBe(200);
    const { rows: [facts] } = await admin.query<{ case_number: string; gross: string }>(
      "SELECT c.case_number, o.totals::jsonb ->> 'grossOre' AS gross FROM offers o JOIN cases c ON c.id = o.case_id WHERE o.id = $1", [draft.offerId]);
    expect(opened.body).toMatchObject({
      caseNumber: facts.case_number, offerVersion: 1, standing: 'open', answer: null, hasLetter: true,
      totals: { grossOre: Number(facts.gross) },
    });
    expect((opened.body.lines as unknown[]).length).toBeGreaterThan(0);
    // The owner sees the letter's steps: the cost lines add up to the first step, and each "=" is the sum above it.
    const body = opened.body as {
      lines: { netOre: number }[]; totals: { grossOre: number; contributionOre: number };
      steps: { code: string; operator: string; netOre: number; grossOre: number }[];
    };
    expect(body.steps[0]).toMatchObject({ code: 'connection_cost', netOre: body.lines.reduce((sum, line) => sum + line.netOre, 0) });
    let running = 0;
    for (const step of body.steps) {
      if (step.operator === '=') expect(step.grossOre, step.code).toBe(running);
      else running += step.grossOre;
    }
    expect(body.steps.find((step) => step.code === 'contribution')!.netOre).toBe(body.totals.contributionOre);
    expect(body.steps.at(-1)).toMatchObject({ code: 'to_pay', grossOre: body.totals.grossOre });

    const letter = await fetch(`${url}/api/portal/owner/offers/${draft.offerId}/letter`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }),
    });
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await letter.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    const before = Date.now();
    const accepted = await owner.post<{ recorded: boolean; offer: { standing: string; answer: { name: string; at: string } } }>(
      `/api/portal/owner/offers/${draft.offerId}/answer`, { code, name: 'Kari Nordmann', answer: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.recorded).toBe(true);
    expect(accepted.body.offer.standing).toBe('accepted');
    expect(accepted.body.offer.answer.name).toBe('Kari Nordmann');
    expect(Math.abs(Date.parse(accepted.body.offer.answer.at) - before)).toBeLessThan(10_000);
    expect(await statusOf(caseId)).toBe('offer_accepted');
    const { rows: billing } = await admin.query(
      "SELECT kind, source, recorded_by, amount_ore, occurred_on::text AS on FROM billing_events WHERE case_id = $1 AND kind = 'acceptance'", [caseId]);
    const { rows: [today] } = await admin.query<{ today: string }>("SELECT (now() AT TIME ZONE 'Europe/Oslo')::date::text AS today");
    expect(billing).toEqual([{ kind: 'acceptance', source: 'portal', recorded_by: 'portal:owner', amount_ore: Number(facts.gross), on: today.today }]);

    // Twice is once.
    const again = await owner.post<{ recorded: boolean }>(`/api/portal/owner/offers/${draft.offerId}/answer`, { code, name: 'Kari Nordmann', answer: 'accept' });
    expect(again.status).toBe(200);
    expect(again.body.recorded).toBe(false);
    expect((await admin.query("SELECT 1 FROM billing_events WHERE case_id = $1 AND kind = 'acceptance'", [caseId])).rowCount).toBe(1);
    expect((await admin.query("SELECT 1 FROM case_events WHERE case_id = $1 AND kind = 'owner_answered'", [caseId])).rowCount).toBe(1);

    // The desk pulls the move, the billing step and the owner's answer.
    await eventually(() => sqlite.prepare("SELECT 1 FROM cases WHERE id = ? AND status = 'offer_accepted'").get(caseId)
      && sqlite.prepare("SELECT 1 FROM case_events WHERE case_id = ? AND kind = 'owner_answered'").get(caseId)
      && sqlite.prepare("SELECT 1 FROM billing_events WHERE case_id = ? AND source = 'portal'").get(caseId), 10_000, 'the desk pulled the acceptance');
    const event = sqlite.prepare("SELECT actor_id, data FROM case_events WHERE case_id = ? AND kind = 'owner_answered'").get(caseId) as { actor_id: string; data: string };
    expect(event.actor_id).toBe('portal:owner');
    expect(JSON.parse(event.data)).toMatchObject({ answer: 'accepted', name: 'Kari Nordmann', offerVersion: 1 });
    ok(await anne.core.dispatch('case.release', { caseId }));

    // The letter, with the owner's code in it, is filed on the case; the installer's firm does not read it.
    const service = await central.connect(central.db.serviceUrl);
    const { rows: [firm] } = await admin.query<{ id: string }>(
      `INSERT INTO portal_firms (organisation_number, name, contact_email, state, decided_at)
       SELECT i.organisation_number, i.name, 'post@firma.test', 'approved', now() FROM cases c JOIN installers i ON i.id = c.installer_id
        WHERE c.id = $1 RETURNING id`, [caseId]);
    await service.query('BEGIN');
    await service.query("SELECT set_config('role', 'portal_user', true), set_config('portal.firm', $1, true)", [firm.id]);
    const files = (await service.query<{ sha256: string }>('SELECT sha256 FROM attachments WHERE case_id = $1', [caseId])).rows;
    await service.query('ROLLBACK');
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((file) => file.sha256)).not.toContain(issued.pdfSha256);
    expect((await admin.query('SELECT 1 FROM attachments WHERE case_id = $1 AND sha256 = $2', [caseId, issued.pdfSha256])).rowCount).toBe(1);
  });

  it('releases the work on acceptance where the company says so: one start approval, as for a registered acceptance', async () => {
    await admin.query(`INSERT INTO company_settings (key, value) VALUES ('release_on_acceptance', 'true')
      ON CONFLICT (key) DO UPDATE SET value = 'true'`);
    try {
      const { caseId, offerId } = await caseWithOffer('offer_sent');
      expect((await answer(offerId, { name: 'Kari Nordmann', answer: 'accept' })).status).toBe(200);
      expect(await statusOf(caseId)).toBe('offer_accepted');
      const { rows } = await admin.query("SELECT created_by FROM outgoing_messages WHERE case_id = $1 AND kind = 'start_approval'", [caseId]);
      expect(rows).toEqual([{ created_by: 'portal:owner' }]);
    } finally {
      await admin.query("UPDATE company_settings SET value = 'false' WHERE key = 'release_on_acceptance'");
    }
  });
});

describe('what the owner cannot do', () => {
  it('accept an expired offer: a clear refusal, nothing moves', async () => {
    const { rows: [y] } = await admin.query<{ d: string }>("SELECT ((now() AT TIME ZONE 'Europe/Oslo')::date - 1)::text AS d");
    const { caseId, offerId } = await caseWithOffer('offer_sent', { validUntil: y.d });
    expect((await open(offerId, CODE)).body).toMatchObject({ standing: 'expired' });
    const refused = await answer(offerId, { name: 'Kari Nordmann', answer: 'accept' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ownerOffer.expired');
    expect(await statusOf(caseId)).toBe('offer_sent');
    expect((await admin.query('SELECT 1 FROM billing_events WHERE case_id = $1', [caseId])).rowCount).toBe(0);
    expect((await admin.query('SELECT answer FROM owner_offer_access WHERE offer_id = $1', [offerId])).rows).toEqual([{ answer: null }]);
  });

  it('accept (or decline) a superseded offer', async () => {
    const { caseId, offerId } = await caseWithOffer('offer_sent');
    await admin.query("UPDATE offers SET state = 'superseded' WHERE id = $1", [offerId]);
    await insertIssuedOfferCentral(admin, caseId, { version: 2 });
    expect((await open(offerId, CODE)).body).toMatchObject({ standing: 'superseded' });
    for (const said of ['accept', 'decline']) {
      const refused = await answer(offerId, { name: 'Kari Nordmann', answer: said });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('ownerOffer.superseded');
    }
    expect(await statusOf(caseId)).toBe('offer_sent');
  });

  it('learn whether an offer exists: an unknown offer and a wrong code answer the same', async () => {
    const { offerId } = await caseWithOffer('offer_sent');
    const wrong = await open(offerId, 'ABCDE-FGHJK');
    const unknown = await open(randomUUID(), CODE);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(wrong.body);
    expect((await answer(randomUUID(), { name: 'Kari Nordmann', answer: 'accept' })).body).toEqual(wrong.body);
    // Not a code at all: refused at the boundary.
    expect((await open(offerId, 'abc')).status).toBe(400);
  });

  it('guess: five wrong codes in a row lock the offer for 15 minutes, even against the right code; then it opens again', async () => {
    const { offerId } = await caseWithOffer('offer_sent');
    for (let i = 0; i < 4; i++) expect((await open(offerId, 'ABCDE-FGHJK')).status).toBe(404);
    expect((await open(offerId, CODE)).status).toBe(200); // a right code resets the count
    for (let i = 0; i < 5; i++) expect((await open(offerId, 'ABCDE-FGHJK')).status).toBe(404);
    const lockedOut = await open(offerId, CODE);
    expect(lockedOut.status).toBe(429);
    expect(lockedOut.body.code).toBe('ownerOffer.locked');
    const { rows: [lock] } = await admin.query<{ minutes: number }>(
      'SELECT round(extract(epoch FROM locked_until - now()) / 60)::int AS minutes FROM owner_offer_access WHERE offer_id = $1', [offerId]);
    expect(lock.minutes).toBe(15);
    // Fifteen minutes later (moved back here) it unlocks by itself.
    await admin.query("UPDATE owner_offer_access SET locked_until = now() - interval '1 second' WHERE offer_id = $1", [offerId]);
    expect((await open(offerId, CODE)).status).toBe(200);
  });

  it('try without limit from one address', async () => {
    const throttled = new RawClient((await startPortalService(central.db, smtp, { attemptsPerMinute: 3 })).url);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await throttled.post(`/api/portal/owner/offers/${randomUUID()}/open`, { code: CODE })).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });
});

describe('a decline', () => {
  it('is recorded with the name and reason, closes the case as declined by the owner, tells the installer, and stands', async () => {
    const { caseId, offerId } = await caseWithOffer('offer_sent');
    const declined = await answer(offerId, { name: 'Ola Nordmann', answer: 'decline', reason: 'For dyrt' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ recorded: true, offer: { standing: 'declined', answer: { answer: 'declined', name: 'Ola Nordmann' } } });
    expect(await statusOf(caseId)).toBe('closed');
    const { rows: [closed] } = await admin.query<{ closure_reason: string; decision_reason: string }>(
      'SELECT closure_reason, decision_reason FROM cases WHERE id = $1', [caseId]);
    expect(closed).toEqual({ closure_reason: 'owner_declined', decision_reason: 'For dyrt' });
    const { rows: told } = await admin.query<{ kind: string; subject: string; body: string }>(
      'SELECT kind, subject, body FROM outgoing_messages WHERE case_id = $1 AND kind = $2', [caseId, 'closure']);
    expect(told).toHaveLength(1);
    expect(told[0].subject).toMatch(/^Sak avsluttet /);
    expect(told[0].body).toContain('Eieren av installasjonen har takket nei til tilbudet');
    expect(told[0].body).toContain('«For dyrt»');
    const { rows: [moved] } = await admin.query<{ data: unknown; actor_id: string }>(
      "SELECT data, actor_id FROM case_events WHERE case_id = $1 AND kind = 'status_changed' ORDER BY id DESC LIMIT 1", [caseId]);
    expect(moved.actor_id).toBe('portal:owner');
    expect(typeof moved.data === 'string' ? JSON.parse(moved.data) : moved.data).toEqual({ from: 'offer_sent', to: 'closed', reason: 'For dyrt' });
    const { rows } = await admin.query<{ actor_id: string; data: unknown }>(
      "SELECT actor_id, data FROM case_events WHERE case_id = $1 AND kind = 'owner_answered'", [caseId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_id).toBe('portal:owner');
    expect(typeof rows[0].data === 'string' ? JSON.parse(rows[0].data) : rows[0].data)
      .toMatchObject({ answer: 'declined', name: 'Ola Nordmann', reason: 'For dyrt' });
    // The first answer stands: a later acceptance changes nothing.
    const later = await answer(offerId, { name: 'Ola Nordmann', answer: 'accept' });
    expect(later.body).toMatchObject({ recorded: false, offer: { standing: 'declined' } });
    expect(await statusOf(caseId)).toBe('closed');
  });
});

describe('PostgreSQL keeps the code to the service (raw SQL as desk_service)', () => {
  it('refuses every group role the hash and the owner functions; portal_owner moves only the verified offer’s case', async () => {
    const { caseId, offerId } = await caseWithOffer('offer_sent');
    const other = await caseWithOffer('offer_sent');
    const service = await central.connect(central.db.serviceUrl);
    const as = async (role: string, sql: string, params: unknown[] = []) => {
      await service.query('BEGIN');
      try {
        await service.query("SELECT set_config('role', $1, true), set_config('desk.actor', 'x', true), set_config('portal.firm', $2, true)",
          [role, randomUUID()]);
        return await service.query(sql, params);
      } finally {
        await service.query('ROLLBACK');
      }
    };
    for (const role of ['portal_user', 'portal_submitter', 'case_handler', 'supervisor', 'reader', 'portal_owner']) {
      await expect(as(role, 'SELECT code_sha256 FROM owner_offer_access')).rejects.toMatchObject({ code: '42501' });
      await expect(as(role, 'SELECT owner_offer_try($1, $2)', [offerId, 'x'])).rejects.toMatchObject({ code: '42501' });
      await expect(as(role, 'SELECT owner_offer_view($1, $2)', [offerId, 'x'])).rejects.toMatchObject({ code: '42501' });
    }
    // portal_owner without the right code sees no case and no offer, and moves nothing.
    const sha = ownerCodeSha256(normaliseOwnerCode(CODE)!);
    const asOwner = async (offer: string, codeSha: string, sql: string, params: unknown[] = []) => {
      await service.query('BEGIN');
      try {
        await service.query(`SELECT set_config('role', 'portal_owner', true), set_config('desk.actor', 'portal:owner', true),
          set_config('owner.offer', $1, true), set_config('owner.code_sha256', $2, true)`, [offer, codeSha]);
        return await service.query(sql, params);
      } finally {
        await service.query('ROLLBACK');
      }
    };
    expect((await asOwner(offerId, 'f'.repeat(64), 'SELECT id FROM cases')).rowCount).toBe(0);
    expect((await asOwner(offerId, sha, 'SELECT id FROM cases')).rows.map((r) => Number(r.id))).toEqual([caseId]);
    expect((await asOwner(offerId, sha, 'SELECT id FROM offers')).rows.map((r) => r.id)).toEqual([offerId]);
    expect((await asOwner(offerId, sha, "UPDATE cases SET status = 'paid' WHERE id = $1", [other.caseId])).rowCount).toBe(0);
    await expect(asOwner(offerId, sha, 'UPDATE cases SET assignee_id = NULL WHERE id = $1', [caseId])).rejects.toMatchObject({ code: '42501' });
    const insert = `INSERT INTO billing_events (id, case_id, offer_id, offer_version, kind, amount_ore, occurred_on, source, outcome)
      VALUES ('x', $1, $2, 1, $3, 1234550, current_date, 'portal', 'applied')`;
    // Another case's offer is not even visible (the offer check finds none); a payment on its own case is no answer.
    await expect(asOwner(offerId, sha, insert, [other.caseId, other.offerId, 'acceptance'])).rejects.toMatchObject({ code: '23514' });
    await expect(asOwner(offerId, sha, insert, [caseId, offerId, 'payment'])).rejects.toMatchObject({ code: '42501' });
    expect(await statusOf(other.caseId)).toBe('offer_sent');
  });

  it('does not let an installer’s session help: a signed-in portal user is answered as anyone else', async () => {
    const { offerId } = await caseWithOffer('offer_sent');
    const withToken = new RawClient(url, 'not-a-real-token-but-well-formed-123');
    expect((await withToken.post(`/api/portal/owner/offers/${offerId}/open`, { code: 'ABCDE-FGHJK' })).status).toBe(404);
  });
});
