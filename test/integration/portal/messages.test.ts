// Sending a message through the portal (POST /api/portal/messages, portalSubmitMessage) against real PostgreSQL and
// the running service: the central importer takes it as portal_submitter for the signed-in firm; a desk pulls the
// case live; what the importer refuses is answered with its reasons and left nowhere; attachments are sniffed and
// measured; another firm's name, a firm not approved and raw SQL beyond portal_submitter's grants are refused.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_MESSAGE_LIMITS } from '../../../shared/portalApi/messages';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login, RawClient } from '../../support/serviceClient';
import { eventually, type Client } from '../../support/syncClients';
import { firmWithAdmin, portalLogin, startPortalService, startSmtp, type TestSmtp } from './portalFixture';

const central = useCentralDatabase('portal_messages');
let smtp: TestSmtp;
let url: string;
let firmA: { id: string; org: string };
let firmB: { id: string; org: string };
let installerA: RawClient;
let installerB: RawClient;
let desk: Client;

const PDF = Buffer.from('%PDF-1.4\n% situasjonskart\n1 0 obj << >> endobj\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 photo of the meter cabinet')]);
const HTML = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

let sequence = 0;

/** A complete new installation from `firm`, with a PDF and a JPEG unless told otherwise. */
function newInstallation(firm: { org: string }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  sequence++;
  return {
    messageId: `PORTAL-${sequence}`,
    kind: 'request',
    sentAt: '2026-03-02T08:15:00+01:00',
    sender: { role: 'installer', organisationNumber: firm.org, name: 'Elektro AS' },
    requestType: 'new_installation',
    installation: {
      address: `Strandveien ${sequence}`, postcode: '4631', postTown: 'Kristiansand', municipalityNumber: '4204',
      buildingUse: 'house', networkSystem: '230V_IT', phases: 1, mainFuseA: 50, expectedPowerKw: 11,
    },
    owner: { name: `Eier ${sequence}`, idKind: 'national_id', nationalId: '01017012345' },
    installer: { organisationNumber: firm.org, name: 'Elektro AS', contactPerson: 'Ola Elektriker' },
    attachments: [
      { kind: 'site_map', fileName: 'situasjonskart.pdf', mimeType: 'application/pdf', contentBase64: PDF.toString('base64') },
      { kind: 'photo', fileName: 'skap.jpg', mimeType: 'image/jpeg', contentBase64: JPEG.toString('base64') },
    ],
    ...extra,
  };
}

const cachedCase = (client: Client, caseNumber: string) =>
  client.core.database.sqlite.prepare('SELECT id FROM cases WHERE case_number = ?').get(caseNumber) as { id: number } | undefined;

const count = async (sql: string, values: unknown[] = []) => Number((await central.admin.query<{ n: string }>(sql, values)).rows[0].n);

beforeAll(async () => {
  smtp = await startSmtp();
  url = (await startPortalService(central.db, smtp)).url;
  const supervisor = await login(url, await central.db.createLogin('sup', 'supervisor'));
  firmA = await firmWithAdmin(url, central.admin, supervisor, 'admin@msg-a.test', 'A Elektro AS');
  firmB = await firmWithAdmin(url, central.admin, supervisor, 'admin@msg-b.test', 'B Elektro AS');
  installerA = await portalLogin(url, 'admin@msg-a.test');
  installerB = await portalLogin(url, 'admin@msg-b.test');
  desk = await central.startClient('anne', 'case_handler');
  // The desk is live once a first message has reached it.
  const first = await installerA.post<{ caseNumber: string }>('/api/portal/messages', newInstallation(firmA));
  expect(first.status, first.text).toBe(200);
  await eventually(() => cachedCase(desk, first.body.caseNumber), 15_000, 'the first case to reach the desk');
}, 60_000);

afterAll(async () => {
  await smtp?.close();
});

