// The portal's inbox (issue 12, item 6) in Chromium, and what the desk shows of it: the grid company writes to a
// firm on its case; the installer sees "Innboks" with the unread count in the navigation, opens the request for
// information (its text and the missing items), and the count goes down; the firm's address got one e-mail notice
// per message. At 375 px and 1280 px, axe clean, screenshots in test-results/portal-screens/. Then the case handler's
// desk (the browser harness, synced with the same service) shows per message "Levert i portalen … · E-post sendt …
// · Lest …", and a standalone desk says its message was not sent.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { PASSWORD, registerInDsb, startPortalService, startSmtp, type TestSmtp } from '../integration/portal/portalFixture';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { login, RawClient } from '../support/serviceClient';
import { closeServices } from '../support/serviceInstances';
import { seedCentral } from '../support/syncClients';
import { decisionLetter } from '../../shared/rules';
import type { HarnessCore, HarnessDesk } from '../../harness/harnessCore';
import { createPerson, expect, openCaseByKeyboard, openDesk, startCentralHarness, test } from './fixtures';
import { checkScreen, heading, logInAt, SCREENS } from './portalScreens';

let db: TestDatabase;
let smtp: TestSmtp;
let url: string;
let admin: pg.Client;
let supervisor: RawClient;

interface FirmCase {
  caseId: number;
  caseNumber: string;
  email: string;
  contact: string;
  request: string;
  approval: string;
  approvalSubject: string;
}
const firmCases = new Map<number, FirmCase>();

test.beforeAll(async () => {
  test.setTimeout(120_000);
  db = await createTestDatabase('e2e_portal_inbox');
  await seedCentral(db, 30);
  smtp = await startSmtp();
  url = (await startPortalService(db, smtp, { delivery: { idleMs: 100 } })).url;
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  supervisor = await login(url, await db.createLogin('sup', 'supervisor'));
});

test.afterAll(async () => {
  await admin?.end();
  await smtp?.close();
  if (db) {
    await closeServices(db);
    await db.drop();
  }
});

/**
 * A firm in the portal for the installer of the n-th seeded case (one installer per firm), and two messages the
 * grid company wrote on the case: a request for information, then an approval.
 */
async function firmWithMessages(n: number): Promise<FirmCase> {
  const { rows: [row] } = await admin.query<{ id: string; case_number: string; org: string; address: string; postcode: string; post_town: string }>(
    `SELECT c.id, c.case_number, i.organisation_number AS org, c.address, c.postcode, c.post_town
       FROM cases c JOIN installers i ON i.id = c.installer_id
      WHERE i.organisation_number NOT IN (SELECT organisation_number FROM portal_firms)
      ORDER BY c.id OFFSET $1 LIMIT 1`, [n]);
  await registerInDsb(admin, row.org, `Installatør ${row.org} AS`);
  const email = `ina.${row.org}@elektro.test`;
  const contact = `post@${row.org}.test`;
  const applied = await new RawClient(url).post<{ id: string }>('/api/portal/firms', {
    organisationNumber: row.org, contactEmail: contact, user: { email, name: 'Ina Installatør', password: PASSWORD },
  });
  expect(applied.status).toBe(200);
  expect((await supervisor.post(`/api/portal/firms/${applied.body.id}/approve`)).status).toBe(200);
  const request = randomUUID();
  const approval = randomUUID();
  // The approval in the words the desk writes (rules/decisionMessages.ts).
  const letter = decisionLetter({
    caseNumber: row.case_number, address: row.address, postcode: row.postcode, postTown: row.post_town,
    requestType: 'new_installation', kind: 'approval', nextStep: 'offer', conditions: ['Signert tilknytningsavtale'],
  });
  await admin.query(
    `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items, created_at)
     VALUES ($1, $3, 'information_request', $4, 'Mangler i meldingen', $5, '["site_map","power_budget"]', now() - interval '1 hour'),
            ($2, $3, 'approval', $4, $6, $7, '[]', now())`,
    [request, approval, row.id, contact,
      'Hei,\n\nfor å behandle meldingen trenger vi situasjonskart og effektberegning.\n\nHilsen saksbehandler', letter.subject, letter.body],
  );
  return { caseId: Number(row.id), caseNumber: row.case_number, email, contact, request, approval, approvalSubject: letter.subject };
}

