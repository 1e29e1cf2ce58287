// The whole story of one request, as issue 4 tells it: a request arrives from the portal without its power budget;
// the handler opens it and the checklist says what is missing; the handler asks the installer for it; the
// installer's supplement arrives; the case is back in review and complete, the handler records the grid assessment
// and approves it with a condition. The history then tells all of it, in order. Imports go through the real importer, as `npm run import`.
import path from 'node:path';
import { importIntoLocal } from '../../core/import/importService';
import type { HarnessCore } from '../../harness/harnessCore';
import { axeViolations, expect, test } from './fixtures';

const pdf = (text: string) => Buffer.from(`%PDF-1.4 ${text}\n`).toString('base64');

function importMessages(harness: HarnessCore, messages: unknown[], source: string) {
  return importIntoLocal(harness.core.context, path.join(harness.dataDirectory, 'attachments'), JSON.stringify(messages), source);
}

/** An installer the demo's DSB register lists as active, so that only completeness stands between request and approval. */
function activeInstaller(harness: HarnessCore): { organisationNumber: string; name: string } {
  return harness.core.database.sqlite
    .prepare(
      `SELECT i.organisation_number AS organisationNumber, i.name FROM installers i
       JOIN dsb_register d ON d.organisation_number = i.organisation_number AND d.status = 'active'
       ORDER BY i.id LIMIT 1`,
    )
    .get() as { organisationNumber: string; name: string };
}

