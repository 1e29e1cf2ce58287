// Delivery of what the desk writes (issue 12, item 6), on a real PostgreSQL, real service instances and a real SMTP
// server: a request for information pushed from a desk is in the firm's inbox at once and announced by exactly one
// e-mail; reading it is recorded once and reaches the desk's cache; an SMTP server that is down is tried again with
// backoff until it answers, still one mail; two instances on one database (and a worker that stopped mid-send)
// send each notice once; another firm's message id is 404 and PostgreSQL keeps the inbox to the firm by itself.
import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useCentralDatabase } from '../../support/centralDatabase';
import { insertIssuedOfferCentral } from '../../support/issuedOffer';
import { ok } from '../../support/apiResult';
import { login, RawClient } from '../../support/serviceClient';
import type { RunningService } from '../../support/serviceInstances';
import { eventually, type Client } from '../../support/syncClients';
import { freePort } from '../../support/postgres';
import {
  PASSWORD, PORTAL_URL, firmWithAdmin, portalLogin, registerInDsb, startPortalService, startSmtp, type TestSmtp,
} from './portalFixture';

/** Fast retries for tests: 0.2 s, 0.4 s, … at most 1 s apart. */
const FAST = { idleMs: 50, retryBaseSeconds: 0.2, retryCapSeconds: 1 };

let admin: pg.Client;
let anne: Client;
let smtp: TestSmtp;
/** Serves the inbox; sends nothing (each test starts the workers it needs). */
let portal: RunningService;
let caseId: number;
let caseNumber: string;
let firmA: { id: string; org: string; contact: string };
let userA: RawClient;
let userB: RawClient;
const running: RunningService[] = [];

const central = useCentralDatabase('portal_delivery', {
  seedCases: 60,
  admin: 'desk',
  async setup(c) {
    admin = c.admin;
    anne = await c.startClient('anne', 'case_handler');
    await anne.core.central!.engine.whenIdle();
  },
});

/** A firm in the portal for the installer of a seeded case (so the case is the firm's). */
async function firmOfInstaller(url: string, supervisor: RawClient, org: string, email: string) {
  await registerInDsb(admin, org, `Installatør ${org} AS`);
  const contact = `post@${org}.test`;
  const applied = await new RawClient(url).post<{ id: string }>('/api/portal/firms', {
    organisationNumber: org, contactEmail: contact, user: { email, name: 'Ina Installatør', password: PASSWORD },
  });
  expect(applied.status).toBe(200);
  expect((await supervisor.post(`/api/portal/firms/${applied.body.id}/approve`)).status).toBe(200);
  return { id: applied.body.id, org, contact };
}

async function worker(mailTo: TestSmtp | string, options: Record<string, unknown> = FAST): Promise<RunningService> {
  const started = await startPortalService(central.db, typeof mailTo === 'string' ? { url: mailTo } as TestSmtp : mailTo, {
    delivery: options,
  });
  running.push(started);
  return started;
}

/** A message on the firm's case written straight into the database (as the owner), as a desk's would be. */
async function messageOnCase(kind = 'approval'): Promise<string> {
  const id = randomUUID();
  await admin.query(
    `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items)
     VALUES ($1, $2, $3, 'installatør', 'Svar på meldingen', 'Godkjent uten vilkår.', '[]')`,
    [id, caseId, kind],
  );
  return id;
}

const emailOf = async (messageId: string) =>
  (await admin.query('SELECT * FROM message_deliveries WHERE message_id = $1 AND channel = $2', [messageId, 'email'])).rows[0];

const mailsTo = (server: TestSmtp, address: string) => server.mails.filter((m) => m.to.includes(address));
/** The mails that carry a notice's Message-ID. */
const mailsOf = (server: TestSmtp, smtpMessageId: string) => server.mails.filter((m) => m.text.includes(`Message-ID: ${smtpMessageId}`));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


