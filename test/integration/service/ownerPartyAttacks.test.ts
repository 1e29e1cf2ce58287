// The grid assessment and the owner as a party at the running service, pushed by a signed-in case handler with a raw
// HTTP client: approval without an assessment, an assessment with a forged assessor, a fødselsnummer or postcode the
// desk would have refused, the meter registered with no grid customer — each refused or neutralised, asserted on the
// answer and on the central rows.
import { beforeAll, describe, expect, it } from 'vitest';
import { centralCompleteness } from '../../../core/sync/centralCaseFacts';
import { useCentralDatabase } from '../../support/centralDatabase';
import { login, newClientId, RawClient } from '../../support/serviceClient';
import { serviceFor } from '../../support/serviceInstances';

const central = useCentralDatabase('svc_owner', { seedCases: 20 });

let kari: RawClient;
let kariLogin = '';
let caseIds: number[] = [];
let nextCase = 0;

/** A new installation of the seed set in `status`: complete, its installer active with DSB, free, not assessed. */
async function freshCase(status = 'in_review'): Promise<number> {
  const caseId = caseIds[nextCase++];
  const { rows: [c] } = await central.admin.query<{ installer_id: string }>('SELECT installer_id FROM cases WHERE id = $1', [caseId]);
  await central.admin.query("UPDATE installers SET dsb_status = 'active' WHERE id = $1", [c.installer_id]);
  await central.admin.query(
    `INSERT INTO dsb_register (organisation_number, name, status, as_of)
     SELECT organisation_number, name, 'active', DATE '2026-11-01' FROM installers WHERE id = $1
     ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`,
    [c.installer_id],
  );
  await central.admin.query('DELETE FROM completeness_rules');
  await central.admin.query(
    `UPDATE cases SET status = $2, request_type = 'new_installation', claimed_by = NULL, lease_until = NULL, assignee_id = NULL,
       complete_at = now(), grid_assessment = NULL, grid_customer_name = NULL,
       completeness_overrides = '{}'
     WHERE id = $1`,
    [caseId, status],
  );
  // Complete: every item the checklist misses overridden with a reason, as the server itself evaluates it.
  const missing = (await centralCompleteness(central.admin, caseId)).items.filter((item) => !item.ok);
  const overrides = Object.fromEntries(missing.map((item) => [item.code, { reason: 'Avklart', by: 'test', at: '2026-11-20T10:00:00Z' }]));
  await central.admin.query('UPDATE cases SET completeness_overrides = $2 WHERE id = $1', [caseId, JSON.stringify(overrides)]);
  return caseId;
}

async function row(caseId: number) {
  const { rows: [r] } = await central.admin.query<{ status: string; grid_assessment: string | null; owner_postcode: string | null;
    owner_national_id: string | null; grid_customer_name: string | null }>(
    'SELECT status, grid_assessment, owner_postcode, owner_national_id, grid_customer_name FROM cases WHERE id = $1', [caseId],
  );
  return r;
}

/** The case's history of `kind` written by this file's pushes (the seed's own history left out). */
async function eventsOf(caseId: number, kind: string) {
  const { rows } = await central.admin.query<{ data: Record<string, unknown>; actor_id: string }>(
    'SELECT data, actor_id FROM case_events WHERE case_id = $1 AND kind = $2 AND actor_id = $3 ORDER BY id', [caseId, kind, kariLogin],
  );
  return rows;
}

const owner = (caseId: number, more: Record<string, unknown> = {}) => ({
  caseId, postalAddress: 'Dronningens gate 14', postcode: '4610', postTown: 'Kristiansand S', organisationNumber: '',
  gridCustomerName: '', ...more,
});

beforeAll(async () => {
  const running = await serviceFor(central.db);
  kariLogin = await central.db.createLogin('kari', 'case_handler');
  kari = await login(running.url, kariLogin);
  const { rows } = await central.admin.query<{ id: string }>('SELECT id FROM cases ORDER BY id');
  caseIds = rows.map((r) => Number(r.id));
});

