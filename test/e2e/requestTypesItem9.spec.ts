// The desk's case view of the new facts (issue 13 item 9), in Chromium: a construction-power request in the grid
// company's cabinet shows the cabinet's number, the period's last day and the new request types' words; the
// checklist names the cabinet ID once it is missing. Axe-clean; a screenshot in test-results/item9/.
import path from 'node:path';
import { axeViolations, expect, openCaseByKeyboard, test } from './fixtures';

const SCREENS = path.resolve(__dirname, '../../test-results/item9');

test('construction power in the company cabinet: number, period and checklist on the case view', async ({ desk, harness }) => {
  const sqlite = harness.core.database.sqlite;
  const row = sqlite.prepare("SELECT id, case_number AS caseNumber FROM cases WHERE status = 'in_review' ORDER BY id LIMIT 1")
    .get() as { id: number; caseNumber: string };
  sqlite.prepare(`UPDATE cases SET request_type = 'temporary_installation', building_use = 'construction_power',
    company_cabinet = 1, cabinet_id = NULL, wanted_start_date = '2027-01-04', wanted_end_date = '2027-06-30' WHERE id = ?`)
    .run(row.id);
  harness.core.context.casesChanged('all');

  await openCaseByKeyboard(desk, row.caseNumber);
  await expect(desk.getByText('Midlertidig installasjon (byggestrøm)').first()).toBeVisible();
  await expect(desk.getByText('Nettselskapets byggestrømskap, skapnummer')).toBeVisible();
  await expect(desk.getByText('Ønsket sluttdato')).toBeVisible();
  await expect(desk.getByText('Skapnummer på nettselskapets byggestrømskap')).toBeVisible();
  await expect(desk.getByText('Ikke oppgitt: skapnummer · kreves ved nettselskapets byggestrømskap ja')).toBeVisible();
  await desk.screenshot({ path: path.join(SCREENS, 'construction-power-case.png'), fullPage: true });
  expect(await axeViolations(desk)).toEqual([]);
});