for (const [width, height] of [[375, 812], [1280, 900]] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test('the installer reads the grid company’s messages in Innboks; the unread count follows', async ({ page }) => {
      const firm = await firmWithMessages(width === 375 ? 0 : 5);
      firmCases.set(width, firm);
      await logInAt(page, url, firm.email);
      const nav = page.getByRole('navigation', { name: 'Portalen' });
      await expect(nav.getByRole('link', { name: 'Innboks, 2 uleste' })).toBeVisible();
      await nav.getByRole('link', { name: 'Innboks, 2 uleste' }).click();
      await expect(heading(page, 'Innboks')).toBeVisible();
      await expect(page.getByText('2 uleste meldinger')).toBeVisible();
      const cards = page.getByRole('region');
      // Newest first: the approval, then the request for information.
      await expect(cards.nth(0)).toContainText(firm.approvalSubject);
      await expect(cards.nth(1)).toContainText('Mangler i meldingen');
      await expect(cards.nth(1)).toContainText(`Sak ${firm.caseNumber}`);
      await expect(cards.nth(1)).toContainText('Forespørsel om opplysninger');
      await checkScreen(page, 'inbox');

      const request = page.getByRole('region', { name: 'Mangler i meldingen' });
      await request.getByRole('button', { name: 'Les meldingen' }).click();
      await expect(request.getByRole('button', { name: 'Skjul meldingen' })).toHaveAttribute('aria-expanded', 'true');
      await expect(request).toContainText('for å behandle meldingen trenger vi situasjonskart og effektberegning');
      await expect(request.getByRole('listitem')).toHaveText(['Situasjonskart 1:500 med tilknytningsskap', 'Effektberegning']);
      await expect(request.getByText('Ulest')).toHaveCount(0);
      await expect(request).toContainText('Lest');
      await expect(nav.getByRole('link', { name: 'Innboks, 1 ulest' })).toBeVisible();
      await expect(page.getByText('1 ulest melding')).toBeVisible();
      await checkScreen(page, 'inbox-read');

      // Recorded centrally, once; after a reload the read message sits below the unread one.
      await expect.poll(async () => (await admin.query(
        "SELECT read_at IS NOT NULL AS read FROM message_deliveries WHERE message_id = $1 AND channel = 'portal'", [firm.request])).rows[0]?.read).toBe(true);
      await page.reload();
      await expect(page.getByRole('region').nth(0)).toContainText(firm.approvalSubject);
      await expect(page.getByRole('region').nth(0)).toContainText('Ulest');

      // In English too.
      await page.getByRole('radio', { name: 'English' }).check();
      await expect(heading(page, 'Inbox')).toBeVisible();
      await expect(page.getByText('1 unread message')).toBeVisible();
      await checkScreen(page, 'inbox-en');
      await page.getByRole('radio', { name: 'Norsk' }).check();

      // One e-mail notice per message to the firm's address, with no letter text in it.
      await expect.poll(() => smtp.mails.filter((m) => m.to.includes(firm.contact)).length, { timeout: 10_000 }).toBe(2);
      for (const mail of smtp.mails.filter((m) => m.to.includes(firm.contact))) {
        expect(mail.text).toContain(firm.caseNumber);
        expect(mail.text).not.toContain('effektberegning');
      }
      if (width === 375) {
        // The approval as the installer reads it: its conditions and what happens next (issue 13).
        const approval = page.getByRole('region', { name: firm.approvalSubject });
        await approval.getByRole('button', { name: 'Les meldingen' }).click();
        await expect(approval).toContainText('- Signert tilknytningsavtale');
        await expect(approval).toContainText('Eieren av installasjonen får et tilbud om tilknytningsavtale');
        await checkScreen(page, 'inbox-approval');
      }
    });
  });
}

async function deliveryLine(page: import('@playwright/test').Page, subject: string) {
  const entry = page.getByRole('listitem').filter({ hasText: `«${subject}»` });
  return entry.getByTestId('message-delivery');
}

test.describe('the desk', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('shows per message when it was delivered in the portal, its e-mail sent, and when it was read', async ({ page }) => {
    const firm = firmCases.get(1280) ?? firmCases.get(375);
    expect(firm, 'the inbox tests ran first').toBeTruthy();
    await expect.poll(async () => (await admin.query(
      "SELECT count(*)::int AS n FROM message_deliveries WHERE case_id = $1 AND channel = 'email' AND state = 'sent'", [firm!.caseId])).rows[0].n,
    { timeout: 10_000 }).toBe(2);
    let harness: HarnessCore | null = null;
    try {
      harness = await startCentralHarness(db, await createPerson(db, 'anne', 'Anne Hansen'));
      await openDesk(page, harness.core);
      await openCaseByKeyboard(page, firm!.caseNumber);
      const read = await deliveryLine(page, 'Mangler i meldingen');
      await expect(read).toHaveText(/^Levert i portalen \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} · E-post sendt (\d{2}\.\d{2}\.\d{4} )?\d{2}:\d{2} · Lest (\d{2}\.\d{2}\.\d{4} )?\d{2}:\d{2}$/);
      const unread = await deliveryLine(page, firm!.approvalSubject);
      await expect(unread).toHaveText(/^Levert i portalen .* · E-post sendt .* · Ikke lest ennå$/);
      await read.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENS, 'desk-delivery-1440.png'), fullPage: false });
    } finally {
      await page.goto('about:blank');
      await harness?.dispose();
    }
  });

  test('standalone, says a message it wrote was not sent', async ({ desk, harness }) => {
    const caseId = await requestInformationSomewhere(harness.core);
    const { case_number } = harness.core.database.sqlite.prepare('SELECT case_number FROM cases WHERE id = ?').get(caseId) as { case_number: string };
    await openCaseByKeyboard(desk, case_number);
    await expect(await deliveryLine(desk, 'Mangler i meldingen')).toHaveText('Ikke sendt – frittstående (ingen sentral tjeneste)');
  });
});

/** A request for information on the first open case with a missing item, as the standalone desk's user. */
async function requestInformationSomewhere(core: HarnessDesk): Promise<number> {
  const open = core.database.sqlite.prepare("SELECT id FROM cases WHERE status IN ('new', 'in_review') ORDER BY id").all() as { id: number }[];
  for (const { id } of open) {
    const answer = await core.dispatch('case.completeness', { caseId: id });
    if (!answer.ok) continue;
    const view = answer.value as { items: { code: string; ok: boolean }[] };
    const missing = view.items.find((item) => !item.ok);
    if (!missing) continue;
    const result = await core.dispatch('case.requestInformation', { caseId: id, items: [missing.code], subject: 'Mangler i meldingen', body: 'Vi mangler noe.' });
    if (result.ok) return id;
  }
  throw new Error('no open case with a missing item');
}
