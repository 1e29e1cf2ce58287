// The grid assessment and the owner as a party in the case view: the approve button says an assessment is missing;
// the handler records "sound" and approves; the history tells both. The handler adds the owner's postal address
// (a new build has no mailbox) and names the grid customer; a wrong postcode is shown beside its field first.
import type { HarnessCore } from '../../harness/harnessCore';
import { caseCompleteness } from '../../core/casework/completenessService';
import { axeViolations, expect, test, openCaseByKeyboard } from './fixtures';

/** A new installation under review, complete, its installer active with DSB, not assessed, no postal address. */
function arrange(harness: HarnessCore): { id: number; caseNumber: string } {
  const sqlite = harness.core.database.sqlite;
  const picked = sqlite.prepare(
    "SELECT id, case_number AS caseNumber FROM cases WHERE status IN ('new', 'in_review') AND request_type = 'new_installation' ORDER BY id LIMIT 1",
  ).get() as { id: number; caseNumber: string };
  const overrides = Object.fromEntries(caseCompleteness(sqlite, picked.id).items.filter((item) => !item.ok)
    .map((item) => [item.code, { reason: 'Avklart', by: 'test', at: '2026-11-20T10:00:00Z' }]));
  sqlite.prepare(
    `UPDATE cases SET status = 'in_review', complete_at = '2026-11-20T10:00:00Z', completeness_overrides = ?, grid_assessment = NULL,
       owner_postal_address = NULL, owner_postcode = NULL, owner_post_town = NULL, grid_customer_name = NULL WHERE id = ?`,
  ).run(JSON.stringify(overrides), picked.id);
  sqlite.prepare(
    `INSERT INTO dsb_register (organisation_number, name, status, as_of)
     SELECT i.organisation_number, i.name, 'active', '2026-11-01' FROM installers i JOIN cases c ON c.installer_id = i.id
     WHERE c.id = ? ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`,
  ).run(picked.id);
  harness.core.context.casesChanged('all');
  return picked;
}

test('the handler records the grid assessment, then approves; the history tells both', async ({ desk, harness }) => {
  const picked = arrange(harness);
  await openCaseByKeyboard(desk, picked.caseNumber);
  await expect(desk.getByText('Kan ikke godkjennes ennå:')).toBeVisible();
  await expect(desk.getByText(/Vurder om tilknytningen er driftsmessig forsvarlig/)).toBeVisible();

  const section = desk.getByRole('region', { name: 'Nettvurdering' });
  await expect(section).toContainText('Ingen vurdering registrert.');
  await section.getByRole('button', { name: 'Registrer vurdering' }).click();
  await section.getByRole('radio', { name: 'Forsvarlig med vilkår' }).check();
  await section.getByRole('button', { name: 'Registrer vurdering' }).click();
  await expect(section.getByText('En vurdering med vilkår eller «ikke forsvarlig» må si hvilke vilkår som gjelder eller hvorfor.')).toBeVisible();
  await section.getByLabel('Vilkår eller begrunnelse').fill('Hovedsikring høyst 40 A til nettstasjonen er forsterket');
  expect(await axeViolations(desk)).toEqual([]);
  await desk.screenshot({ path: 'test-results/grid-assessment-form.png', fullPage: true });
  await section.getByRole('button', { name: 'Registrer vurdering' }).click();
  await expect(section.getByTestId('grid-assessment')).toContainText('Forsvarlig med vilkår – vurdert av');
  await expect(section.getByTestId('grid-assessment')).toContainText('Hovedsikring høyst 40 A');
  await expect(desk.getByText('Kan ikke godkjennes ennå:')).toBeHidden();

  await desk.keyboard.press('Alt+KeyG');
  const approveDialog = desk.getByRole('dialog', { name: `Godkjenn forhåndsmelding ${picked.caseNumber}` });
  // The assessment's conditions stand among the approval's: the installer is told them.
  await expect(approveDialog.getByLabel('Andre vilkår')).toHaveValue('Hovedsikring høyst 40 A til nettstasjonen er forsterket');
  await approveDialog.getByRole('button', { name: 'Godkjenn' }).click();
  await expect(approveDialog).toBeHidden();
  const history = desk.getByRole('region', { name: 'Historikk' });
  await expect(history).toContainText('Status endret fra Under behandling til Godkjent');
  await expect(history).toContainText('Vilkår: Hovedsikring høyst 40 A til nettstasjonen er forsterket');
  await expect(history).toContainText('Nettvurdering registrert: Forsvarlig med vilkår');
  await desk.screenshot({ path: 'test-results/grid-assessment-approved.png', fullPage: true });
});

test("the handler adds the owner's postal address and names the grid customer", async ({ desk, harness }) => {
  const picked = arrange(harness);
  await openCaseByKeyboard(desk, picked.caseNumber);
  const owner = desk.getByRole('region', { name: 'Eier' });
  await expect(owner).toContainText('Ikke oppgitt – brev til eier trenger en postadresse');
  await owner.getByRole('button', { name: 'Rett opplysninger om eier' }).click();
  const dialog = desk.getByRole('dialog', { name: `Eier i sak ${picked.caseNumber}` });
  await dialog.getByLabel('Adresse').fill('Dronningens gate 14');
  await dialog.getByLabel('Postnummer').fill('461');
  await dialog.getByLabel('Poststed').fill('Kristiansand S');
  await dialog.getByLabel('Nettkunde (navn)').fill('Kari Nordmann');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByText('Et postnummer har fire sifre.')).toBeVisible();
  await dialog.getByLabel('Postnummer').fill('4610');
  await expect(dialog).toHaveCSS('opacity', '1');
  expect(await axeViolations(desk)).toEqual([]);
  await desk.screenshot({ path: 'test-results/owner-party-dialog.png' });
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog).toBeHidden();
  await expect(owner).toContainText('Dronningens gate 14, 4610 Kristiansand S');
  await expect(owner).toContainText('Kari Nordmann');
  await expect(desk.getByRole('region', { name: 'Historikk' })).toContainText('Opplysninger om eier rettet: postadresse, nettkunde');
  const stored = harness.core.database.sqlite
    .prepare('SELECT owner_postal_address, owner_postcode, owner_post_town, grid_customer_name FROM cases WHERE id = ?').get(picked.id);
  expect(stored).toEqual({ owner_postal_address: 'Dronningens gate 14', owner_postcode: '4610', owner_post_town: 'Kristiansand S', grid_customer_name: 'Kari Nordmann' });
});
