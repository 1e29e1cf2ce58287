// The installer panel: the grid-side work the case needs, who may do it, and the routing decision recorded from
// the proposal — with the keyboard, into the history, clean under axe.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadDsbRegisterIntoSqlite } from '../../core/registers/dsbRegisterStore';
import type { InstallerCheckView } from '../../shared/contract';
import type { HarnessDesk } from '../../harness/harnessCore';
import { expect, test } from './fixtures';

async function checkOf(core: HarnessDesk, caseId: number): Promise<InstallerCheckView> {
  const result = await core.dispatch('case.installerCheck', { caseId });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as InstallerCheckView;
}

/** The first open case (in the queue's default view) whose check satisfies `wanted`. */
async function findCase(core: HarnessDesk, wanted: (check: InstallerCheckView) => boolean) {
  const candidates = core.database.sqlite
    .prepare("SELECT id, case_number FROM cases WHERE status IN ('new', 'in_review') ORDER BY submitted_at")
    .all() as Array<{ id: number; case_number: string }>;
  for (const candidate of candidates) {
    const check = await checkOf(core, candidate.id);
    if (wanted(check)) return { ...candidate, check };
  }
  throw new Error('the demo data has no such case');
}

/** The panel under axe (WCAG 2.x A/AA); the rest of the case view is other features' to answer for. */
async function panelViolations(desk: Page) {
  const results = await new AxeBuilder({ page: desk })
    .include('[data-testid="installer-panel"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => ({ id: v.id, where: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
}

async function openCase(desk: Page, caseNumber: string) {
  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill(caseNumber);
  await desk.getByText(caseNumber, { exact: true }).first().click();
  await expect(desk.getByRole('heading', { level: 1, name: caseNumber })).toBeVisible();
}

test('a case whose installer is not prequalified: the panel proposes the area supplier, the decision is recorded', async ({ desk, harness }) => {
  const target = await findCase(harness.core, (check) =>
    check.dsb.state === 'active' && check.work.some((w) => !w.installerMay && w.proposed.performer === 'area_supplier'));
  const work = target.check.work.find((w) => !w.installerMay && w.proposed.performer === 'area_supplier')!;
  const supplier = work.proposed.supplier!;
  await openCase(desk, target.case_number);

  const panel = desk.getByRole('region', { name: 'Installatør' });
  await expect(panel).toContainText('Elvirksomhetsregisteret');
  await expect(panel).toContainText('Aktiv');
  await expect(panel).not.toContainText('kan ikke godkjennes');
  const item = panel.getByTestId(`grid-work-${work.kind}`);
  await expect(item).toContainText('Ikke installatøren');
  await expect(item).toContainText(`Forslag: Områdeleverandør ${supplier.name}`);
  const choice = item.getByRole('combobox', { name: 'Hvem utfører arbeidet' });
  await expect(choice).toHaveValue(`area_supplier:${supplier.id}`);
  // The installer is not offered for work it may not do.
  await expect(choice.locator('option[value="installer"]')).toHaveCount(0);
  expect(await panelViolations(desk)).toEqual([]);

  // Keyboard only: from the choice, Tab to the button, Enter.
  await choice.focus();
  await desk.keyboard.press('Tab');
  await expect(item.getByRole('button', { name: 'Registrer beslutning' })).toBeFocused();
  await desk.keyboard.press('Enter');

  await expect(item.getByTestId('routing-decided')).toContainText(`Besluttet: Områdeleverandør ${supplier.name}`);
  await expect(desk.getByRole('region', { name: 'Historikk' })).toContainText('Nettarbeid fordelt:');
  await expect(desk.getByRole('region', { name: 'Historikk' })).toContainText('Områdeleverandøren');
  const stored = await checkOf(harness.core, target.id);
  expect(stored.routing[work.kind]).toMatchObject({ performer: 'area_supplier', supplierId: supplier.id });
  expect(await panelViolations(desk)).toEqual([]);
});

test('an installer not active in the DSB register: a clear red notice that the case cannot be approved', async ({ desk, harness }) => {
  const open = await findCase(harness.core, (check) => check.approvalBlock === null);
  // This morning's register file says the business is suspended.
  loadDsbRegisterIntoSqlite(harness.core.database.sqlite, [{
    organisationNumber: open.check.installer.organisationNumber, name: open.check.installer.name,
    registrationId: open.check.installer.dsbRegistrationId, status: 'suspended', asOf: '2026-11-28', line: 2 }]);
  const target = { ...open, check: await checkOf(harness.core, open.id) };
  expect(target.check.approvalBlock).toEqual({ code: 'installer_not_active_in_dsb', params: { state: 'suspended' } });
  await openCase(desk, target.case_number);
  const panel = desk.getByRole('region', { name: 'Installatør' });
  await expect(panel.getByTestId('dsb-block')).toContainText('Ikke aktiv i Elvirksomhetsregisteret – kan ikke godkjennes');
  await expect(panel).toContainText('Suspendert');
  await expect(panel).toContainText('ifølge registeret per 28.11.2026');
  // Suspended, the installer may do no grid-side work: the panel says so for every piece.
  for (const work of target.check.work) {
    await expect(panel.getByTestId(`grid-work-${work.kind}`)).toContainText('Ikke installatøren');
  }
  expect(await panelViolations(desk)).toEqual([]);
});