beforeAll(async () => {
  smtp = await startSmtp();
  portal = await startPortalService(central.db, smtp, { delivery: false });
  const supervisor = await login(portal.url, await central.db.createLogin('sup', 'supervisor'));
  // The demo's cases have mostly run on (decided, offered, closed, each decision told to the installer), and a small
  // seed may have none still new: a free case with no offer, of an installer with nothing yet in its inbox (the tests
  // count the firm's messages), is put back to new here, an open one preferred.
  const { rows: [row] } = await admin.query<{ id: string; case_number: string; org: string }>(
    `SELECT c.id, c.case_number, i.organisation_number AS org FROM cases c JOIN installers i ON i.id = c.installer_id
      WHERE c.claimed_by IS NULL AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM outgoing_messages m JOIN cases mc ON mc.id = m.case_id
                         WHERE mc.installer_id = c.installer_id AND m.kind <> 'work_order')
      ORDER BY array_position(ARRAY['new', 'in_review', 'waiting_for_info'], c.status) NULLS LAST, c.id LIMIT 1`,
  );
  expect(row, 'a free case of an installer with an empty inbox').toBeDefined();
  await admin.query("UPDATE cases SET status = 'new' WHERE id = $1", [row.id]);
  caseId = Number(row.id);
  caseNumber = row.case_number;
  firmA = await firmOfInstaller(portal.url, supervisor, row.org, 'ina@a.test');
  await firmWithAdmin(portal.url, admin, supervisor, 'admin@b.test', 'B Elektro AS');
  userA = await portalLogin(portal.url, 'ina@a.test');
  userB = await portalLogin(portal.url, 'admin@b.test');
});

/** Each test's workers stop with it, so that none sends another test's notices. */
afterEach(async () => {
  for (const instance of running.splice(0)) await instance.close().catch(() => undefined);
});

afterAll(async () => {
  await smtp?.close();
});

