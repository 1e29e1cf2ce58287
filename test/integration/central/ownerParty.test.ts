// The grid assessment and the owner as a party pushed from a desk to a real PostgreSQL: the central row and history
// as the desk showed them, the assessor the person the service authenticated, and the desk's optimistic history
// replaced by the server's in the same shape.
import { describe, expect, it } from 'vitest';
import type pg from 'pg';
import { caseCompleteness } from '../../../core/casework/completenessService';
import type { CaseDetail } from '../../../shared/contract';
import { ok } from '../../support/apiResult';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually, type Client } from '../../support/syncClients';

let admin: pg.Client;
let anne: Client;

const central = useCentralDatabase('owner_party', {
  seedCases: 60,
  admin: 'desk',
  async setup() {
    admin = central.admin;
    anne = await central.startClient('anne', 'case_handler');
    await anne.core.central!.engine.whenIdle();
  },
});

/** A new installation under review, complete, its installer active with DSB, not assessed; claimed by Anne. */
async function claimedCase(): Promise<number> {
  const { rows: [row] } = await admin.query<{ id: string; installer_id: string }>(
    // Not a closed one (closed is final): the first download left part of such a case out (closedCaseDetail.ts).
    "SELECT id, installer_id FROM cases WHERE claimed_by IS NULL AND status <> 'closed' ORDER BY id LIMIT 1",
  );
  const caseId = Number(row.id);
  await admin.query(
    `INSERT INTO dsb_register (organisation_number, name, status, as_of)
     SELECT organisation_number, name, 'active', DATE '2026-11-01' FROM installers WHERE id = $1
     ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`,
    [row.installer_id],
  );
  await admin.query(
    `UPDATE cases SET status = 'in_review', request_type = 'new_installation', complete_at = now(), grid_assessment = NULL,
       grid_customer_name = NULL, owner_postal_address = NULL, owner_postcode = NULL, owner_post_town = NULL WHERE id = $1`,
    [caseId],
  );
  await eventually(() => (anne.core.handlers['case.get']({ caseId }) as CaseDetail).requestType === 'new_installation', 5_000, 'the case in the cache');
  const missing = caseCompleteness(anne.core.database.sqlite, caseId).items.filter((item) => !item.ok);
  const overrides = Object.fromEntries(missing.map((item) => [item.code, { reason: 'Avklart', by: 'test', at: '2026-11-20T10:00:00Z' }]));
  await admin.query('UPDATE cases SET completeness_overrides = $2 WHERE id = $1', [caseId, JSON.stringify(overrides)]);
  ok(await anne.core.dispatch('case.claim', { caseId }));
  await eventually(() => (anne.core.handlers['case.get']({ caseId }) as CaseDetail).claim.state === 'mine', 5_000, 'the claim');
  await eventually(
    () => ((anne.core.handlers['case.get']({ caseId }) as CaseDetail).actionBlockers.approve ?? []).every((b) => b.code === 'decision.gridAssessmentMissing'),
    5_000, 'the complete case in the cache',
  );
  return caseId;
}

async function pushed(): Promise<void> {
  await eventually(
    () => (anne.core.database.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }).n === 0,
    5_000, 'the push',
  );
  await anne.core.central!.engine.whenIdle();
}

const localEvents = (caseId: number, kind: string) =>
  anne.core.database.sqlite.prepare('SELECT data, pending_seq FROM case_events WHERE case_id = ? AND kind = ? ORDER BY id')
    .all(caseId, kind) as { data: string; pending_seq: number | null }[];

describe('from the desk to the central database', () => {
  it('records the assessment as the person, then approves; the cache ends with the server’s history', async () => {
    const caseId = await claimedCase();
    ok(await anne.core.dispatch('case.recordGridAssessment', { caseId, outcome: 'sound_with_conditions', note: 'Høyst 40 A' }));
    ok(await anne.core.dispatch('case.act', { caseId, action: 'approve', conditions: [] }));
    await pushed();
    const { rows: [row] } = await admin.query<{ status: string; grid_assessment: string }>('SELECT status, grid_assessment FROM cases WHERE id = $1', [caseId]);
    expect(row.status).toBe('approved');
    expect(JSON.parse(row.grid_assessment)).toMatchObject({ outcome: 'sound_with_conditions', note: 'Høyst 40 A', by: anne.login });
    const { rows: events } = await admin.query<{ data: unknown; actor_id: string }>(
      "SELECT data::text AS data, actor_id FROM case_events WHERE case_id = $1 AND kind = 'grid_assessed' AND actor_id = $2", [caseId, anne.login]);
    for (const event of events) event.data = JSON.parse(String(event.data));
    expect(events).toEqual([{ data: { outcome: 'sound_with_conditions', note: 'Høyst 40 A' }, actor_id: anne.login }]);
    const settled = await eventually(() => {
      const local = localEvents(caseId, 'grid_assessed');
      return local.length > 0 && local.every((e) => e.pending_seq === null) ? local : null;
    }, 5_000, "the server's assessment event in the cache");
    expect(settled.map((e) => JSON.parse(e.data))).toContainEqual({ outcome: 'sound_with_conditions', note: 'Høyst 40 A' });
  });

  it('corrects the owner’s postal address and grid customer; both sides name the same fields', async () => {
    const caseId = await claimedCase();
    ok(await anne.core.dispatch('case.correctOwnerParty', {
      caseId, postalAddress: 'Dronningens gate 14', postcode: '4610', postTown: 'Kristiansand S',
      organisationNumber: (anne.core.handlers['case.get']({ caseId }) as CaseDetail).owner.organisationNumber ?? '', gridCustomerName: 'Kari Nordmann',
    }));
    const optimistic = localEvents(caseId, 'owner_party_corrected').map((e) => JSON.parse(e.data));
    await pushed();
    const { rows: [row] } = await admin.query('SELECT owner_postal_address, owner_postcode, owner_post_town, grid_customer_name FROM cases WHERE id = $1', [caseId]);
    expect(row).toEqual({ owner_postal_address: 'Dronningens gate 14', owner_postcode: '4610', owner_post_town: 'Kristiansand S', grid_customer_name: 'Kari Nordmann' });
    const { rows: events } = await admin.query<{ data: string }>(
      "SELECT data::text AS data FROM case_events WHERE case_id = $1 AND kind = 'owner_party_corrected' AND actor_id = $2", [caseId, anne.login]);
    expect(events.map((e) => JSON.parse(e.data))).toEqual(optimistic);
    expect(optimistic).toEqual([{ fields: ['postalAddress', 'gridCustomerName'] }]);
  });
});