describe('POST /api/portal/messages', () => {
  it('takes a complete new installation with a PDF and a JPEG: a case in the desk’s cache within 1 s', async () => {
    const message = newInstallation(firmA);
    const sent = Date.now();
    const answer = await installerA.post<{ caseNumber: string; duplicate: boolean }>('/api/portal/messages', message);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({ caseNumber: expect.stringMatching(/^2026-\d{6}$/), duplicate: false });
    await eventually(() => cachedCase(desk, answer.body.caseNumber), 1_000, 'the case in the desk within 1 s');
    expect(Date.now() - sent).toBeLessThan(1_000);

    const { rows: [stored] } = await central.admin.query(
      `SELECT c.id, c.message_id, c.status, i.organisation_number FROM cases c JOIN installers i ON i.id = c.installer_id
        WHERE c.case_number = $1`, [answer.body.caseNumber]);
    expect(stored).toMatchObject({ message_id: `${firmA.org}:${message.messageId as string}`, status: 'new', organisation_number: firmA.org });
    const { rows: files } = await central.admin.query(
      `SELECT a.kind, a.mime_type, a.size_bytes, b.content FROM attachments a JOIN attachment_blobs b ON b.sha256 = a.sha256
        WHERE a.case_id = $1 ORDER BY a.kind`, [stored.id]);
    expect(files).toEqual([
      { kind: 'photo', mime_type: 'image/jpeg', size_bytes: JPEG.length, content: JPEG },
      { kind: 'site_map', mime_type: 'application/pdf', size_bytes: PDF.length, content: PDF },
    ].map((f) => ({ ...f, size_bytes: expect.anything() as unknown })));
    // The events name the importer, as `npm run import` does.
    expect((await central.admin.query('SELECT kind, actor_id FROM case_events WHERE case_id = $1', [stored.id])).rows)
      .toContainEqual({ kind: 'received', actor_id: 'system:import' });
  });

  it('answers a malformed message 400 with the importer’s reasons, and leaves nothing (no case, no quarantine)', async () => {
    const cases = await count('SELECT count(*) AS n FROM cases');
    const quarantined = await count('SELECT count(*) AS n FROM import_quarantine');
    const message = newInstallation(firmA, { owner: undefined, installation: { ...(newInstallation(firmA).installation as object), postcode: '46X1' } });
    delete message.owner;
    const answer = await installerA.post<{ code: string; reasons: { path: string; code: string }[] }>('/api/portal/messages', message);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.body.code).toBe('message.invalid');
    expect(answer.body.reasons).toContainEqual(expect.objectContaining({ path: 'owner', code: 'invalid_type' }));

    const badPostcode = newInstallation(firmA, { installation: { ...(newInstallation(firmA).installation as object), postcode: '46X1' } });
    const second = await installerA.post<{ reasons: { path: string; code: string }[] }>('/api/portal/messages', badPostcode);
    expect(second.status, second.text).toBe(400);
    expect(second.body.reasons).toEqual([expect.objectContaining({ path: 'installation.postcode', code: 'postcode.notDigits' })]);

    expect(await count('SELECT count(*) AS n FROM cases')).toBe(cases);
    expect(await count('SELECT count(*) AS n FROM import_quarantine')).toBe(quarantined);
  });

  it('refuses a message in another firm’s organisation number (403), as sender or as installer', async () => {
    const cases = await count('SELECT count(*) AS n FROM cases');
    const asB = newInstallation(firmA, { installer: { organisationNumber: firmB.org, name: 'B Elektro AS' } });
    const answer = await installerA.post<{ code: string; reasons: { path: string }[] }>('/api/portal/messages', asB);
    expect(answer.status, answer.text).toBe(403);
    expect(answer.body).toMatchObject({ code: 'portal.otherFirm', reasons: [{ path: 'installer.organisationNumber' }] });
    const senderB = newInstallation(firmA, { sender: { role: 'installer', organisationNumber: firmB.org, name: 'B' } });
    expect((await installerA.post('/api/portal/messages', senderB)).status).toBe(403);
    expect(await count('SELECT count(*) AS n FROM cases')).toBe(cases);
  });

  it('refuses a file named .pdf that is HTML or an executable, and a PNG named .pdf', async () => {
    for (const [content, code] of [[HTML, 'attachment.type'], [EXE, 'attachment.type'],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'attachment.typeMismatch']] as const) {
      const message = newInstallation(firmA, {
        attachments: [{ kind: 'site_map', fileName: 'kart.pdf', mimeType: 'application/pdf', contentBase64: content.toString('base64') }],
      });
      const answer = await installerA.post<{ reasons: { path: string; code: string }[] }>('/api/portal/messages', message);
      expect(answer.status, answer.text).toBe(415);
      expect(answer.body.reasons[0]).toMatchObject({ code });
    }
  });

  it('refuses a file over 20 MiB and a message over the body limit (413)', async () => {
    const big = Buffer.alloc(PORTAL_MESSAGE_LIMITS.attachmentBytes + 1, 0x20);
    PDF.copy(big);
    const one = newInstallation(firmA, {
      attachments: [{ kind: 'site_map', fileName: 'kart.pdf', mimeType: 'application/pdf', contentBase64: big.toString('base64') }],
    });
    const answer = await installerA.post<{ reasons: { code: string }[] }>('/api/portal/messages', one);
    expect(answer.status).toBe(413);
    expect(answer.body.reasons).toEqual([expect.objectContaining({ code: 'attachment.tooLarge' })]);

    const part = Buffer.alloc(18 * 1024 * 1024, 0x20);
    PDF.copy(part);
    const three = newInstallation(firmA, {
      attachments: ['a', 'b', 'c'].map((n) => ({ kind: 'other', fileName: `${n}.pdf`, mimeType: 'application/pdf', contentBase64: part.toString('base64') })),
    });
    expect((await installerA.post('/api/portal/messages', three)).status).toBe(413);
  }, 60_000);

  it('makes one case of the same message sent twice; the same id from another firm is another case', async () => {
    const message = newInstallation(firmA);
    const first = await installerA.post<{ caseNumber: string; duplicate: boolean }>('/api/portal/messages', message);
    const again = await installerA.post<{ caseNumber: string; duplicate: boolean }>('/api/portal/messages', message);
    expect(first.status, first.text).toBe(200);
    expect(again.status, again.text).toBe(200);
    expect(again.body).toEqual({ caseNumber: first.body.caseNumber, duplicate: true });
    expect(await count('SELECT count(*) AS n FROM cases WHERE message_id = $1', [`${firmA.org}:${message.messageId as string}`])).toBe(1);

    const sameIdFromB = newInstallation(firmB, { messageId: message.messageId });
    const fromB = await installerB.post<{ caseNumber: string }>('/api/portal/messages', sameIdFromB);
    expect(fromB.status, fromB.text).toBe(200);
    expect(fromB.body.caseNumber).not.toBe(first.body.caseNumber);

    // Other content under a known id is refused, not quarantined.
    const changed = { ...message, freeText: 'endret' };
    const differs = await installerA.post<{ code: string }>('/api/portal/messages', changed);
    expect(differs.status, differs.text).toBe(409);
    expect(differs.body.code).toBe('message.contentDiffers');
  });

  it('takes a supplement to the firm’s own case, and not to another firm’s', async () => {
    const request = newInstallation(firmA);
    const made = await installerA.post<{ caseNumber: string }>('/api/portal/messages', request);
    const supplement = {
      messageId: `SUPP-${sequence}`, kind: 'supplement', sentAt: '2026-03-03T09:00:00+01:00',
      sender: { role: 'installer', organisationNumber: firmA.org, name: 'A Elektro AS' },
      caseMessageId: request.messageId, changes: { installation: { mainFuseA: 63 } }, text: 'Større sikring',
    };
    const answer = await installerA.post<{ caseNumber: string }>('/api/portal/messages', supplement);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.caseNumber).toBe(made.body.caseNumber);

    // Firm B names A's case by number, and by A's message id: not found either way.
    const fromB = { ...supplement, messageId: 'SUPP-B', sender: { ...supplement.sender, organisationNumber: firmB.org } };
    const byNumber = await installerB.post('/api/portal/messages', { ...fromB, caseMessageId: undefined, caseNumber: made.body.caseNumber });
    expect(byNumber.status, byNumber.text).toBe(404);
    expect((await installerB.post('/api/portal/messages', fromB)).status).toBe(404);
    expect(await count(`SELECT count(*) AS n FROM import_quarantine`)).toBe(0);
  });

  it('refuses a user without a session (401) and the user of a firm not approved (403 at login)', async () => {
    expect((await new RawClient(url).post('/api/portal/messages', newInstallation(firmA))).status).toBe(401);
    await firmWithAdmin(url, central.admin, null, 'admin@msg-c.test', 'C Elektro AS');
    const answer = await new RawClient(url).post<{ code: string }>('/api/portal/login', { email: 'admin@msg-c.test', password: 'installer-password-1' });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('portal.firmNotApproved');
  });
});