describe('a request for information from the desk', () => {
  let messageId: string;

  it('is in the inbox at once and announced by exactly one e-mail without the letter in it', async () => {
    await worker(smtp);
    // Only the owner's e-mail is missing (as in central/completeness.test.ts), so that it can be asked for.
    await admin.query(
      `UPDATE cases SET request_type = 'metering_point_work', has_production = false, owner_email = NULL,
         metering_point_ids = '["707057500012345675"]', meter_numbers = '["6970631400123456"]', complete_at = NULL,
         due_date = NULL, clock_paused_on = NULL WHERE id = $1`,
      [caseId],
    );
    await eventually(() => {
      const view = anne.core.handlers['case.completeness']({ caseId }) as { items: { code: string; ok: boolean }[] };
      return view.items.filter((i) => !i.ok).map((i) => i.code).join() === 'owner_email';
    }, 5_000, 'the incomplete case in the cache');
    ok(await anne.core.dispatch('case.claim', { caseId }));
    await eventually(() => (anne.core.handlers['case.get']({ caseId }) as { claim: { state: string } }).claim.state === 'mine', 5_000, 'the claim');
    ok(await anne.core.dispatch('case.requestInformation', {
      caseId, items: ['owner_email'], subject: 'Mangler e-post til eier', body: 'Send e-postadressen til eier av Storgata 1.',
    }));
    await anne.core.central!.engine.whenIdle();
    messageId = (anne.core.database.sqlite.prepare('SELECT id FROM outgoing_messages WHERE case_id = ?').get(caseId) as { id: string }).id;

    // Delivered in the portal in the message's own transaction.
    const { rows: [message] } = await admin.query('SELECT delivery_state, delivered_at, created_at FROM outgoing_messages WHERE id = $1', [messageId]);
    expect(message.delivery_state).toBe('delivered');
    expect(message.delivered_at).toEqual(message.created_at);
    const inbox = await userA.get<{ unread: number; messages: Array<Record<string, unknown>> }>('/api/portal/inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.messages).toEqual([expect.objectContaining({
      id: messageId, caseNumber, kind: 'information_request', subject: 'Mangler e-post til eier',
      body: 'Send e-postadressen til eier av Storgata 1.', items: ['owner_email'], readAt: null,
    })]);

    const mail = await smtp.next(firmA.contact);
    expect(mail.text).toContain(caseNumber);
    expect(mail.text).toContain(`${PORTAL_URL}/inbox`);
    expect(mail.text).not.toContain('Storgata');
    expect(mail.text).not.toContain('e-postadressen');
    const sent = await eventually(async () => {
      const row = await emailOf(messageId);
      return row?.state === 'sent' ? row : null;
    }, 5_000, 'the notice recorded as sent');
    expect(sent).toMatchObject({ recipient: firmA.contact, attempts: 1, last_error: null });
    expect(mail.text).toContain(`Message-ID: ${sent.smtp_message_id}`);
    await pause(300);
    expect(mailsTo(smtp, firmA.contact)).toHaveLength(1);
  });

  it('is marked read once: the first reading counts, and the desk’s cache shows delivered and read', async () => {
    const first = await userA.post<{ readAt: string }>(`/api/portal/inbox/${messageId}/read`);
    expect(first.status).toBe(200);
    await pause(20);
    const again = await userA.post<{ readAt: string }>(`/api/portal/inbox/${messageId}/read`);
    expect(again.body.readAt).toBe(first.body.readAt);
    const { rows: [portalRow] } = await admin.query(
      "SELECT read_at, read_by FROM message_deliveries WHERE message_id = $1 AND channel = 'portal'", [messageId]);
    expect(portalRow.read_at).toBe(first.body.readAt);
    expect(portalRow.read_by).toBe(userA.login);
    const inbox = await userA.get<{ unread: number; messages: Array<{ readAt: string | null }> }>('/api/portal/inbox');
    expect(inbox.body.unread).toBe(0);
    expect(inbox.body.messages[0].readAt).toBe(first.body.readAt);

    const cached = await eventually(() => {
      const rows = anne.core.database.sqlite
        .prepare('SELECT channel, state, delivered_at, read_at FROM message_deliveries WHERE message_id = ? ORDER BY channel')
        .all(messageId) as Array<{ channel: string; state: string; delivered_at: string | null; read_at: string | null }>;
      return rows.length === 2 && rows[1].read_at ? rows : null;
    }, 5_000, 'the deliveries in the desk’s cache');
    expect(cached.map((r) => [r.channel, r.state])).toEqual([['email', 'sent'], ['portal', 'delivered']]);
    const view = anne.core.handlers['case.get']({ caseId }) as { deliveries: Record<string, { portal: { readAt: string | null } | null; email: { state: string } | null }> };
    expect(view.deliveries[messageId].portal?.readAt).toBe(first.body.readAt);
    expect(view.deliveries[messageId].email?.state).toBe('sent');
  });

  it("is not another firm's: 404 for B, as for an unknown or malformed id, and not in B's inbox", async () => {
    expect((await userB.post(`/api/portal/inbox/${messageId}/read`)).status).toBe(404);
    expect((await userB.post(`/api/portal/inbox/${randomUUID()}/read`)).status).toBe(404);
    expect((await userB.post('/api/portal/inbox/not-an-id/read')).status).toBe(404);
    expect((await userB.get<{ messages: unknown[] }>('/api/portal/inbox')).body.messages).toEqual([]);
    expect((await new RawClient(portal.url).get('/api/portal/inbox')).status).toBe(401);
  });
});

