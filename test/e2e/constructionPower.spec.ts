// Construction power in the case view, as a case handler runs it: the cabinet connected with the meter's reading at
// the start, the termination registered, the final reading refused when it is below the start and then taken, the
// rent for the actual days shown, and the case closed with the metering point deregistered.
import type { HarnessCore } from '../../harness/harnessCore';
import { axeViolations, expect, openCaseByKeyboard, test } from './fixtures';

/** A case made construction power, approved and not yet connected (the harness's today is 27.11.2026). */
function constructionCase(harness: HarnessCore): { id: number; caseNumber: string } {
  const sqlite = harness.core.database.sqlite;
  const picked = sqlite.prepare("SELECT id, case_number AS caseNumber FROM cases WHERE status = 'in_review' ORDER BY id LIMIT 1")
    .get() as { id: number; caseNumber: string };
  sqlite.prepare(
    `UPDATE cases SET request_type = 'temporary_installation', building_use = 'construction_power', status = 'approved',
       power_connected_on = NULL, start_meter_reading = NULL, power_disconnected_on = NULL, final_meter_reading = NULL,
       cabinet_rent_days = NULL, cabinet_rent_rate_ore = NULL, cabinet_rent_net_ore = NULL WHERE id = ?`,
  ).run(picked.id);
  harness.core.context.casesChanged('all');
  return picked;
}

const statusOf = (harness: HarnessCore, id: number) =>
  (harness.core.database.sqlite.prepare('SELECT status FROM cases WHERE id = ?').get(id) as { status: string }).status;

test('connected with the start reading, terminated, disconnected with the final reading and closed; the rent for the actual days', async ({ desk, harness }) => {
  const picked = constructionCase(harness);
  await openCaseByKeyboard(desk, picked.caseNumber);
  const decisions = desk.getByRole('group', { name: 'Beslutninger' });
  const section = desk.getByRole('region', { name: 'Byggestrøm' });
  const history = desk.getByRole('region', { name: 'Historikk' });

  // Connected: the reading at the start and the day, by keyboard.
  await expect(decisions.getByRole('button', { name: /^Registrer tilkobling/ })).toHaveAttribute('aria-keyshortcuts', 'Alt+C');
  await desk.keyboard.press('Alt+KeyC');
  const connect = desk.getByRole('dialog', { name: `Byggestrøm tilkoblet i sak ${picked.caseNumber}` });
  await expect(connect).toHaveCSS('opacity', '1');
  const startReading = connect.getByRole('textbox', { name: /Målerstand ved tilkobling/ });
  await expect(startReading).toBeFocused();
  await desk.keyboard.type('1 520,5');
  await connect.getByLabel(/^Tilkoblet/).fill('2026-09-01');
  expect(await axeViolations(desk)).toEqual([]);
  await connect.getByRole('button', { name: 'Registrer tilkobling' }).click();
  await expect(connect).toBeHidden();
  expect(statusOf(harness, picked.id)).toBe('connected');
  await expect(history).toContainText('Status endret fra Godkjent til Byggestrøm tilkoblet');
  await expect(section).toContainText(/Målerstand ved tilkobling\s*1\s520,5 kWh/);
  // While the cabinet stands: the days so far (1.9.–27.11., both counted) and the rent so far, not yet billed.
  await expect(section).toContainText(/Leiedager hittil\s*88 dager/);
  await expect(section).toContainText(/Leie hittil \(ikke fakturert\)\s*88 dager × 22,00\skr = 1\s936,00\skr eks\. mva\./);

  // The installer rang to end it: the handler registers the termination; closing is no longer on offer.
  await decisions.getByRole('button', { name: /^Registrer bestilt frakobling/ }).click();
  await expect(history).toContainText('Status endret fra Byggestrøm tilkoblet til Frakobling bestilt');
  await expect(decisions.getByRole('button')).toHaveText([/Registrer frakobling og sluttavlesning/]);

  // Disconnected: a final reading below the start is refused with words, then the right one is taken.
  await desk.keyboard.press('Alt+KeyD');
  const disconnect = desk.getByRole('dialog', { name: `Byggestrøm frakoblet i sak ${picked.caseNumber}` });
  await expect(disconnect).toHaveCSS('opacity', '1');
  await expect(disconnect).toContainText(/Målerstand ved tilkobling: 1\s520,5 kWh \(01\.09\.2026\)/);
  const finalReading = disconnect.getByRole('textbox', { name: /Sluttavlesning/ });
  await expect(finalReading).toBeFocused();
  await desk.keyboard.type('1500');
  await disconnect.getByLabel(/^Frakoblet/).fill('2026-11-20');
  await expect(disconnect.getByRole('status')).toHaveText('Leie faktureres for 81 dager.');
  await disconnect.getByRole('button', { name: 'Registrer frakobling' }).click();
  await expect(disconnect.getByRole('alert')).toContainText('Sluttavlesningen er lavere enn startavlesningen');
  await expect(disconnect.getByRole('alert')).toContainText(/Sluttavlesningen \(1\s500 kWh\) kan ikke være lavere enn målerstanden ved tilkobling \(1\s520,5 kWh\)/);
  expect(statusOf(harness, picked.id)).toBe('termination_requested');
  await desk.screenshot({ path: test.info().outputPath('construction-power-final-below-start.png') });
  await finalReading.fill('4210');
  expect(await axeViolations(desk)).toEqual([]);
  await disconnect.getByRole('button', { name: 'Registrer frakobling' }).click();
  await expect(disconnect).toBeHidden();
  expect(statusOf(harness, picked.id)).toBe('disconnected');

  // Both readings, the dates, the days and the rent billed for 1.9.–20.11.: 81 days at 22 kr.
  await expect(section).toContainText(/Tilkoblet\s*01\.09\.2026/);
  await expect(section).toContainText(/Frakoblet\s*20\.11\.2026/);
  await expect(section).toContainText(/Sluttavlesning\s*4\s210 kWh/);
  await expect(section).toContainText(/Forbruk i perioden\s*2\s689,5 kWh/);
  await expect(section).toContainText(/Leiedager\s*81 dager/);
  await expect(section).toContainText(/Leie av byggestrømskap\s*81 dager × 22,00\skr = 1\s782,00\skr eks\. mva\. \(2\s227,50\skr inkl\. mva\.\)/);
  await section.scrollIntoViewIfNeeded();
  await desk.screenshot({ path: test.info().outputPath('construction-power-disconnected.png') });

  // Closed once the metering point is deregistered.
  await decisions.getByRole('button', { name: /^Målepunkt avregistrert – avslutt/ }).click();
  await expect(history).toContainText('Status endret fra Byggestrøm frakoblet til Avsluttet');
  expect(statusOf(harness, picked.id)).toBe('closed');
  await expect(section).toContainText(/Leiedager\s*81 dager/);
  await expect(desk.getByText('Målepunktet er avregistrert og saken avsluttet')).toBeHidden({ timeout: 10_000 });
  expect(await axeViolations(desk)).toEqual([]);
});