describe('a decision the importer takes by a rule is told (issue 13)', () => {
  it('refers a large project to a developer project and puts the referral with its reason in the firm’s inbox', async () => {
    await central.admin.query(
      "INSERT INTO company_settings (key, value) VALUES ('developer_project_min_units', '12') ON CONFLICT (key) DO UPDATE SET value = '12'");
    try {
      const message = newInstallation(firmA);
      message.installation = { ...(message.installation as object), unitCount: 24 };
      const answer = await installerA.post<{ caseNumber: string }>('/api/portal/messages', message);
      expect(answer.status, answer.text).toBe(200);
      const { rows } = await central.admin.query(
        `SELECT c.status, m.kind, m.created_by, m.body FROM cases c JOIN outgoing_messages m ON m.case_id = c.id
          WHERE c.case_number = $1`, [answer.body.caseNumber]);
      expect(rows).toEqual([expect.objectContaining({ status: 'developer_project', kind: 'developer_referral', created_by: 'system:import' })]);
      expect(rows[0].body).toContain('«Utbyggerprosjekt: 24 enheter (grensen er 12)');
      const inbox = await installerA.get<{ messages: Array<{ caseNumber: string; kind: string }> }>('/api/portal/inbox');
      expect(inbox.body.messages).toContainEqual(expect.objectContaining({ caseNumber: answer.body.caseNumber, kind: 'developer_referral' }));
      const other = await installerB.get<{ messages: Array<{ caseNumber: string }> }>('/api/portal/inbox');
      expect(other.body.messages.map((m) => m.caseNumber)).not.toContain(answer.body.caseNumber);
    } finally {
      await central.admin.query("DELETE FROM company_settings WHERE key = 'developer_project_min_units'");
    }
  });
});