describe('the grid assessment at the service', () => {
  it('refuses approval pushed without an assessment, and lets it through once one is recorded by the server', async () => {
    const caseId = await freshCase();
    const claimToken = await kari.claim(caseId);
    const [refused] = await kari.push(newClientId(), [
      { seq: 1, name: 'case.approve', args: { caseId, conditions: [] }, precondition: { status: 'in_review', claimToken } },
    ]);
    expect([refused.outcome, refused.code]).toEqual(['refused', 'invalid']);
    expect(refused.message).toContain('gridAssessmentMissing');
    expect((await row(caseId)).status).toBe('in_review');

    const client = newClientId();
    const results = await kari.push(client, [
      // The assessor and the time are the server's: a forged one in args is refused outright.
      { seq: 1, name: 'case.recordGridAssessment', args: { caseId, outcome: 'sound', note: '', by: 'ola', at: '1999-01-01T00:00:00Z' },
        precondition: { status: 'in_review', claimToken } },
      { seq: 2, name: 'case.recordGridAssessment', args: { caseId, outcome: 'sound', note: 'Kapasitet i nettstasjonen' },
        precondition: { status: 'in_review', claimToken, by: 'ola' } },
      { seq: 3, name: 'case.approve', args: { caseId, conditions: [] }, precondition: { status: 'in_review', claimToken } },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'applied', 'applied']);
    const stored = JSON.parse((await row(caseId)).grid_assessment!) as Record<string, string>;
    expect(stored).toMatchObject({ outcome: 'sound', note: 'Kapasitet i nettstasjonen', by: kariLogin });
    expect(Math.abs(Date.now() - Date.parse(stored.at))).toBeLessThan(60_000);
    expect(await eventsOf(caseId, 'grid_assessed')).toEqual([{ data: { outcome: 'sound', note: 'Kapasitet i nettstasjonen' }, actor_id: kariLogin }]);
    expect((await row(caseId)).status).toBe('approved');
  });

  it('refuses approval over a "not sound" assessment, and a "not sound" without its reasons', async () => {
    const caseId = await freshCase();
    const claimToken = await kari.claim(caseId);
    const results = await kari.push(newClientId(), [
      { seq: 1, name: 'case.recordGridAssessment', args: { caseId, outcome: 'not_sound', note: '' }, precondition: { status: 'in_review', claimToken } },
      { seq: 2, name: 'case.recordGridAssessment', args: { caseId, outcome: 'not_sound', note: 'Trafoen er full' }, precondition: { status: 'in_review', claimToken } },
      { seq: 3, name: 'case.approve', args: { caseId, conditions: [] }, precondition: { status: 'in_review', claimToken } },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'applied', 'refused']);
    expect(results[2].message).toContain('gridAssessmentNotSound');
    expect((await row(caseId)).status).toBe('in_review');
  });
});

describe('the owner as a party at the service', () => {
  it('refuses a fødselsnummer, organisation number or postcode that fails its check, and changes nothing', async () => {
    const caseId = await freshCase();
    const claimToken = await kari.claim(caseId);
    const before = await row(caseId);
    const results = await kari.push(newClientId(), [
      { seq: 1, name: 'case.correctOwnerParty', args: owner(caseId, { nationalId: '31129956716' }), precondition: { claimToken } },
      { seq: 2, name: 'case.correctOwnerParty', args: owner(caseId, { organisationNumber: '923609017' }), precondition: { claimToken } },
      { seq: 3, name: 'case.correctOwnerParty', args: owner(caseId, { postcode: '46x0' }), precondition: { claimToken } },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'refused', 'refused']);
    expect(await row(caseId)).toEqual(before);
    expect(await eventsOf(caseId, 'owner_party_corrected')).toEqual([]);
  });

  it('stores a valid correction as the person, the history naming the fields but not the number', async () => {
    const caseId = await freshCase();
    const claimToken = await kari.claim(caseId);
    const [result] = await kari.push(newClientId(), [
      { seq: 1, name: 'case.correctOwnerParty', args: owner(caseId, { nationalId: '31129956715', gridCustomerName: 'Kari Nordmann' }), precondition: { claimToken } },
    ]);
    expect(result.outcome).toBe('applied');
    expect(await row(caseId)).toMatchObject({ owner_postcode: '4610', owner_national_id: '31129956715', grid_customer_name: 'Kari Nordmann' });
    const [event] = await eventsOf(caseId, 'owner_party_corrected');
    expect(event.actor_id).toBe(kariLogin);
    expect(event.data.fields).toEqual(expect.arrayContaining(['postalAddress', 'nationalId', 'gridCustomerName']));
    expect(JSON.stringify(event.data)).not.toContain('56715');
  });

  it('refuses registering the meter mounted while no grid customer is named', async () => {
    const caseId = await freshCase('completion_reported');
    const claimToken = await kari.claim(caseId);
    const results = await kari.push(newClientId(), [
      { seq: 1, name: 'case.registerMeterMounted', args: { caseId }, precondition: { status: 'completion_reported', claimToken } },
      { seq: 2, name: 'case.correctOwnerParty', args: owner(caseId, { gridCustomerName: 'Kari Nordmann' }), precondition: { claimToken } },
      { seq: 3, name: 'case.registerMeterMounted', args: { caseId }, precondition: { status: 'completion_reported', claimToken } },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['refused', 'applied', 'applied']);
    expect(results[0].message).toContain('gridCustomerMissing');
    expect((await row(caseId)).status).toBe('meter_mounted');
  });
});
