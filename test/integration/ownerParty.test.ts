// The owner as a party and the grid assessment against a real SQLite file, through the contract as the renderer
// calls it: the assessment recorded with who and when, approval refused without it or when it finds the connection
// unsound, the owner's postal address / identity / grid customer corrected and checked, the history naming the
// fields (never a fødselsnummer), and the meter refused until the grid customer is named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, CaseDetail } from '../../shared/contract';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

let harness: InProcessHarness;
let caseId: number;
let me: string;

const sql = () => harness.core.database.sqlite;
const dispatch = (name: string, input: unknown) => harness.core.dispatch(name, input);
const errorCode = (result: ApiResult<unknown>) => (result.ok ? null : result.error.code);
const detail = async () => {
  const result = await dispatch('case.get', { caseId });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as CaseDetail;
};
const lastEvent = (kind: string) => {
  const event = sql().prepare('SELECT data, actor_id FROM case_events WHERE case_id = ? AND kind = ? ORDER BY id DESC LIMIT 1')
    .get(caseId, kind) as { data: string; actor_id: string } | undefined;
  return event ? { data: JSON.parse(event.data) as Record<string, unknown>, actor: event.actor_id } : null;
};
const owner = (more: Record<string, unknown> = {}) => ({
  caseId, postalAddress: 'Dronningens gate 14', postcode: '4610', postTown: 'Kristiansand S', organisationNumber: '',
  gridCustomerName: '', ...more,
});

/** A new installation under review, complete, its installer active with DSB, no assessment, no grid customer. */
function arrange(status = 'in_review') {
  const c = sql().prepare('SELECT installer_id FROM cases WHERE id = ?').get(caseId) as { installer_id: number };
  const org = (sql().prepare('SELECT organisation_number FROM installers WHERE id = ?').get(c.installer_id) as { organisation_number: string }).organisation_number;
  sql().prepare("UPDATE installers SET dsb_status = 'active' WHERE id = ?").run(c.installer_id);
  sql().prepare("INSERT OR REPLACE INTO dsb_register (organisation_number, name, status, as_of) VALUES (?, 'Registrert', 'active', '2026-11-01')").run(org);
  sql().prepare(
    `UPDATE cases SET status = ?, request_type = 'new_installation', grid_assessment = NULL, grid_customer_name = NULL,
       owner_postal_address = NULL, owner_postcode = NULL, owner_post_town = NULL, owner_organisation_number = NULL, complete_at = '2026-11-20T10:00:00Z' WHERE id = ?`,
  ).run(status, caseId);
  sql().prepare('DELETE FROM completeness_rules').run();
  const checklist = (harness.core.handlers['case.completeness']({ caseId }) as { items: { code: string; ok: boolean }[] }).items;
  const overrides = Object.fromEntries(checklist.filter((i) => !i.ok).map((i) => [i.code, { reason: 'Avklart', by: me, at: '2026-11-20T10:00:00Z' }]));
  sql().prepare('UPDATE cases SET completeness_overrides = ? WHERE id = ?').run(JSON.stringify(overrides), caseId);
  harness.core.context.casesChanged([caseId]);
}

beforeAll(() => {
  harness = startInProcessHarness({ cases: 30 });
  caseId = (sql().prepare('SELECT id FROM cases ORDER BY id LIMIT 1').get() as { id: number }).id;
  me = harness.core.context.currentUser().id;
});
afterAll(() => harness.dispose());

