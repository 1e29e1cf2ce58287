// Decisions in the case view, by keyboard: approve with a condition, reject with a reason the installer reads; the
// history tells both, and that each decision's letter to the installer is queued (not sent). The approve button says why it cannot be used yet. The queue shows due dates in working
// days, and the cases waiting for the installer apart from the overdue ones.
import type { HarnessCore } from '../../harness/harnessCore';
import { caseCompleteness } from '../../core/casework/completenessService';
import { axeViolations, expect, test, openCaseByKeyboard } from './fixtures';
import { SOUND_GRID_ASSESSMENT } from '../support/gridAssessed';

interface Picked {
  id: number;
  caseNumber: string;
}

/** Puts cases in the state a test needs, as an import and the checks before it would have left them. */
function arrange(harness: HarnessCore, count: number, state: { status: string; complete: boolean; dueDate?: string }): Picked[] {
  const sqlite = harness.core.database.sqlite;
  const missingOf = (id: number) => caseCompleteness(sqlite, id).items.filter((item) => !item.ok).map((item) => item.code);
  const candidates = sqlite
    .prepare(
      `SELECT c.id, c.case_number AS caseNumber FROM cases c WHERE c.status IN ('new', 'in_review')
         AND completeness_overrides = '{}' AND c.id NOT IN (SELECT value FROM json_each(?)) ORDER BY c.id`,
    )
    .all(JSON.stringify(taken)) as Picked[];
  const rows = candidates.slice(0, count);
  // Complete: whatever the checklist misses is overridden with a reason.
  for (const row of rows) {
    taken.push(row.id);
    if (!state.complete) {
      // The grid company's rules for this type ask for co-owners' consent, which the case lacks.
      const rules = { items: [{ code: 'co_owner_consent', label: { nb: 'Samtykke fra sameiere' }, requires: { attachment: 'co_owner_consent' } }] };
      sqlite
        .prepare(`INSERT OR REPLACE INTO completeness_rules (request_type, rules, updated_at)
                  SELECT request_type, ?, '2026-11-01T00:00:00Z' FROM cases WHERE id = ?`)
        .run(JSON.stringify(rules), row.id);
      sqlite.prepare("DELETE FROM attachments WHERE case_id = ? AND kind = 'co_owner_consent'").run(row.id);
    }
    const overrides = Object.fromEntries(
      missingOf(row.id).map((code) => [code, { reason: 'Avklart', by: 'test', at: '2026-11-20T10:00:00Z' }]),
    );
    sqlite
      .prepare(
        // Assessed as operationally sound (NEM-forskriften § 3-7), as a handler would have before deciding.
        `UPDATE cases SET status = ?, complete_at = ?, due_date = coalesce(?, due_date), clock_paused_on = NULL,
           completeness_overrides = ?, grid_assessment = ? WHERE id = ?`,
      )
      .run(state.status, state.complete ? '2026-11-20T10:00:00Z' : null, state.dueDate ?? null,
        JSON.stringify(state.complete ? overrides : {}), SOUND_GRID_ASSESSMENT, row.id);
    sqlite
      .prepare(
        `INSERT INTO dsb_register (organisation_number, name, status, as_of)
         SELECT i.organisation_number, i.name, 'active', '2026-11-01' FROM installers i JOIN cases c ON c.installer_id = i.id
         WHERE c.id = ? ON CONFLICT (organisation_number) DO UPDATE SET status = 'active'`,
      )
      .run(row.id);
  }
  harness.core.context.casesChanged('all');
  return rows;
}
let taken: number[] = [];
test.beforeEach(() => {
  taken = [];
});

const statusOf = (harness: HarnessCore, id: number) =>
  (harness.core.database.sqlite.prepare('SELECT status FROM cases WHERE id = ?').get(id) as { status: string }).status;