test('a request from arrival to approval: checklist, request for information, supplement, approval, history', async ({ desk, harness }) => {
  const installer = activeInstaller(harness);
  const request = {
    messageId: 'ELS-7700001',
    kind: 'request',
    sentAt: '2026-11-26T13:05:00+01:00',
    sender: { role: 'installer', ...installer },
    requestType: 'new_installation',
    installation: {
      address: 'Bakkeveien 12',
      postcode: '4630',
      postTown: 'Kristiansand',
      municipalityNumber: '4204',
      gnr: 41,
      bnr: 217,
      buildingUse: 'house',
      networkSystem: '400V_TN',
      phases: 3,
      mainFuseA: 50,
      expectedPowerKw: 24,
      unitCount: 1,
    },
    owner: { name: 'Ingrid Solberg', idKind: 'national_id', nationalId: '01017012345', email: 'ingrid.solberg@example.no' },
    installer: { ...installer, contactPerson: 'Kari Elektriker', email: 'kari@example.no' },
    attachments: [
      { kind: 'site_map', fileName: 'situasjonskart.pdf', mimeType: 'application/pdf', contentBase64: pdf('kart') },
      { kind: 'grid_rental_order', fileName: 'nettleie-signert.pdf', mimeType: 'application/pdf', contentBase64: pdf('nettleie') },
    ],
  };
  expect(importMessages(harness, [request], 'elsmart-2026-11-26.json')).toMatchObject({ imported: 1, quarantined: 0 });
  const caseNumber = harness.core.database.sqlite
    .prepare("SELECT case_number FROM cases WHERE message_id = 'ELS-7700001'")
    .pluck()
    .get() as string;

  // Open it from the queue by its number, as a handler would.
  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill(caseNumber);
  await desk.getByText(caseNumber, { exact: true }).first().click();
  const heading = desk.getByRole('heading', { level: 1, name: caseNumber });
  await expect(heading).toBeVisible();

  // The checklist: a 50 A main fuse on 400 V TN is above 40 A, so the power budget is missing, and says why.
  const checklist = desk.getByRole('region', { name: 'Kompletthet' });
  const powerBudget = checklist.locator('li[data-item="power_budget"]');
  await expect(powerBudget).toContainText('Mangler');
  await expect(powerBudget).toContainText('hovedsikring 50 A');
  await expect(checklist.locator('li[data-item="site_map"]')).toContainText('I orden');
  // The handler starts the review (Alt+S); approval is not possible yet, and the button says why.
  await heading.focus();
  await desk.keyboard.press('Alt+KeyS');
  await expect(desk.getByText('Under behandling').first()).toBeVisible();
  const approveButton = desk.getByRole('button', { name: /Godkjenn/ });
  await expect(approveButton).toHaveAttribute('aria-disabled', 'true');

  // Ask the installer for it (Alt+B), send the drafted letter as it is.
  await heading.focus();
  await desk.keyboard.press('Alt+KeyB');
  const letter = desk.getByRole('dialog', { name: `Be om opplysninger – sak ${caseNumber}` });
  await expect(letter.getByRole('textbox', { name: 'Brev' })).toHaveValue(/- Effektberegning/);
  await letter.getByRole('button', { name: 'Send' }).click();
  await expect(letter).toBeHidden();
  await expect(checklist).toContainText('Venter på installatør siden');

  // The installer answers through the portal: the supplement brings the power budget.
  const supplement = {
    messageId: 'ELS-7700001-S1',
    kind: 'supplement',
    sentAt: '2026-11-27T08:40:00+01:00',
    sender: { role: 'installer', ...installer },
    caseMessageId: 'ELS-7700001',
    text: 'Effektberegning vedlagt. Forventet effekt er justert etter beregningen.',
    changes: { installation: { expectedPowerKw: 22 } },
    attachments: [
      { kind: 'power_budget', fileName: 'effektberegning.pdf', mimeType: 'application/pdf', contentBase64: pdf('effekt') },
    ],
  };
  expect(importMessages(harness, [supplement], 'elsmart-2026-11-27.json')).toMatchObject({ imported: 1, quarantined: 0 });

  // Back to the queue and into the case again: in review, complete, the new attachment there.
  await desk.keyboard.press('Escape');
  await desk.getByRole('searchbox', { name: 'Søk i saker' }).fill(caseNumber);
  await desk.getByText(caseNumber, { exact: true }).first().click();
  await expect(heading).toBeVisible();
  await expect(desk.getByText('Under behandling').first()).toBeVisible();
  await expect(powerBudget).toContainText('I orden');
  await expect(desk.getByRole('button', { name: 'Åpne effektberegning.pdf' })).toBeVisible();
  // What the supplement changed is pointed out: in a banner, and marked where it shows.
  const banner = desk.getByRole('alert').filter({ hasText: 'Installatøren har sendt tilleggsopplysninger' });
  await expect(banner).toContainText('Forventet effekt');
  await expect(banner).toContainText('vedlegg Effektberegning');
  await expect(desk.locator('dt', { hasText: 'Forventet effekt' })).toContainText('Endret');

  // The grid assessment first (NEM-forskriften § 3-7): a new installation adds load.
  const assessment = desk.getByRole('region', { name: 'Nettvurdering' });
  await assessment.getByRole('button', { name: 'Registrer vurdering' }).click();
  await assessment.getByRole('radio', { name: 'Driftsmessig forsvarlig' }).check();
  await assessment.getByRole('button', { name: 'Registrer vurdering' }).click();
  await expect(assessment.getByTestId('grid-assessment')).toContainText('Driftsmessig forsvarlig – vurdert av');

  // Approve with a condition, by keyboard.
  await heading.focus();
  await desk.keyboard.press('Alt+KeyG');
  const approve = desk.getByRole('dialog', { name: /Godkjenn/ });
  await expect(approve).toBeVisible();
  await approve.getByRole('checkbox', { name: 'Signert tilknytningsavtale' }).check();
  await approve.getByRole('button', { name: /Godkjenn/ }).click();
  await expect(approve).toBeHidden();
  await expect(desk.getByText('Godkjent').first()).toBeVisible();

  // The history tells the whole story, newest first; read from the bottom it is the story above.
  const history = desk.getByRole('region', { name: 'Historikk' });
  const text = (await history.innerText()).replace(/\s+/g, ' ');
  const storyInOrder = [
    /Melding mottatt/,
    /Status endret fra Ny til Under behandling/,
    /Brev om mangler lagt til utsending/,
    /Tilleggsopplysninger mottatt fra installatøren Endret: Forventet effekt Vedlegg: effektberegning\.pdf/,
    /Status endret fra Venter på installatør til Under behandling/,
    /Meldingen er komplett – frist 18\.12\.2026/,
    /Nettvurdering registrert: Driftsmessig forsvarlig/,
    /Status endret fra Under behandling til Godkjent Vilkår: Signert tilknytningsavtale/,
    /Godkjenning til installatøren lagt til utsending «Forhåndsmelding godkjent /,
  ];
  const positions = storyInOrder.map((pattern) => {
    const match = pattern.exec(text);
    expect(match, `the history says ${pattern}: ${text}`).not.toBeNull();
    return match!.index;
  });
  expect(positions, `newest first: ${text}`).toEqual([...positions].sort((a, b) => b - a));
  expect(text).toContain('Import fra portalen');
  expect(text).not.toContain('system:import');

  expect(await axeViolations(desk)).toEqual([]);
});