describe('the grid assessment', () => {
  it('is required before approving a new installation: the button says why and the mutation refuses', async () => {
    arrange();
    const before = await detail();
    expect(before.gridAssessmentRequired).toBe(true);
    expect(before.actionBlockers.approve).toEqual([{ code: 'decision.gridAssessmentMissing' }]);
    expect(errorCode(await dispatch('case.act', { caseId, action: 'approve' }))).toBe('decision.gridAssessmentMissing');
    expect((await detail()).status).toBe('in_review');
  });

  it('recorded as sound by the handler, with who and when, lets the case be approved', async () => {
    arrange();
    const result = await dispatch('case.recordGridAssessment', { caseId, outcome: 'sound', note: 'Ledig kapasitet i nettstasjonen' });
    expect(result.ok).toBe(true);
    const shown = await detail();
    expect(shown.gridAssessment).toMatchObject({ outcome: 'sound', note: 'Ledig kapasitet i nettstasjonen' });
    expect(shown.gridAssessment?.byName).toBe(harness.core.context.currentUser().displayName);
    expect(lastEvent('grid_assessed')).toEqual({ data: { outcome: 'sound', note: 'Ledig kapasitet i nettstasjonen' }, actor: me });
    expect(shown.actionBlockers.approve).toEqual([]);
    expect((await dispatch('case.act', { caseId, action: 'approve' })).ok).toBe(true);
    expect((await detail()).status).toBe('approved');
  });

  it('found not sound stands in the way of approval, but the case can be rejected', async () => {
    arrange();
    expect(errorCode(await dispatch('case.recordGridAssessment', { caseId, outcome: 'not_sound', note: ' ' }))).toBe('gridAssessment.noteRequired');
    expect((await detail()).gridAssessment).toBeNull();
    expect((await dispatch('case.recordGridAssessment', { caseId, outcome: 'not_sound', note: 'Trafoen er fullt belastet' })).ok).toBe(true);
    expect(errorCode(await dispatch('case.act', { caseId, action: 'approve' }))).toBe('decision.gridAssessmentNotSound');
    expect((await dispatch('case.act', { caseId, action: 'reject', reason: 'Nettet tåler ikke mer last her før forsterkning' })).ok).toBe(true);
  });

  it('is recorded before the decision, not after', async () => {
    arrange('approved');
    expect(errorCode(await dispatch('case.recordGridAssessment', { caseId, outcome: 'sound', note: '' }))).toBe('decision.notAllowed');
  });

  it('is not asked of simple work at the metering point', async () => {
    arrange();
    sql().prepare("UPDATE cases SET request_type = 'metering_point_work', has_production = 0 WHERE id = ?").run(caseId);
    harness.core.context.casesChanged([caseId]);
    const shown = await detail();
    expect(shown.gridAssessmentRequired).toBe(false);
    expect(shown.actionBlockers.approve ?? []).not.toContainEqual({ code: 'decision.gridAssessmentMissing' });
  });
});

describe("correcting the owner as a party", () => {
  it('stores the postal address and grid customer, and the history names the fields', async () => {
    arrange();
    expect((await dispatch('case.correctOwnerParty', owner({ gridCustomerName: 'Kari Nordmann' }))).ok).toBe(true);
    const shown = await detail();
    expect(shown.owner.postalAddress).toEqual({ address: 'Dronningens gate 14', postcode: '4610', postTown: 'Kristiansand S' });
    expect(shown.owner.gridCustomerName).toBe('Kari Nordmann');
    expect(lastEvent('owner_party_corrected')?.data).toEqual({ fields: ['postalAddress', 'gridCustomerName'] });
  });

  it('refuses a wrong postcode, organisation number or fødselsnummer and changes nothing', async () => {
    arrange();
    const events = () => (sql().prepare('SELECT count(*) AS n FROM case_events WHERE case_id = ?').get(caseId) as { n: number }).n;
    const before = events();
    expect(errorCode(await dispatch('case.correctOwnerParty', owner({ postcode: '46100' })))).toBe('ownerParty.postcodeInvalid');
    expect(errorCode(await dispatch('case.correctOwnerParty', owner({ organisationNumber: '923609017' })))).toBe('ownerParty.organisationNumberInvalid');
    expect(errorCode(await dispatch('case.correctOwnerParty', owner({ nationalId: '31129956716' })))).toBe('ownerParty.nationalIdInvalid');
    expect(errorCode(await dispatch('case.correctOwnerParty', owner({ postTown: '' })))).toBe('ownerParty.postalAddressIncomplete');
    expect(events()).toBe(before);
    expect((await detail()).owner.postalAddress).toBeNull();
  });

  it('keeps a new fødselsnummer out of the history and shows it masked', async () => {
    arrange();
    sql().prepare("UPDATE cases SET owner_id_kind = 'national_id' WHERE id = ?").run(caseId);
    expect((await dispatch('case.correctOwnerParty', owner({ nationalId: '311299 56715' }))).ok).toBe(true);
    expect((sql().prepare('SELECT owner_national_id FROM cases WHERE id = ?').get(caseId) as { owner_national_id: string }).owner_national_id)
      .toBe('31129956715');
    expect((await detail()).owner.idDisplay).toBe('311299 *****');
    const history = sql().prepare('SELECT data FROM case_events WHERE case_id = ?').all(caseId) as { data: string }[];
    expect(history.some((e) => e.data.includes('56715'))).toBe(false);
  });
});

describe('the meter and the grid customer', () => {
  it('refuses registering the meter mounted until the grid customer is named', async () => {
    arrange('completion_reported');
    expect((await detail()).actionBlockers.registerMeterMounted).toEqual([{ code: 'decision.gridCustomerMissing' }]);
    expect(errorCode(await dispatch('case.act', { caseId, action: 'registerMeterMounted' }))).toBe('decision.gridCustomerMissing');
    expect((await dispatch('case.correctOwnerParty', owner({ gridCustomerName: 'Kari Nordmann' }))).ok).toBe(true);
    expect((await dispatch('case.act', { caseId, action: 'registerMeterMounted' })).ok).toBe(true);
    expect((await detail()).status).toBe('meter_mounted');
  });
});