test('approve with a condition and reject with a reason, by keyboard; the history tells both', async ({ desk, harness }) => {
  const [first, second] = arrange(harness, 2, { status: 'in_review', complete: true });

  await openCaseByKeyboard(desk, first.caseNumber);
  const approve = desk.getByRole('button', { name: /^Godkjenn/ });
  await expect(approve).toHaveAttribute('aria-keyshortcuts', 'Alt+G');
  await desk.keyboard.press('Alt+KeyG');
  const approveDialog = desk.getByRole('dialog', { name: `Godkjenn forhåndsmelding ${first.caseNumber}` });
  await expect(approveDialog).toHaveCSS('opacity', '1');
  await expect(approveDialog.getByRole('checkbox', { name: 'Signert tilknytningsavtale' })).toBeFocused();
  await desk.keyboard.press('Space');
  await desk.keyboard.press('Tab'); // the second common condition
  await desk.keyboard.press('Tab'); // other conditions
  await desk.keyboard.type('Graving avtales med netteier');
  await expect(approveDialog).toHaveCSS('opacity', '1'); // scanned when faded in, not halfway
  expect(await axeViolations(desk)).toEqual([]);
  await desk.keyboard.press('Tab'); // Avbryt
  await desk.keyboard.press('Tab'); // Godkjenn
  await expect(approveDialog.getByRole('button', { name: 'Godkjenn' })).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(approveDialog).toBeHidden();

  const history = desk.getByRole('region', { name: 'Historikk' });
  await expect(history).toContainText('Status endret fra Under behandling til Godkjent');
  await expect(history).toContainText('Vilkår: Signert tilknytningsavtale; Graving avtales med netteier');
  expect(statusOf(harness, first.id)).toBe('approved');
  // The letter to the installer is queued in the same change, and the history says no more than what happened: this
  // desk has no central service, so the delivery line says it was not sent.
  const approvalEntry = history.getByRole('listitem').filter({ hasText: 'Godkjenning til installatøren lagt til utsending' });
  await expect(approvalEntry).toContainText(`«Forhåndsmelding godkjent ${first.caseNumber} – `);
  await expect(approvalEntry.getByTestId('message-delivery')).toHaveText('Ikke sendt – frittstående (ingen sentral tjeneste)');
  await expect(history).not.toContainText(/Godkjenning[^·]*sendt [0-9]/);
  await history.scrollIntoViewIfNeeded();
  await desk.screenshot({ path: test.info().outputPath('approval-queued.png') });

  await desk.keyboard.press('Escape');
  await openCaseByKeyboard(desk, second.caseNumber);
  await desk.keyboard.press('Alt+KeyA');
  const rejectDialog = desk.getByRole('dialog', { name: `Avvis forhåndsmelding ${second.caseNumber}` });
  const reason = rejectDialog.getByRole('textbox', { name: /Begrunnelse til installatøren/ });
  await expect(reason).toBeFocused();
  // The dialog's opening transition over (Mantine's focus trap settles with it) before the keys.
  await expect(rejectDialog).toHaveCSS('opacity', '1');
  // Without a reason, nothing is sent and the field says what is missing.
  await desk.keyboard.press('Tab');
  await desk.keyboard.press('Tab');
  await desk.keyboard.press('Enter');
  await expect(rejectDialog).toContainText('Skriv en begrunnelse. Installatøren må få vite hvorfor.');
  expect(statusOf(harness, second.id)).toBe('in_review');
  await reason.focus();
  await desk.keyboard.type('Feil meldingstype: dette er en endring av hovedsikring.');
  await desk.keyboard.press('Tab');
  await desk.keyboard.press('Tab');
  await desk.keyboard.press('Enter');
  await expect(rejectDialog).toBeHidden();
  await expect(history).toContainText('Status endret fra Under behandling til Avvist');
  await expect(history).toContainText('Begrunnelse: Feil meldingstype: dette er en endring av hovedsikring.');
  expect(statusOf(harness, second.id)).toBe('rejected');
  await expect(history.getByRole('listitem').filter({ hasText: 'Avslag til installatøren lagt til utsending' }))
    .toContainText(`«Forhåndsmelding avvist ${second.caseNumber} – `);
  // A rejected case offers reopening and closing, nothing else.
  await expect(desk.getByRole('group', { name: 'Beslutninger' }).getByRole('button')).toHaveText([/Gjenåpne/, /Avslutt saken/]);
  // The notice says it was done, then goes by itself; the page is scanned once it has gone, not while it fades.
  const notice = desk.getByText('Forhåndsmeldingen er avvist');
  await expect(notice).toBeVisible();
  await expect(notice).toBeHidden({ timeout: 10_000 });
  expect(await axeViolations(desk)).toEqual([]);
});

test('the approve button says why it cannot be used while the case is incomplete', async ({ desk, harness }) => {
  const [incomplete] = arrange(harness, 1, { status: 'in_review', complete: false });
  await openCaseByKeyboard(desk, incomplete.caseNumber);
  const approve = desk.getByRole('button', { name: /^Godkjenn/ });
  await expect(approve).toHaveAttribute('aria-disabled', 'true');
  await expect(approve).toHaveAccessibleDescription(/Meldingen er ikke komplett ennå/);
  await desk.keyboard.press('Alt+KeyG');
  await expect(desk.getByRole('dialog')).toHaveCount(0);
  expect(statusOf(harness, incomplete.id)).toBe('in_review');
});

test('the queue shows working days to the due date, and waiting cases apart from the overdue ones', async ({ desk, harness }) => {
  // Today is Friday 27 November 2026 in the harness; 24 November is three working days before it.
  const [overdue] = arrange(harness, 1, { status: 'in_review', complete: true, dueDate: '2026-11-24' });
  const [waiting] = arrange(harness, 1, { status: 'waiting_for_info', complete: true, dueDate: '2026-11-24' });
  const [soon] = arrange(harness, 1, { status: 'in_review', complete: true, dueDate: '2026-12-02' });
  const grid = desk.getByRole('grid', { name: 'Arbeidskø' });
  const rowOf = (caseNumber: string) => grid.getByRole('row').filter({ hasText: caseNumber });
  await desk.getByRole('checkbox', { name: /^Ny\b/ }).uncheck();
  await desk.getByRole('checkbox', { name: /^Under behandling/ }).uncheck();

  const dueFilter = desk.getByRole('radiogroup', { name: 'Frist' });
  await dueFilter.getByRole('radio', { name: /^Over frist/ }).check();
  await expect(rowOf(overdue.caseNumber)).toContainText('3 virkedager over frist');
  await expect(rowOf(waiting.caseNumber)).toHaveCount(0);

  await dueFilter.getByRole('radio', { name: /^Venter på installatør/ }).check();
  await expect(rowOf(waiting.caseNumber)).toContainText('frist stoppet');
  await expect(rowOf(overdue.caseNumber)).toHaveCount(0);
  const counts = await harness.core.dispatch('queue.counts', { filters: {} });
  const { waiting: waitingCount } = (counts as { ok: true; value: { waiting: number } }).value;
  await expect(dueFilter).toContainText(`Venter på installatør (${waitingCount})`);

  await dueFilter.getByRole('radio', { name: 'Alle' }).check();
  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill(soon.caseNumber);
  await expect(rowOf(soon.caseNumber)).toContainText('forfaller om 3 virkedager');
  expect(await axeViolations(desk)).toEqual([]);
});