describe('PostgreSQL keeps the inbox to the firm (raw SQL as desk_service, role portal_user)', () => {
  let service: pg.Client;
  beforeAll(async () => {
    service = await central.connect(central.db.serviceUrl);
  });

  async function asFirm<T>(firm: string, user: string, work: () => Promise<T>): Promise<T> {
    await service.query('BEGIN');
    try {
      await service.query("SELECT set_config('role', 'portal_user', true), set_config('portal.firm', $1, true), set_config('portal.user', $2, true)", [firm, user]);
      return await work();
    } finally {
      await service.query('ROLLBACK');
    }
  }
  const refused = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ code: '42501' });

  it("shows firm B none of A's messages or deliveries, and lets it mark none read", async () => {
    const messageId = await messageOnCase();
    const { rows: [b] } = await admin.query<{ firm_id: string; id: string }>("SELECT firm_id, id FROM portal_users WHERE email = 'admin@b.test'");
    await asFirm(b.firm_id, b.id, async () => {
      expect((await service.query('SELECT id FROM outgoing_messages')).rows).toEqual([]);
      expect((await service.query('SELECT id FROM message_deliveries')).rows).toEqual([]);
      expect((await service.query('SELECT portal_mark_read($1) AS read_at', [messageId])).rows).toEqual([{ read_at: null }]);
    });
    await asFirm(firmA.id, userA.login, async () => {
      expect((await service.query("SELECT 1 FROM message_deliveries WHERE channel = 'portal'")).rowCount).toBeGreaterThan(0);
      // Only its inbox rows: no e-mail rows, no recipients, no links, no Message-IDs.
      expect((await service.query("SELECT 1 FROM message_deliveries WHERE channel = 'email'")).rowCount).toBe(0);
    });
    await asFirm(firmA.id, userA.login, () => refused(service.query('SELECT link FROM message_deliveries')));
    await asFirm(firmA.id, userA.login, () => refused(service.query('UPDATE message_deliveries SET read_at = now()')));
    await asFirm(firmA.id, userA.login, () => refused(service.query(
      "INSERT INTO message_deliveries (message_id, case_id, channel, notice, recipient, state) VALUES ($1, $2, 'email', 'message', 'x@y.test', 'queued')",
      [messageId, caseId])));
    await asFirm(firmA.id, userA.login, () => refused(service.query("SELECT * FROM delivery_take_due('w', 60, 10, 'x')")));
  });

  it('lets staff read the deliveries but not write them', async () => {
    const reader = await central.connectAs('rita', 'reader');
    expect((await reader.query('SELECT count(*)::int AS n FROM message_deliveries')).rows[0].n).toBeGreaterThan(0);
    await refused(reader.query('SELECT link FROM message_deliveries'));
    const handler = await central.connectAs('hans', 'case_handler');
    await refused(handler.query("UPDATE message_deliveries SET state = 'sent'"));
  });
});

