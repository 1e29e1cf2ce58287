// Construction power on the installers' portal: the firm opens its cabinet's case once the grid company has taken
// it down and reads both meter readings, the dates, the days and the rent billed — on a phone and a desktop,
// axe-clean, with screenshots in test-results/portal-screens/.
import { constructionPowerCase } from '../integration/portal/constructionPowerCase';
import { firmWithAdmin, portalLogin } from '../integration/portal/portalFixture';
import { expect, test } from './fixtures';
import { portalService } from './portalService';
import { checkScreen, heading, logInAt } from './portalScreens';

const portal = portalService('e2e_portal_construction_power');

for (const [width, height] of [[375, 812], [1280, 900]] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test('the installer reads the readings at both ends, the days and the rent billed', async ({ page }) => {
      const email = `bygg-${width}@byggestrom.test`;
      const firm = await firmWithAdmin(portal.url, portal.admin, portal.supervisor, email, `Byggestrøm Elektro ${width} AS`);
      const installer = await portalLogin(portal.url, email);
      const cabinet = await constructionPowerCase(installer, firm, `CP-E2E-${width}`);
      // Taken down by the grid company: 2.–20. November, both counted, at 22 kr a day.
      await portal.admin.query(
        `UPDATE cases SET status = 'disconnected', power_connected_on = '2026-11-02', start_meter_reading = 1520.5,
           power_disconnected_on = '2026-11-20', final_meter_reading = 4210, cabinet_rent_days = 19,
           cabinet_rent_rate_ore = 2200, cabinet_rent_net_ore = 41800 WHERE case_number = $1`,
        [cabinet],
      );

      await logInAt(page, portal.url, email);
      await page.getByRole('main').getByRole('link', { name: cabinet }).click();
      await expect(heading(page, `Sak ${cabinet}`)).toBeVisible();
      const card = page.getByRole('region', { name: 'Byggestrøm' });
      await expect(card).toContainText(/Målerstand ved tilkobling\s*1\s520,5 kWh/);
      await expect(card).toContainText(/Sluttavlesning\s*4\s210 kWh/);
      await expect(card).toContainText(/Leiedager\s*19 dager/);
      await expect(card).toContainText(/19 dager × 22,00\skr eks\. mva\. = 522,50\skr inkl\. mva\./);
      await expect(card).toContainText('Feil måleravlesning på byggestrømskap');
      await card.scrollIntoViewIfNeeded();
      await checkScreen(page, 'case-construction-power');
    });
  });
}
