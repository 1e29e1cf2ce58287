// The ferdigmelding answered, with the central database, the portal service and a mail server: sent in the portal
// without the samsvarserklæring it is refused at once with the reason (nothing kept); arriving in a file, the same
// notice is recorded on the case and answered to the installer in the import's transaction — in the firm's portal
// inbox and by e-mail (message_deliveries, sent by the delivery worker) — and the case stays where it was. A partial one is recorded and the case
// waits for the last.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importIntoCentral } from '../../../core/import/centralImport';
import type { PortalCase } from '../../../shared/portalApi/cases';
import type { PortalListInboxOutput } from '../../../shared/portalApi/inbox';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login, type RawClient } from '../../support/serviceClient';
import { caseIdOf, newInstallation, paidAndStarted, PDF, send } from './caseFixture';
import { firmWithAdmin, portalLogin, startPortalService, startSmtp, type TestSmtp } from './portalFixture';

const central = useCentralDatabase('portal_completion_refused');
const ADMIN = 'admin@ferdig-a.test';
let smtp: TestSmtp;
let firm: { id: string; org: string };
let installer: RawClient;
let caseNumber: string;

beforeAll(async () => {
  smtp = await startSmtp();
  const { url } = await startPortalService(central.db, smtp);
  const supervisor = await login(url, await central.db.createLogin('sup', 'supervisor'));
  firm = await firmWithAdmin(url, central.admin, supervisor, ADMIN, 'Ferdig Elektro AS');
  installer = await portalLogin(url, ADMIN);
  caseNumber = await send(installer, newInstallation(firm, 'Bakkegata 7', '2026-11-03T09:00:00+01:00'));
  await paidAndStarted(central.admin, caseNumber);
});
afterAll(async () => {
  await smtp?.close();
});

const admin = (): pg.Client => central.admin;
const statusOf = async () =>
  (await admin().query<{ status: string }>('SELECT status FROM cases WHERE case_number = $1', [caseNumber])).rows[0].status;
const refusalsStored = async () =>
  (await admin().query<{ id: string; subject: string; body: string }>(
    `SELECT m.id, m.subject, m.body FROM outgoing_messages m JOIN cases c ON c.id = m.case_id
      WHERE c.case_number = $1 AND m.kind = 'completion_refused' ORDER BY m.created_at`, [caseNumber])).rows;
const notice = (messageId: string, more: Record<string, unknown> = {}) => ({
  messageId, kind: 'completion_notice', sentAt: new Date().toISOString(),
  sender: { role: 'installer', organisationNumber: firm.org, name: 'Ferdig Elektro AS' },
  caseNumber, completedOn: '2026-12-03', energisedOn: '2026-12-04', attachments: [], ...more,
});
const declaration = { kind: 'declaration_of_conformity', fileName: 'samsvarserklaering.pdf', mimeType: 'application/pdf', contentBase64: PDF.toString('base64') };

describe('a ferdigmelding without the samsvarserklæring', () => {
  it('sent in the portal is refused at once with the reason, and nothing is kept', async () => {
    const answer = await installer.post<{ code: string; reasons: Array<{ code: string }> }>('/api/portal/messages', notice('FERDIG-PORTAL-1'));
    expect(answer.status).toBe(400);
    expect(answer.body.reasons.map((r) => r.code)).toEqual(['completion.declarationMissing']);
    expect(await statusOf()).toBe('paid');
    expect(await refusalsStored()).toEqual([]);
  });

  it('arriving in a file is recorded on the case and answered in the portal inbox and by e-mail', async () => {
    const outcome = await importIntoCentral(admin(), JSON.stringify([notice('FERDIG-FIL-1')]), 'ferdigmeldinger.json', { now: new Date() });
    expect(outcome).toMatchObject({ imported: 1, quarantined: 0 });
    expect(await statusOf()).toBe('paid');
    const [answer] = await refusalsStored();
    expect(answer.subject).toBe(`Ferdigmelding ikke mottatt – ${caseNumber}, Bakkegata 7, 4631 Kristiansand`);
    expect(answer.body).toContain('- Samsvarserklæringen mangler.');

    const caseId = await caseIdOf(admin(), caseNumber);
    const { rows: events } = await admin().query<{ kind: string; data: Record<string, unknown> }>(
      "SELECT kind, data FROM case_events WHERE case_id = $1 AND kind IN ('completion_notice_received', 'message_queued') ORDER BY id", [caseId]);
    expect(events.slice(-2)).toMatchObject([
      { kind: 'completion_notice_received', data: { messageId: 'FERDIG-FIL-1', refusals: ['declarationMissing'] } },
      { kind: 'message_queued', data: { kind: 'completion_refused' } },
    ]);
    // In the firm's inbox at once, and an e-mail queued for the delivery worker (central 0022).
    const { rows: deliveries } = await admin().query<{ channel: string; state: string }>(
      'SELECT channel, state FROM message_deliveries WHERE message_id = $1 ORDER BY channel', [answer.id]);
    expect(deliveries).toEqual([{ channel: 'email', state: 'queued' }, { channel: 'portal', state: 'delivered' }]);

    const inbox = await installer.get<PortalListInboxOutput>('/api/portal/inbox');
    expect(inbox.body.messages.find((m) => m.id === answer.id)).toMatchObject({ kind: 'completion_refused', caseNumber });
  });
});

describe('a partial ferdigmelding', () => {
  it('is recorded with what it carried; the case waits for the notice that reports the rest', async () => {
    const partial = await installer.post('/api/portal/messages', notice('FERDIG-DEL-1', { partial: true, attachments: [declaration],
      text: 'Hovedhus ferdig, garasje gjenstår' }));
    expect(partial.status).toBe(200);
    expect(await statusOf()).toBe('paid');
    // The firm's case page shows it as a partial one.
    const page = await installer.get<PortalCase>(`/api/portal/cases/${caseNumber}`);
    expect(page.body.thread.filter((e) => e.type === 'incoming' && e.kind === 'completion_notice'))
      .toEqual([expect.objectContaining({ partial: true, text: 'Hovedhus ferdig, garasje gjenstår' })]);
    const whole = await installer.post('/api/portal/messages', notice('FERDIG-ALT-1', { attachments: [declaration] }));
    expect(whole.status).toBe(200);
    expect(await statusOf()).toBe('completion_reported');
    const caseId = await caseIdOf(admin(), caseNumber);
    const { rows } = await admin().query<{ data: Record<string, unknown> }>(
      "SELECT data FROM case_events WHERE case_id = $1 AND kind = 'completion_notice_received' ORDER BY id", [caseId]);
    // The portal keeps message ids apart per firm (its organisation number first).
    expect(rows.slice(-2).map((r) => [String(r.data.messageId).split(':').at(-1), r.data.partial ?? false, 'meterDueDate' in r.data]))
      .toEqual([['FERDIG-DEL-1', true, false], ['FERDIG-ALT-1', false, true]]);
  });
});
