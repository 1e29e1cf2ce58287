// The endings no person takes at the desk, on a real PostgreSQL through the running service (issue 13, item 1):
// the installer withdraws its own request from the portal (a withdrawal, or a cancellation once the owner has
// accepted), with the firm told in its inbox; the service's sweep closes offers past their validity and tells the
// installer; and close_case_for_party (central 0031) holds each party to its own ending when called with raw SQL.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalCase } from '../../../shared/portalApi/cases';
import { createServicePool } from '../../../service/db/servicePool';
import { startOfferExpirySweep } from '../../../service/casework/offerExpirySweep';
import { useCentralDatabase } from '../../support/centralDatabase';
import { insertIssuedOfferCentral } from '../../support/issuedOffer';
import { login, type RawClient } from '../../support/serviceClient';
import { caseIdOf, newInstallation, send } from './caseFixture';
import { firmWithAdmin, portalLogin, startPortalService, startSmtp, type TestSmtp } from './portalFixture';

const central = useCentralDatabase('portal_case_endings', { seedCases: 30, timeout: 120_000 });
let smtp: TestSmtp;
let url: string;
let firmA: { id: string; org: string };
let firmB: { id: string; org: string };
let installerA: RawClient;
let installerB: RawClient;
let service: pg.Client;
let pool: pg.Pool;

beforeAll(async () => {
  smtp = await startSmtp();
  url = (await startPortalService(central.db, smtp)).url;
  const supervisor = await login(url, await central.db.createLogin('sup', 'supervisor'));
  firmA = await firmWithAdmin(url, central.admin, supervisor, 'admin@endings-a.test', 'A Elektro AS');
  firmB = await firmWithAdmin(url, central.admin, supervisor, 'admin@endings-b.test', 'B Elektro AS');
  installerA = await portalLogin(url, 'admin@endings-a.test');
  installerB = await portalLogin(url, 'admin@endings-b.test');
  service = await central.connect(central.db.serviceUrl);
  pool = createServicePool(central.db.serviceUrl, 2);
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await smtp?.close();
});

const caseRow = async (caseId: number) => (await central.admin.query<{
  status: string; closure_reason: string | null; decision_reason: string | null; cancellation_costs_ore: string | null;
}>('SELECT status, closure_reason, decision_reason, cancellation_costs_ore FROM cases WHERE id = $1', [caseId])).rows[0];
const messagesOf = async (caseId: number) => (await central.admin.query<{ kind: string; subject: string; body: string }>(
  'SELECT kind, subject, body FROM outgoing_messages WHERE case_id = $1 ORDER BY created_at', [caseId])).rows;
const lastMove = async (caseId: number) => (await central.admin.query<{ actor_id: string; data: Record<string, unknown> }>(
  "SELECT actor_id, data FROM case_events WHERE case_id = $1 AND kind = 'status_changed' ORDER BY id DESC LIMIT 1", [caseId])).rows[0];

const withdraw = (client: RawClient, caseNumber: string, reason: string) =>
  client.post<PortalCase & { code?: string }>(`/api/portal/cases/${caseNumber}/withdraw`, { reason });

/** Raw SQL as desk_service in a role, inside a transaction that is rolled back; the error's SQLSTATE or 'ok'. */
async function asRole(settings: Record<string, string>, sql: string, params: unknown[]): Promise<string> {
  await service.query('BEGIN');
  try {
    for (const [name, value] of Object.entries(settings)) await service.query('SELECT set_config($1, $2, true)', [name, value]);
    await service.query(sql, params);
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? 'error';
  } finally {
    await service.query('ROLLBACK');
  }
}

const CLOSE = 'SELECT close_case_for_party($1, $2, NULL, gen_random_uuid(), $3, \'installer\', \'Emne\', \'Tekst\')';

