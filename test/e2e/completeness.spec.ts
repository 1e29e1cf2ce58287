// Completeness in the browser, by keyboard where a handler would use it: a new request that misses a site map and a
// power budget shows both in the checklist with why; one is overridden with a reason; Alt+B asks the installer for
// the other in an edited Norwegian letter; the case then waits for the installer and the history tells it all.
import { axeViolations, expect, test } from './fixtures';

test('checklist → override → request for information → waiting for the installer, clean under axe', async ({ desk, harness }) => {
  const sqlite = harness.core.database.sqlite;
  const target = sqlite
    .prepare(
      `SELECT c.id, c.case_number FROM cases c JOIN installers i ON i.id = c.installer_id
       WHERE c.status = 'new' AND i.email IS NOT NULL ORDER BY c.submitted_at LIMIT 1`,
    )
    .get() as { id: number; case_number: string };
  // A house on 400 V TN with a 50 A main fuse: above the 40 A threshold, so a power budget is required.
  sqlite
    .prepare(
      `UPDATE cases SET request_type = 'new_installation', network_system = '400V_TN', main_fuse_a = 50, unit_count = 1,
         has_production = 0, owner_email = 'eier@example.no', gnr = 12, bnr = 34, expected_power_kw = 20,
         complete_at = NULL, due_date = NULL, completeness_overrides = '{}', clock_paused_on = NULL WHERE id = ?`,
    )
    .run(target.id);
  sqlite.prepare("DELETE FROM attachments WHERE case_id = ? AND kind IN ('site_map', 'power_budget')").run(target.id);
  // The owner's signed grid-rental order is there (a new installation needs it): the two missing items are the story.
  sqlite.prepare(`INSERT INTO attachments (case_id, kind, file_name, mime_type, size_bytes, sha256, received_at)
    SELECT ?, 'grid_rental_order', 'nettleie.pdf', mime_type, size_bytes, sha256, received_at FROM attachments
    WHERE mime_type = 'application/pdf' AND NOT EXISTS (SELECT 1 FROM attachments WHERE case_id = ? AND kind = 'grid_rental_order') LIMIT 1`)
    .run(target.id, target.id);
  harness.core.context.casesChanged([target.id]);

  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill(target.case_number);
  await desk.getByText(target.case_number, { exact: true }).first().click();
  await expect(desk.getByRole('heading', { level: 1, name: target.case_number })).toBeVisible();

  const checklist = desk.getByRole('region', { name: 'Kompletthet' });
  await expect(checklist).toContainText('Ikke komplett – 2 mangler');
  const siteMap = checklist.locator('li[data-item="site_map"]');
  const powerBudget = checklist.locator('li[data-item="power_budget"]');
  await expect(siteMap).toContainText('Mangler');
  await expect(siteMap).toContainText('Vedlegg mangler: Situasjonskart');
  await expect(powerBudget).toContainText('kreves ved nettsystem 400 V TN, hovedsikring 50 A');
  await expect(checklist.locator('li[data-item="owner_email"]')).toContainText('I orden');

  // Override the site map, by keyboard: the button, a reason, Enter on the save button.
  await checklist.getByRole('button', { name: 'Overstyr «Situasjonskart 1:500 med tilknytningsskap»' }).focus();
  await desk.keyboard.press('Enter');
  const reason = checklist.getByRole('textbox', { name: /Hvorfor er «Situasjonskart/ });
  await expect(reason).toBeFocused();
  await reason.fill('Kartet ligger i enlinjeskjemaet, side 2');
  await checklist.getByRole('button', { name: 'Lagre overstyring' }).press('Enter');
  await expect(siteMap).toContainText('Overstyrt');
  await expect(siteMap).toContainText('Kartet ligger i enlinjeskjemaet, side 2');
  await expect(checklist).toContainText('Ikke komplett – 1 mangel');

  // Alt+B opens the letter for the one missing item, drafted in Norwegian; the handler edits it and sends it.
  await desk.getByRole('heading', { level: 1, name: target.case_number }).focus();
  await desk.keyboard.press('Alt+KeyB');
  const dialog = desk.getByRole('dialog', { name: `Be om opplysninger – sak ${target.case_number}` });
  await expect(dialog).toBeVisible();
  const body = dialog.getByRole('textbox', { name: 'Brev' });
  await expect(body).toHaveValue(/Vi mangler følgende for å kunne behandle meldingen:\n- Effektberegning\n/);
  await expect(dialog).toContainText('Til: ');
  expect(await axeViolations(desk)).toEqual([]);
  await body.fill(`${await body.inputValue()}\n\nPS: Effektberegningen må vise samtidighet for varmepumpe og elbillader.`);
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog).toBeHidden();
  // Focus goes back where it was when the dialog opened.
  await expect(desk.getByRole('heading', { level: 1, name: target.case_number })).toBeFocused();

  await expect(desk.getByText('Venter på installatør').first()).toBeVisible();
  await expect(checklist).toContainText('Venter på installatør siden');
  // Nothing more to ask for while the case waits: the missing item can no longer be picked.
  await expect(powerBudget.getByRole('checkbox')).toHaveCount(0);
  const history = desk.getByRole('region', { name: 'Historikk' });
  await expect(history).toContainText('Brev om mangler lagt til utsending');
  await expect(history).toContainText('Kompletthetskrav overstyrt: Situasjonskart 1:500 med tilknytningsskap');
  const stored = sqlite.prepare('SELECT body, items FROM outgoing_messages WHERE case_id = ?').get(target.id) as { body: string; items: string };
  expect(stored.items).toBe('["power_budget"]');
  expect(stored.body).toContain('samtidighet for varmepumpe og elbillader');

  expect(await axeViolations(desk)).toEqual([]);
});
