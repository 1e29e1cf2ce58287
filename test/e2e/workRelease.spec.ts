// Work orders follow the case, in the browser: a supervisor opens a new house whose owner has been invoiced but has
// not paid; the work order section says the service line is not released and why, and offers no order button. The
// payment is registered (on Tuesday 24 November); the section says when and by what the work was released, and the
// order gets its due date counted from that day. The meter mounting waits for the ferdigmelding throughout.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import { insertIssuedOffer } from '../support/issuedOffer';
import { expect, openCaseByKeyboard, openDesk, test } from './fixtures';

const SUPPLIER = 'Kristiansand Kabel og Montasje AS';

/** A new house in Kristiansand, its offer accepted and invoiced; its installer is prequalified for nothing. */
function prepareCase(harness: HarnessCore): { id: number; caseNumber: string } {
  const sqlite = harness.core.database.sqlite;
  const row = sqlite.prepare("SELECT id, case_number, installer_id FROM cases WHERE status IN ('new', 'in_review') ORDER BY id LIMIT 1")
    .get() as { id: number; case_number: string; installer_id: number };
  sqlite.prepare(`UPDATE cases SET request_type = 'new_installation', main_fuse_a = 40, has_production = 0, municipality_number = '4204',
                    work_routing = '{}', status = 'invoice_sent', meter_numbers = '[]' WHERE id = ?`).run(row.id);
  sqlite.prepare('DELETE FROM prequalifications WHERE installer_id = ?').run(row.installer_id);
  sqlite.prepare(`INSERT INTO dsb_register (organisation_number, name, status, as_of)
                  SELECT organisation_number, name, 'active', '2026-11-20' FROM installers WHERE id = ?
                  ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`).run(row.installer_id);
  insertIssuedOffer(sqlite, row.id, { grossOre: 1_234_550 });
  return { id: row.id, caseNumber: row.case_number };
}

async function violationsIn(desk: Page, selector: string) {
  const results = await new AxeBuilder({ page: desk }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => ({ id: v.id, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

test.describe('as a supervisor', () => {
  let harness: HarnessCore;
  test.beforeEach(() => {
    harness = startHarnessCore({ cases: 120, userId: 'marit.rosseland' });
  });
  test.afterEach(async () => {
    await harness.dispose();
  });

  test('the service line cannot be ordered before payment; once paid it can, due counted from the payment', async ({ page }, info) => {
    const target = prepareCase(harness);
    await openDesk(page, harness.core);
    await openCaseByKeyboard(page, target.caseNumber);

    const panel = page.getByRole('region', { name: 'Arbeidsordre' });
    const cable = panel.getByTestId('work-proposal-service_cable_connection');
    const meter = panel.getByTestId('work-proposal-direct_meter_mounting');
    await expect(cable).toHaveAttribute('data-state', 'notReleased');
    await expect(cable).toContainText('Ikke frigitt');
    await expect(cable).toContainText(`${SUPPLIER} etter rammeavtalen: frist 10 virkedager etter at arbeidet er frigitt.`);
    await expect(cable.getByTestId('work-release')).toHaveText('Kan ikke bestilles ennå: arbeidet frigis når eieren har betalt anleggsbidraget.');
    await expect(cable.getByRole('button')).toHaveCount(0);
    await expect(meter.getByTestId('work-release')).toContainText('måleren monteres etter ferdigmeldingen');
    await expect(meter.getByRole('button')).toHaveCount(0);
    expect(await violationsIn(page, '[data-testid="work-order-panel"]')).toEqual([]);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath('work-not-released.png'), fullPage: false });

    // The payment made Tuesday 24 November is registered from the decision bar.
    await page.getByRole('heading', { level: 1, name: target.caseNumber }).focus();
    await page.keyboard.press('Alt+KeyI');
    const dialog = page.getByRole('dialog', { name: `Registrer betaling i sak ${target.caseNumber}` });
    await dialog.getByLabel(/^Dato/).fill('2026-11-24');
    await dialog.getByRole('button', { name: 'Registrer betaling' }).click();
    await expect(dialog).toBeHidden();
    await expect(cable).toHaveAttribute('data-state', 'proposed');
    await expect(cable.getByTestId('work-release')).toHaveText('Frigitt 24.11.2026 da anleggsbidraget var betalt.');
    // Tuesday 24 November + 10 working days, not Friday 27th (today) + 10.
    await expect(cable).toContainText(`${SUPPLIER} etter rammeavtalen: frist 08.12.2026 (10 virkedager etter at arbeidet ble frigitt).`);
    await expect(meter).toHaveAttribute('data-state', 'notReleased');
    expect(await violationsIn(page, '[data-testid="work-order-panel"]')).toEqual([]);
    await page.screenshot({ path: info.outputPath('work-released.png'), fullPage: false });

    await cable.getByRole('button', { name: `Bestill fra ${SUPPLIER}` }).click();
    const order = panel.getByTestId('work-order-service_cable_connection');
    await expect(order.getByTestId('work-order-status')).toHaveText('Bestilt');
    await expect(order.getByTestId('work-order-due')).toContainText('Frist 08.12.2026 (10 virkedager etter avtalen)');
  });
});
