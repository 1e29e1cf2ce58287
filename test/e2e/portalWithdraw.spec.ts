// The installer withdraws its own request in the portal (issue 13), in Chromium against a real central service: the
// case page offers it on an open case; the confirmation says what follows and asks for a reason; the case is then
// closed as withdrawn by the installer, the confirmation is in the thread, and the button is gone. At a phone's
// width and a desktop's, axe-clean, with screenshots in test-results/portal-screens/.
import { newInstallation, send } from '../integration/portal/caseFixture';
import { firmWithAdmin, portalLogin } from '../integration/portal/portalFixture';
import { expect, test } from './fixtures';
import { portalService } from './portalService';
import { checkScreen, heading, logInAt } from './portalScreens';

const portal = portalService('e2e_portal_withdraw');

for (const [width, height] of [[375, 812], [1280, 900]] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test('the installer withdraws its request with a reason; the case closes and says so', async ({ page }) => {
      const email = `trekk-${width}@saker.test`;
      const firm = await firmWithAdmin(portal.url, portal.admin, portal.supervisor, email, `Trekk Elektro ${width} AS`);
      const installer = await portalLogin(portal.url, email);
      const caseNumber = await send(installer, newInstallation(firm, `Angreveien ${width}`, '2026-11-02T08:15:00+01:00'));

      await logInAt(page, portal.url, email);
      await page.getByRole('main').getByRole('link', { name: caseNumber }).click();
      await expect(heading(page, `Sak ${caseNumber}`)).toBeVisible();
      await page.getByRole('button', { name: 'Trekk forhåndsmeldingen' }).click();
      const dialog = page.getByRole('dialog', { name: `Trekke forhåndsmeldingen i sak ${caseNumber}?` });
      await expect(dialog).toContainText('Saken avsluttes og kan ikke åpnes igjen.');
      const reason = dialog.getByRole('textbox', { name: /Begrunnelse/ });
      await expect(reason).toBeFocused();
      // A reason is required.
      await dialog.getByRole('button', { name: 'Trekk meldingen' }).click();
      await expect(dialog).toContainText('Skriv hvorfor meldingen trekkes.');
      await reason.fill('Kunden har valgt å vente et år med utbyggingen.');
      await checkScreen(page, 'withdraw-dialog');
      await dialog.getByRole('button', { name: 'Trekk meldingen' }).click();
      await expect(dialog).toBeHidden();

      await expect(page.getByRole('status').filter({ hasText: 'Forhåndsmeldingen er trukket, og saken er avsluttet.' })).toBeVisible();
      const main = page.getByRole('main');
      await expect(main).toContainText('Trukket av installatøren');
      await expect(main).toContainText('Kunden har valgt å vente et år med utbyggingen.');
      await expect(main).toContainText('Forhåndsmelding trukket');
      await expect(page.getByRole('button', { name: 'Trekk forhåndsmeldingen' })).toHaveCount(0);
      const { rows: [row] } = await portal.admin.query<{ status: string; closure_reason: string }>(
        'SELECT status, closure_reason FROM cases WHERE case_number = $1', [caseNumber]);
      expect(row).toEqual({ status: 'closed', closure_reason: 'withdrawn_by_installer' });
      await checkScreen(page, 'withdrawn-case');
    });
  });
}