describe('the installer withdraws its request in the portal (portalWithdrawCase)', () => {
  it('closes the case as withdrawn by the installer with the reason, and tells the firm in its inbox', async () => {
    const caseNumber = await send(installerA, newInstallation(firmA, 'Trekkveien 1', '2026-11-02T08:15:00+01:00'));
    const caseId = await caseIdOf(central.admin, caseNumber);
    const answer = await withdraw(installerA, caseNumber, 'Kunden har valgt en annen løsning');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ status: 'closed', closureReason: 'withdrawn_by_installer', decisionReason: 'Kunden har valgt en annen løsning' });
    expect(await caseRow(caseId)).toEqual({
      status: 'closed', closure_reason: 'withdrawn_by_installer', decision_reason: 'Kunden har valgt en annen løsning', cancellation_costs_ore: null,
    });
    const told = (await messagesOf(caseId)).filter((m) => m.kind === 'withdrawal');
    expect(told).toHaveLength(1);
    expect(told[0].subject).toBe(`Forhåndsmelding trukket ${caseNumber} – Trekkveien 1`);
    expect(told[0].body).toContain('Vi har registrert at installatøren har trukket forhåndsmeldingen om ny installasjon.');
    expect(told[0].body).toContain('«Kunden har valgt en annen løsning»');
    expect(await lastMove(caseId)).toMatchObject({ actor_id: 'portal:installer', data: { from: 'new', to: 'closed', reason: 'Kunden har valgt en annen løsning' } });
    const inbox = await installerA.get<{ messages: { kind: string; caseNumber: string }[] }>('/api/portal/inbox');
    expect(inbox.status, inbox.text).toBe(200);
    expect(inbox.body.messages.filter((m) => m.caseNumber === caseNumber).map((m) => m.kind)).toContain('withdrawal');

    // Once closed, there is nothing left to withdraw.
    const again = await withdraw(installerA, caseNumber, 'Igjen');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('case.notOpen');
  });

  it('after the owner accepted the offer, it is a cancellation, told as such', async () => {
    const caseNumber = await send(installerA, newInstallation(firmA, 'Trekkveien 2', '2026-11-03T08:15:00+01:00'));
    const caseId = await caseIdOf(central.admin, caseNumber);
    await central.admin.query("UPDATE cases SET status = 'offer_accepted' WHERE id = $1", [caseId]);
    const answer = await withdraw(installerA, caseNumber, 'Eier har solgt tomten');
    expect(answer.status, answer.text).toBe(200);
    const told = await messagesOf(caseId);
    expect(told.map((m) => m.kind)).toEqual(['cancellation']);
    expect(told[0].subject).toMatch(/^Bestilling kansellert /);
    expect(told[0].body).toContain('Vi har ikke registrert kostnader i saken som faktureres eieren.');
  });

  it('refuses once the installation is reported done: a finished job is not withdrawn, changing nothing', async () => {
    const caseNumber = await send(installerA, newInstallation(firmA, 'Ferdigveien 3', '2026-11-03T09:15:00+01:00'));
    const caseId = await caseIdOf(central.admin, caseNumber);
    for (const status of ['completion_reported', 'meter_mounted', 'metering_point_registered']) {
      await central.admin.query('UPDATE cases SET status = $2 WHERE id = $1', [caseId, status]);
      const answer = await withdraw(installerA, caseNumber, 'For sent');
      expect(answer.status, status).toBe(409);
      expect(answer.body.code).toBe('case.notOpen');
      expect((await caseRow(caseId)).status).toBe(status);
    }
    expect(await messagesOf(caseId)).toEqual([]);
  });

  it('refuses an empty reason, and another firm’s case as if it did not exist, changing nothing', async () => {
    const caseNumber = await send(installerA, newInstallation(firmA, 'Trekkveien 3', '2026-11-04T08:15:00+01:00'));
    const caseId = await caseIdOf(central.admin, caseNumber);
    expect((await withdraw(installerA, caseNumber, '   ')).status).toBe(400);
    const theirs = await withdraw(installerB, caseNumber, 'Ikke vår sak');
    const unknown = await withdraw(installerB, '2026-999999', 'Ikke vår sak');
    expect(theirs.status).toBe(404);
    expect(theirs.text.replace(caseNumber, '<n>')).toBe(unknown.text.replace('2026-999999', '<n>'));
    expect(await caseRow(caseId)).toMatchObject({ status: 'new', closure_reason: null });
    expect(await messagesOf(caseId)).toEqual([]);
  });
});