describe('sending the e-mail notices', () => {
  it('tries a server that is down again with growing waits until it answers, and sends one mail', async () => {
    const port = await freePort(); // nothing listens there: an SMTP server that is down
    await worker(`smtp://127.0.0.1:${port}`);
    const messageId = await messageOnCase();
    const failing = await eventually(async () => {
      const row = await emailOf(messageId);
      return row?.attempts >= 2 && row.state === 'queued' ? row : null;
    }, 10_000, 'two failed attempts');
    expect(failing.last_error).toMatch(/ECONNREFUSED|connect/i);
    const up = await startSmtp(port);
    try {
      const sent = await eventually(async () => {
        const row = await emailOf(messageId);
        return row?.state === 'sent' ? row : null;
      }, 10_000, 'the notice sent once the server is up');
      expect(sent.last_error).toBeNull();
      expect(sent.attempts).toBeGreaterThanOrEqual(3);
      await pause(500);
      expect(mailsOf(up, sent.smtp_message_id)).toHaveLength(1);
    } finally {
      await up.close();
    }
  });

  it('waits base · 2^(attempt − 1), at most the cap, and gives up after the last attempt with the error kept', async () => {
    const service = await central.connect(central.db.serviceUrl);
    await service.query("SELECT set_config('desk.actor', 'system:delivery', false)");
    const messageId = await messageOnCase();
    const { id } = await emailOf(messageId);
    await admin.query('UPDATE message_deliveries SET max_attempts = 3 WHERE id = $1', [id]);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await admin.query('UPDATE message_deliveries SET next_attempt_at = now() WHERE id = $1', [id]);
      const taken = await service.query("SELECT id FROM delivery_take_due('w1', 60, 100, 'portal.test')");
      expect(taken.rows.map((r) => r.id)).toContain(id);
      const { rows: [state] } = await service.query("SELECT delivery_record_failure($1, 'w1', '421 try later', 60, 100) AS s", [id]);
      const row = await emailOf(messageId);
      if (attempt < 3) {
        expect(state.s).toBe('queued');
        waits.push((Date.parse(row.next_attempt_at) - Date.now()) / 1000);
      } else {
        expect(state.s).toBe('failed');
        expect(row).toMatchObject({ state: 'failed', attempts: 3, last_error: '421 try later', next_attempt_at: null });
      }
    }
    expect(waits[0]).toBeGreaterThan(55);
    expect(waits[0]).toBeLessThanOrEqual(60);
    expect(waits[1]).toBeGreaterThan(95); // 120 capped at 100
    expect(waits[1]).toBeLessThanOrEqual(100);
    // Nobody takes a failed notice again.
    expect((await service.query("SELECT id FROM delivery_take_due('w1', 60, 100, 'portal.test')")).rows.map((r) => r.id)).not.toContain(id);
  });

  it('sends each notice once with two service instances on one database, and after a worker that stopped mid-send', async () => {
    const shared = await startSmtp();
    try {
      // A worker took one notice and stopped before it could send or record anything.
      const service = await central.connect(central.db.serviceUrl);
      await service.query("SELECT set_config('desk.actor', 'system:delivery', false)");
      const orphan = await messageOnCase();
      const taken = await service.query("SELECT id FROM delivery_take_due('crashed', 1, 1, 'portal.test')");
      expect(taken.rowCount).toBe(1);
      const messages = [orphan];
      for (let i = 0; i < 19; i++) messages.push(await messageOnCase(i % 2 === 0 ? 'approval' : 'rejection'));
      const [one, two] = [await worker(shared, { ...FAST, batch: 3 }), await worker(shared, { ...FAST, batch: 3 })];
      await eventually(async () => {
        const { rows: [n] } = await admin.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM message_deliveries WHERE message_id = ANY($1) AND channel = 'email' AND state = 'sent'", [messages]);
        return n.n === 20;
      }, 15_000, 'all twenty notices sent');
      await pause(500);
      for (const message of messages) expect(mailsOf(shared, (await emailOf(message)).smtp_message_id)).toHaveLength(1);
      expect(mailsTo(shared, firmA.contact)).toHaveLength(20);
      // Both instances worked (who sent which is recorded only as the result; the locks kept them apart).
      expect(one.url).not.toBe(two.url);
      // The stopped worker, coming back, may not record the notice another worker sent.
      const { rows: [late] } = await service.query("SELECT delivery_record_sent($1, 'crashed') AS ok", [(await emailOf(orphan)).id]);
      expect(late.ok).toBe(false);
    } finally {
      await shared.close();
    }
  });

  it("sends the owner, once, the offer letter and the link to answer it when the offer is registered sent", async () => {
    const mails = await startSmtp();
    try {
      await worker(mails);
      const letter = Buffer.from('%PDF-1.4\n% tilbud om tilknytningsavtale, kode K7M2Q-XR9TD\n%%EOF\n');
      const sha = createHash('sha256').update(letter).digest('hex');
      await admin.query('INSERT INTO attachment_blobs (sha256, content) VALUES ($1, $2) ON CONFLICT DO NOTHING', [sha, letter]);
      const offerId = await insertIssuedOfferCentral(admin, caseId, { pdfSha256: sha });
      await admin.query("UPDATE cases SET owner_email = 'Eier@Example.test', status = 'approved' WHERE id = $1", [caseId]);
      await admin.query("UPDATE cases SET status = 'offer_sent' WHERE id = $1", [caseId]);
      const mail = await mails.next('eier@example.test');
      expect(mail.text).toContain(`${PORTAL_URL}/tilbud/${offerId}`);
      expect(mail.text).toContain(caseNumber);
      expect(mail.text).toMatch(/Content-Type: application\/pdf; name=tilbud-[^\s]+-v1\.pdf/);
      expect(mail.text).toContain(letter.toString('base64').slice(0, 40));
      await eventually(async () => {
        const { rows: [r] } = await admin.query("SELECT state FROM message_deliveries WHERE offer_id = $1", [offerId]);
        return r?.state === 'sent';
      }, 5_000, 'the offer notice sent');
      // The case moving on (accepted, and back to sent by a revision) queues no second mail for the same offer.
      await admin.query("UPDATE cases SET status = 'offer_accepted' WHERE id = $1", [caseId]);
      await admin.query("UPDATE cases SET status = 'offer_sent' WHERE id = $1", [caseId]);
      expect((await admin.query('SELECT count(*)::int AS n FROM message_deliveries WHERE offer_id = $1', [offerId])).rows[0].n).toBe(1);
      // Nobody queues mail to an owner by hand any more.
      expect((await admin.query("SELECT to_regprocedure('enqueue_offer_notice(uuid, text, text)') AS f")).rows[0].f).toBeNull();
      // The desk sees the owner's notice by the offer's id (beside offer_issued in the history).
      await eventually(() => {
        const view = anne.core.handlers['case.get']({ caseId }) as { deliveries: Record<string, { email: { state: string } | null }> };
        return view.deliveries[offerId]?.email?.state === 'sent';
      }, 5_000, 'the offer notice in the desk’s case view');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(mails.mails.filter((m) => m.to.includes('eier@example.test'))).toHaveLength(1);
    } finally {
      await mails.close();
    }
  });

  it("sends a work order's notice to the area supplier's address, not to the installer's inbox", async () => {
    const mails = await startSmtp();
    try {
      await worker(mails);
      const { rows: [supplier] } = await admin.query<{ id: string; email: string }>(
        `SELECT s.id, lower(s.email) AS email FROM area_suppliers s
           JOIN area_supplier_municipalities m ON m.supplier_id = s.id AND NOT m.deleted
           JOIN cases c ON c.municipality_number = m.municipality_number
          WHERE c.id = $1 AND coalesce(s.email, '') <> '' AND s.agreement_work::jsonb ? 'direct_meter_mounting'
          ORDER BY s.id LIMIT 1`, [caseId]);
      const orderId = randomUUID();
      const messageId = randomUUID();
      await admin.query(
        `INSERT INTO work_orders (id, case_id, supplier_id, work_kind, agreement_days, due_date, message_id)
         VALUES ($1, $2, $3, 'direct_meter_mounting', 5, current_date + 7, $4)`, [orderId, caseId, supplier.id, messageId]);
      await admin.query(
        `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items)
         VALUES ($1, $2, 'work_order', $3, 'Arbeidsordre', 'Monter måler.', '[]')`, [messageId, caseId, supplier.email]);
      const mail = await mails.next(supplier.email);
      expect(mail.text).toContain('arbeidsordre');
      expect(mail.text).toContain(caseNumber);
      expect((await admin.query("SELECT channel FROM message_deliveries WHERE message_id = $1", [messageId])).rows)
        .toEqual([{ channel: 'email' }]);
      // Delivered once the supplier's notice is sent (there is no portal inbox for it).
      await eventually(async () => (await admin.query('SELECT delivery_state FROM outgoing_messages WHERE id = $1', [messageId]))
        .rows[0].delivery_state === 'delivered', 5_000, 'the work order delivered');
      expect((await userA.post(`/api/portal/inbox/${messageId}/read`)).status).toBe(404);
    } finally {
      await mails.close();
    }
  });

  it('leaves a message to an installer without portal access undelivered; the firm finds it once it joins', async () => {
    const { rows: [other] } = await admin.query<{ id: string; org: string }>(
      `SELECT c.id, i.organisation_number AS org FROM cases c JOIN installers i ON i.id = c.installer_id
        WHERE i.organisation_number NOT IN (SELECT organisation_number FROM portal_firms) ORDER BY c.id LIMIT 1`);
    const id = randomUUID();
    await admin.query(
      `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items) VALUES ($1, $2, 'approval', 'x', 'Svar', 'Godkjent.', '[]')`,
      [id, other.id]);
    const { rows: [message] } = await admin.query('SELECT delivery_state FROM outgoing_messages WHERE id = $1', [id]);
    expect(message.delivery_state).toBe('queued');
    expect((await admin.query('SELECT 1 FROM message_deliveries WHERE message_id = $1', [id])).rowCount).toBe(0);

    const supervisor = await login(portal.url, await central.db.createLogin('sup2', 'supervisor'));
    await firmOfInstaller(portal.url, supervisor, other.org, 'late@c.test');
    const late = await portalLogin(portal.url, 'late@c.test');
    const inbox = await late.get<{ unread: number; messages: Array<{ id: string; readAt: string | null }> }>('/api/portal/inbox');
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.messages.map((m) => [m.id, m.readAt])).toEqual([[id, null]]);
    const read = await late.post<{ readAt: string }>(`/api/portal/inbox/${id}/read`);
    expect(read.status).toBe(200);
    const { rows: [row] } = await admin.query("SELECT state, read_at, read_by FROM message_deliveries WHERE message_id = $1 AND channel = 'portal'", [id]);
    expect(row).toEqual({ state: 'delivered', read_at: read.body.readAt, read_by: late.login });
  });
});

