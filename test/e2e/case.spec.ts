// The case view: fields grouped as a case handler reads them, identifier warnings, attachments, history and
// notes — opened and worked with the keyboard.
import { isValidMeteringPointId, isValidOrganisationNumber } from '../../shared/rules';
import { axeViolations, expect, test } from './fixtures';

test('a case opens with its fields, installer panel, attachments and history, clean under axe', async ({
  desk,
  harness,
}) => {
  const sqlite = harness.core.database.sqlite;
  const target = sqlite
    .prepare(
      `SELECT c.id, c.case_number, c.address, c.owner_name, i.name AS installer_name, i.organisation_number
       FROM cases c JOIN installers i ON i.id = c.installer_id
       WHERE c.status IN ('new','in_review') AND EXISTS (SELECT 1 FROM attachments a WHERE a.case_id = c.id)
       ORDER BY c.submitted_at LIMIT 1`,
    )
    .get() as { id: number; case_number: string; address: string; owner_name: string; installer_name: string; organisation_number: string };
  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill(target.case_number);
  await desk.getByRole('link', { name: target.case_number }).or(desk.getByText(target.case_number, { exact: true })).first().click();
  await expect(desk.getByRole('heading', { level: 1, name: target.case_number })).toBeVisible();
  await expect(desk.getByRole('region', { name: 'Anlegg' })).toContainText(target.address);
  await expect(desk.getByRole('region', { name: 'Eier' })).toContainText(target.owner_name);
  const installer = desk.getByRole('region', { name: 'Installatør' });
  await expect(installer).toContainText(target.installer_name);
  // Shown grouped as the registers print it: 987 654 325.
  await expect(installer).toContainText(target.organisation_number.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3'));
  await expect(installer).toContainText('Prekvalifisering');
  await expect(desk.getByRole('region', { name: 'Historikk' })).toContainText('Melding mottatt');

  const attachment = sqlite.prepare('SELECT file_name FROM attachments WHERE case_id = ? ORDER BY received_at, id LIMIT 1').get(target.id) as {
    file_name: string;
  };
  await desk.getByRole('button', { name: `Åpne ${attachment.file_name}` }).click();
  await expect.poll(() => harness.openedFiles.map((f) => f.fileName)).toContain(attachment.file_name);

  expect(await axeViolations(desk)).toEqual([]);
});

test('a wrong metering point ID and a wrong organisation number are named as such', async ({ desk, harness }) => {
  const sqlite = harness.core.database.sqlite;
  const rows = sqlite
    .prepare("SELECT case_number, metering_point_ids, owner_organisation_number FROM cases ORDER BY id")
    .all() as { case_number: string; metering_point_ids: string; owner_organisation_number: string | null }[];
  const badMeteringPoint = rows.find((row) =>
    (JSON.parse(row.metering_point_ids) as string[]).some((id) => !isValidMeteringPointId(id)),
  );
  const badOrganisation = rows.find(
    (row) => row.owner_organisation_number !== null && !isValidOrganisationNumber(row.owner_organisation_number),
  );
  expect(badMeteringPoint, 'the demo data has a wrong metering point ID').toBeDefined();
  expect(badOrganisation, 'the demo data has a wrong organisation number').toBeDefined();
  await desk.getByRole('checkbox', { name: /^Ny\b/ }).uncheck();
  await desk.getByRole('checkbox', { name: /^Under behandling/ }).uncheck();
  const search = desk.getByRole('searchbox', { name: 'Søk i saker' });

  await search.fill(badMeteringPoint!.case_number);
  await desk.getByText(badMeteringPoint!.case_number, { exact: true }).first().click();
  await expect(desk.getByRole('region', { name: 'Anlegg' })).toContainText(/Målepunkt-ID-en (har feil kontrollsiffer|må ha 18 siffer|begynner ikke med)/);
  await desk.getByRole('button', { name: 'Tilbake til køen' }).click();

  await search.fill(badOrganisation!.case_number);
  await desk.getByText(badOrganisation!.case_number, { exact: true }).first().click();
  await expect(desk.getByRole('region', { name: 'Eier' })).toContainText(
    /Organisasjonsnummeret (har feil kontrollsiffer|må ha 9 siffer)/,
  );
});

test('a case without metering point IDs or meter numbers says they are not given, not a blank', async ({ desk, harness }) => {
  const target = harness.core.database.sqlite
    .prepare("SELECT case_number FROM cases WHERE metering_point_ids = '[]' AND meter_numbers = '[]' AND status = 'new' ORDER BY id LIMIT 1")
    .get() as { case_number: string };
  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill(target.case_number);
  await desk.getByText(target.case_number, { exact: true }).first().click();
  const installation = desk.getByRole('region', { name: 'Anlegg' });
  await expect(installation.locator('dt:text-is("Målepunkt-ID") + dd')).toHaveText('Ikke oppgitt');
  await expect(installation.locator('dt:text-is("Målernummer") + dd')).toHaveText('Ikke oppgitt');
});

test('a note written with the keyboard is saved, shown, and in the history — with its event and outbox row', async ({
  desk,
  harness,
}) => {
  const sqlite = harness.core.database.sqlite;
  const grid = desk.getByRole('grid', { name: 'Arbeidskø' });
  await expect(grid.locator('[role="row"][aria-rowindex="2"]')).toBeVisible();
  await grid.focus();
  await desk.keyboard.press('Enter');
  const caseNumber = (await desk.getByRole('heading', { level: 1 }).innerText()).trim();
  const { id: caseId } = sqlite.prepare('SELECT id FROM cases WHERE case_number = ?').get(caseNumber) as { id: number };

  const countNoteEvents = () =>
    (sqlite.prepare("SELECT count(*) AS n FROM case_events WHERE case_id = ? AND kind = 'note_added'").get(caseId) as {
      n: number;
    }).n;
  const eventsBefore = countNoteEvents();
  const note = desk.getByRole('textbox', { name: 'Nytt internt notat' });
  await note.focus();
  const text = 'Ringte installatør: situasjonskart kommer i morgen.';
  await desk.keyboard.type(text);
  await desk.keyboard.press('Control+Enter');
  await expect(desk.getByRole('region', { name: 'Interne notater' })).toContainText(text);
  await expect(desk.getByRole('region', { name: 'Historikk' })).toContainText('Notat lagt til');
  await expect(note).toHaveValue('');

  expect(sqlite.prepare('SELECT author_id FROM notes WHERE case_id = ? AND body = ?').all(caseId, text)).toEqual([
    { author_id: 'kari.nordmann' },
  ]);
  expect(countNoteEvents()).toBe(eventsBefore + 1);
  const outbox = sqlite.prepare("SELECT mutation, args FROM outbox WHERE case_id = ? ORDER BY seq DESC LIMIT 1").get(caseId) as {
    mutation: string;
    args: string;
  };
  expect(outbox.mutation).toBe('case.addNote');
  expect(JSON.parse(outbox.args)).toEqual({ caseId, body: text, noteId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
});

test('an unknown case id over the bridge gets case.notFound, and the app carries on', async ({ desk }) => {
  await expect(desk.getByRole('heading', { level: 1, name: 'Arbeidskø' })).toBeVisible();
  const results = await desk.evaluate(async () => {
    const api = (window as unknown as { api: Record<string, (input: unknown) => Promise<unknown>> }).api;
    return Promise.all([
      api['case.get']({ caseId: 987654321 }),
      api['case.get']({ caseId: 'DROP TABLE cases' }),
      api['case.addNote']({ caseId: 987654321, body: 'x' }),
    ]);
  });
  expect(results[0]).toEqual({ ok: false, error: { code: 'case.notFound', params: { caseId: 987654321 } } });
  expect(results[1]).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  expect(results[2]).toEqual({ ok: false, error: { code: 'case.notFound', params: { caseId: 987654321 } } });
  await expect(desk.getByRole('heading', { level: 1, name: 'Arbeidskø' })).toBeVisible();
  await expect(desk.getByRole('grid', { name: 'Arbeidskø' })).toBeVisible();
});

test('assign to me, then reject with a required reason', async ({ desk, harness }) => {
  const sqlite = harness.core.database.sqlite;
  await desk.getByRole('radio', { name: 'Ikke tildelt' }).check();
  await desk.getByRole('checkbox', { name: /^Under behandling/ }).uncheck();
  const grid = desk.getByRole('grid', { name: 'Arbeidskø' });
  await expect(grid.locator('[role="row"][aria-rowindex="2"]')).toContainText('Ikke tildelt');
  await grid.focus();
  await desk.keyboard.press('Enter');
  const caseNumber = (await desk.getByRole('heading', { level: 1 }).innerText()).trim();
  await desk.getByRole('button', { name: 'Tildel meg' }).click();
  await expect(desk.getByRole('button', { name: 'Frigi saken' })).toBeVisible();
  await desk.getByRole('button', { name: /^Avvis/ }).click();
  const dialog = desk.getByRole('dialog', { name: /^Avvis forhåndsmelding/ });
  await dialog.getByRole('button', { name: 'Avvis' }).click();
  await expect(dialog).toContainText('Skriv en begrunnelse');
  await dialog.getByRole('textbox', { name: /Begrunnelse til installatøren/ }).fill('Anlegget er ikke i vårt konsesjonsområde.');
  await dialog.getByRole('button', { name: 'Avvis' }).click();
  await expect(desk.getByRole('region', { name: 'Historikk' })).toContainText('Anlegget er ikke i vårt konsesjonsområde.');
  expect(sqlite.prepare('SELECT status, assignee_id FROM cases WHERE case_number = ?').get(caseNumber)).toEqual({
    status: 'rejected',
    assignee_id: 'kari.nordmann',
  });
});