describe('PostgreSQL holds each party to its own ending (raw SQL as desk_service)', () => {
  it('refuses another firm’s case, another party’s ending, an unexpired offer and a wrong message kind', async () => {
    const caseNumber = await send(installerA, newInstallation(firmA, 'Trekkveien 4', '2026-11-05T08:15:00+01:00'));
    const caseId = await caseIdOf(central.admin, caseNumber);
    const asFirm = (firmId: string) => ({ role: 'portal_submitter', 'portal.firm': firmId, 'desk.actor': 'portal:installer' });
    expect(await asRole(asFirm(firmB.id), CLOSE, [caseId, 'installer', 'withdrawal'])).toBe('42501');
    expect(await asRole(asFirm(firmA.id), CLOSE, [caseId, 'installer', 'closure'])).toBe('42501');
    expect(await asRole(asFirm(firmA.id), CLOSE, [caseId, 'owner', 'closure'])).toBe('42501');
    expect(await asRole(asFirm(firmA.id), CLOSE, [caseId, 'expiry', 'closure'])).toBe('42501');
    // A person's group may not use it to close a case outside the status table either (no claim, no rule).
    expect(await asRole({ role: 'case_handler', 'desk.actor': 'x' }, CLOSE, [caseId, 'expiry', 'closure'])).toBe('42501');
    expect(await asRole(asFirm(firmA.id), CLOSE, [caseId, 'installer', 'withdrawal'])).toBe('ok');
    expect(await caseRow(caseId)).toMatchObject({ status: 'new' });
  });
});

describe('the offer expiry sweep', () => {
  it('closes the offers whose last valid day has passed, tells the installer, and leaves valid offers alone', async () => {
    const { rows } = await central.admin.query<{ id: string }>(
      `SELECT id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM offers o WHERE o.case_id = c.id) ORDER BY id LIMIT 3`);
    const [expired, valid, lastDay] = rows.map((row) => Number(row.id));
    const today = (await central.admin.query<{ d: string }>("SELECT (now() AT TIME ZONE 'Europe/Oslo')::date::text AS d")).rows[0].d;
    const yesterday = (await central.admin.query<{ d: string }>("SELECT ((now() AT TIME ZONE 'Europe/Oslo')::date - 1)::text AS d")).rows[0].d;
    await central.admin.query("UPDATE cases SET status = 'offer_sent' WHERE id = ANY($1)", [[expired, valid, lastDay]]);
    await insertIssuedOfferCentral(central.admin, expired, { validUntil: yesterday });
    await insertIssuedOfferCentral(central.admin, valid, { validUntil: '2099-12-31' });
    await insertIssuedOfferCentral(central.admin, lastDay, { validUntil: today });

    const sweep = startOfferExpirySweep(pool, { intervalMs: 3_600_000 });
    try {
      expect(await sweep.runOnce()).toBe(1);
      expect(await sweep.runOnce()).toBe(0);
    } finally {
      await sweep.stop();
    }
    expect(await caseRow(expired)).toMatchObject({ status: 'closed', closure_reason: 'offer_expired', decision_reason: null });
    expect(await lastMove(expired)).toMatchObject({ actor_id: 'system:offer-expiry', data: { from: 'offer_sent', to: 'closed' } });
    const told = await messagesOf(expired);
    expect(told.map((m) => m.kind)).toEqual(['closure']);
    expect(told[0].body).toContain('Tilbudet om tilknytningsavtale gikk ut uten at eieren godtok det. Saken er avsluttet.');
    expect((await caseRow(valid)).status).toBe('offer_sent');
    expect((await caseRow(lastDay)).status).toBe('offer_sent');
  });
});