describe('a decision from the desk (issue 13: every decision is told)', () => {
  it("puts the rejection with its reason in the firm's inbox, and in no other firm's", async () => {
    const { rows: [row] } = await admin.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId]);
    if (!['new', 'in_review', 'waiting_for_info'].includes(row.status)) {
      await admin.query("UPDATE cases SET status = 'in_review' WHERE id = $1", [caseId]);
    }
    const status = () => (anne.core.handlers['case.get']({ caseId }) as { status: string }).status;
    await eventually(() => ['new', 'in_review', 'waiting_for_info'].includes(status()), 5_000, 'the case open in the cache');
    const claim = () => (anne.core.handlers['case.get']({ caseId }) as { claim: { state: string } }).claim.state;
    if (claim() !== 'mine') ok(await anne.core.dispatch('case.claim', { caseId }));
    await eventually(() => claim() === 'mine', 5_000, 'the claim');
    const reason = 'Hovedsikringen på 125 A krever trafomåling; send meldingen som endring av hovedsikring.';
    ok(await anne.core.dispatch('case.act', { caseId, action: 'reject', reason }));
    await anne.core.central!.engine.whenIdle();
    const messageId = (anne.core.database.sqlite
      .prepare("SELECT id FROM outgoing_messages WHERE case_id = ? AND kind = 'rejection' ORDER BY created_at DESC LIMIT 1")
      .get(caseId) as { id: string }).id;

    const inbox = await eventually(async () => {
      const answer = await userA.get<{ messages: Array<{ id: string; kind: string; subject: string; body: string }> }>('/api/portal/inbox');
      return answer.body.messages.find((m) => m.id === messageId) ?? null;
    }, 5_000, "the rejection in the firm's inbox");
    expect(inbox).toMatchObject({ kind: 'rejection', subject: expect.stringMatching(/^Forhåndsmelding avvist /) });
    expect(inbox.body).toContain(`«${reason}»`);
    expect((await userB.get<{ messages: Array<{ id: string }> }>('/api/portal/inbox')).body.messages.map((m) => m.id)).not.toContain(messageId);
  });
});
