// The case view shows the facts the new completeness rules read (issue 13 item 9), standalone on a real SQLite
// file: a shared service line, construction power's company cabinet with its number and the period's last day, and
// the checklist naming what they make required.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/contract';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

let harness: InProcessHarness;
beforeEach(() => {
  harness = startInProcessHarness({ cases: 20 });
});
afterEach(() => harness.dispose());

const sqlite = () => harness.core.database.sqlite;
async function detailOf(caseId: number): Promise<CaseDetail> {
  const result = await harness.core.dispatch('case.get', { caseId });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as CaseDetail;
}
async function missingOf(caseId: number): Promise<string[]> {
  const result = await harness.core.dispatch('case.completeness', { caseId });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { items: { code: string; ok: boolean }[] }).items.filter((i) => !i.ok).map((i) => i.code);
}

describe('the case view and checklist of the new facts', () => {
  it('a fuse change on a shared service line: shown, and the consent asked for', async () => {
    const { id } = sqlite().prepare("SELECT id FROM cases WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.case_id = cases.id AND a.kind = 'co_owner_consent') ORDER BY id LIMIT 1").get() as { id: number };
    sqlite().prepare("UPDATE cases SET request_type = 'fuse_change', shared_service_line = 1, unit_count = 1 WHERE id = ?").run(id);
    harness.core.context.casesChanged([id]);
    expect((await detailOf(id)).installation).toMatchObject({ sharedServiceLine: true, companyCabinet: false, cabinetId: null });
    expect(await missingOf(id)).toContain('co_owner_consent');
  });

  it('construction power in the company cabinet: its number and the end of the period shown, and asked for when missing', async () => {
    const { id } = sqlite().prepare('SELECT id FROM cases ORDER BY id DESC LIMIT 1').get() as { id: number };
    sqlite().prepare(`UPDATE cases SET request_type = 'temporary_installation', company_cabinet = 1, cabinet_id = 'BS-0412',
      wanted_start_date = '2027-01-04', wanted_end_date = '2027-06-30' WHERE id = ?`).run(id);
    harness.core.context.casesChanged([id]);
    const detail = await detailOf(id);
    expect(detail.installation).toMatchObject({ companyCabinet: true, cabinetId: 'BS-0412' });
    expect(detail.wantedEndDate).toBe('2027-06-30');
    expect(await missingOf(id)).not.toContain('cabinet_id');
    sqlite().prepare('UPDATE cases SET cabinet_id = NULL, wanted_end_date = NULL WHERE id = ?').run(id);
    expect(await missingOf(id)).toEqual(expect.arrayContaining(['cabinet_id', 'construction_power_period']));
  });
});
