// The demo data agrees with the grid assessment and the owner as a party: every case that was approved and needed an
// assessment has one recorded by its approver, every case past the meter has a grid customer, and a new build's owner
// gets post at another address than the building site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridAssessmentOfRow, GRID_ASSESSMENT_COLUMNS, type GridAssessmentRow } from '../../core/casework/gridAssessmentFacts';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

let harness: InProcessHarness;
const sql = () => harness.core.database.sqlite;

beforeAll(() => {
  harness = startInProcessHarness({ cases: 1_500 });
});
afterAll(() => harness.dispose());

describe('the demo data', () => {
  it('has a grid assessment, by the approver, on every approved case that needed one', () => {
    const approved = sql().prepare(
      `SELECT c.id, ${GRID_ASSESSMENT_COLUMNS.split(', ').map((c) => `c.${c}`).join(', ')},
              (SELECT actor_id FROM case_events e WHERE e.case_id = c.id AND e.kind = 'status_changed' AND json_extract(e.data, '$.to') = 'approved'
                ORDER BY e.id LIMIT 1) AS approver
       FROM cases c WHERE EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind = 'status_changed'
                                  AND json_extract(e.data, '$.to') = 'approved')`,
    ).all() as (GridAssessmentRow & { id: number; approver: string })[];
    expect(approved.length).toBeGreaterThan(100);
    const needing = approved.filter((row) => gridAssessmentOfRow(row).required);
    expect(needing.length).toBeGreaterThan(50);
    const missing = needing.filter((row) => gridAssessmentOfRow(row).assessment?.by !== row.approver);
    expect(missing.map((row) => row.id)).toEqual([]);
  });

  it('names the grid customer on every case whose meter is mounted or later', () => {
    const { n } = sql().prepare(
      "SELECT count(*) AS n FROM cases WHERE status IN ('meter_mounted', 'metering_point_registered', 'closed') AND grid_customer_name IS NULL",
    ).get() as { n: number };
    expect(n).toBe(0);
  });

  it('gives a new build’s owner a postal address apart from the site, and every case a whole postal address', () => {
    const rows = sql().prepare(
      "SELECT request_type, address, owner_postal_address, owner_postcode, owner_post_town FROM cases",
    ).all() as { request_type: string; address: string; owner_postal_address: string | null; owner_postcode: string | null; owner_post_town: string | null }[];
    expect(rows.every((r) => r.owner_postal_address && /^\d{4}$/.test(r.owner_postcode ?? '') && r.owner_post_town)).toBe(true);
    const newBuilds = rows.filter((r) => r.request_type === 'new_installation');
    expect(newBuilds.length).toBeGreaterThan(0);
    expect(newBuilds.filter((r) => r.owner_postal_address === r.address)).toEqual([]);
  });
});