describe('PostgreSQL as the second line (raw SQL as desk_service)', () => {
  let service: pg.Client;
  let caseOfB: string;

  beforeAll(async () => {
    service = await central.connect(central.db.serviceUrl);
    const made = await installerB.post<{ caseNumber: string }>('/api/portal/messages', newInstallation(firmB));
    caseOfB = made.body.caseNumber;
  });

  async function asSubmitter<T>(firm: string, work: () => Promise<T>): Promise<T> {
    await service.query('BEGIN');
    try {
      await service.query("SELECT set_config('role', 'portal_submitter', true), set_config('portal.firm', $1, true), set_config('desk.actor', 'system:import', true)", [firm]);
      return await work();
    } finally {
      await service.query('ROLLBACK');
    }
  }

  const refused = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ code: '42501' });

  it('desk_service itself may not write cases or read the portal’s rows', async () => {
    await refused(service.query("UPDATE cases SET status = 'approved'"));
    await refused(service.query('INSERT INTO incoming_messages (message_id, kind, received_at) VALUES ($1, $2, now())', ['x', 'request']));
    await refused(service.query('SELECT * FROM portal_users'));
  });

  it('portal_submitter may not change another firm’s case, the claim or assignee of any, nor read the portal’s or quarantine’s rows', async () => {
    await asSubmitter(firmA.id, async () => {
      expect((await service.query("UPDATE cases SET status = 'approved' WHERE case_number = $1", [caseOfB])).rowCount).toBe(0);
    });
    await asSubmitter(firmA.id, () => refused(service.query("UPDATE cases SET assignee_id = 'x' WHERE case_number = $1", [caseOfB])));
    await asSubmitter(firmA.id, () => refused(service.query("UPDATE cases SET claimed_by = 'x'")));
    await asSubmitter(firmA.id, () => refused(service.query('DELETE FROM cases')));
    await asSubmitter(firmA.id, () => refused(service.query('SELECT * FROM portal_users')));
    await asSubmitter(firmA.id, () => refused(service.query('SELECT * FROM portal_firms')));
    await asSubmitter(firmA.id, () => refused(service.query('SELECT * FROM portal_sessions')));
    await asSubmitter(firmA.id, () => refused(service.query('SELECT * FROM import_quarantine')));
    await asSubmitter(firmA.id, () => refused(service.query('SELECT content FROM attachment_blobs')));
    await asSubmitter(firmA.id, () => refused(service.query('UPDATE case_events SET kind = kind')));
    await asSubmitter(firmA.id, () => refused(service.query('SELECT * FROM notes')));
  });

  it('portal_submitter may tell only a decision just taken by a rule: not a case that is new, nor the same twice', async () => {
    const { rows: [a] } = await central.admin.query<{ id: string }>(
      "SELECT c.id FROM cases c JOIN installers i ON i.id = c.installer_id WHERE i.organisation_number = $1 AND c.status = 'new' LIMIT 1", [firmA.org]);
    await asSubmitter(firmA.id, () => refused(service.query(
      "SELECT queue_rule_decision_message($1, gen_random_uuid(), 'approval', 'x', 'Godkjent', 'x')", [a.id])));
    await asSubmitter(firmA.id, () => refused(service.query(
      "INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body) VALUES (gen_random_uuid(), $1, 'approval', 'x', 'x', 'x')", [a.id])));
    const { rows: [referred] } = await central.admin.query<{ id: string }>(
      "SELECT case_id AS id FROM outgoing_messages WHERE kind = 'developer_referral' LIMIT 1");
    await asSubmitter(firmA.id, () => refused(service.query(
      "SELECT queue_rule_decision_message($1, gen_random_uuid(), 'developer_referral', 'x', 'x', 'x')", [referred.id])));
  });

  it('portal_submitter may not open a case in another firm’s installer', async () => {
    const { rows: [b] } = await central.admin.query<{ id: string }>('SELECT id FROM installers WHERE organisation_number = $1', [firmB.org]);
    await asSubmitter(firmA.id, async () => {
      await expect(service.query(
        `INSERT INTO cases (case_number, message_id, status, request_type, submitted_at, installer_id, address, postcode, post_town,
           municipality_number, building_use, network_system, phases, owner_name, owner_id_kind)
         VALUES ('2026-999999', 'forged', 'new', 'new_installation', now(), $1, 'x', '4631', 'x', '4204', 'house', '230V_IT', 1, 'x', 'national_id')`,
        [b.id])).rejects.toMatchObject({ code: '42501' });
    });
  });
});
