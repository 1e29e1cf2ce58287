// Cases for the portal's case tests: a firm's request sent through portalSubmitMessage, and the grid company's side
// written as the owner would have it after the desk's push (an outgoing message, a status, an assignee).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { RawClient } from '../../support/serviceClient';

export const PDF = Buffer.from('%PDF-1.4\n% situasjonskart\n1 0 obj << >> endobj\n%%EOF\n');

let sequence = 0;

/** A complete new installation from `firm` at `address` (230 V IT, 50 A), with a site map (PDF). */
export function newInstallation(firm: { org: string }, address: string, sentAt: string): Record<string, unknown> {
  sequence++;
  return {
    messageId: `CASES-${sequence}-${randomUUID().slice(0, 8)}`,
    kind: 'request',
    sentAt,
    sender: { role: 'installer', organisationNumber: firm.org, name: 'Elektro AS' },
    requestType: 'new_installation',
    installation: {
      address, postcode: '4631', postTown: 'Kristiansand', municipalityNumber: '4204', gnr: 12, bnr: 7,
      buildingUse: 'house', networkSystem: '230V_IT', phases: 1, mainFuseA: 50, expectedPowerKw: 22,
    },
    owner: { name: `Eier ${sequence}`, idKind: 'national_id', nationalId: '01017012345', email: 'eier@example.no' },
    installer: { organisationNumber: firm.org, name: 'Elektro AS' },
    freeText: 'Ny enebolig, grøft er gravd.',
    // Complete by the company's rules: the site map and the owner-signed grid-rental order a new installation needs.
    attachments: [
      { kind: 'site_map', fileName: 'situasjonskart ø.pdf', mimeType: 'application/pdf', contentBase64: PDF.toString('base64') },
      { kind: 'grid_rental_order', fileName: 'nettleie.pdf', mimeType: 'application/pdf', contentBase64: PDF.toString('base64') },
    ],
  };
}

/** Sends a message as the installer; its case number, or throws with the answer. */
export async function send(client: RawClient, message: Record<string, unknown>): Promise<string> {
  const answer = await client.post<{ caseNumber: string }>('/api/portal/messages', message);
  if (answer.status !== 200) throw new Error(`message answered ${answer.status}: ${answer.text}`);
  return answer.body.caseNumber;
}

export async function caseIdOf(admin: pg.ClientBase, caseNumber: string): Promise<number> {
  return Number((await admin.query<{ id: string }>('SELECT id FROM cases WHERE case_number = $1', [caseNumber])).rows[0].id);
}

/** An outgoing message of `kind` on the case, as the grid company's desk queues it. */
export async function gridCompanyWrites(admin: pg.ClientBase, caseNumber: string, kind: string, subject: string, items: string[] = []): Promise<void> {
  await admin.query(
    "INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items) VALUES ($1, $2, $3, 'installer', $4, $5, $6)",
    [randomUUID(), await caseIdOf(admin, caseNumber), kind, subject, `${subject}.\n\nHilsen Glitre Nett`, JSON.stringify(items)]);
}

/** The handler `handler` takes the case and asks the installer for `items` (completeness item codes). */
export async function askForInformation(admin: pg.ClientBase, caseNumber: string, handler: string, items: string[]): Promise<void> {
  await admin.query('UPDATE cases SET assignee_id = $1 WHERE case_number = $2', [handler, caseNumber]);
  await gridCompanyWrites(admin, caseNumber, 'information_request', 'Vi trenger mer informasjon', items);
  await admin.query("UPDATE cases SET status = 'waiting_for_info', clock_paused_on = current_date WHERE case_number = $1", [caseNumber]);
}

/** The owner has accepted and paid: the case may be reported done, and the installer has the go-ahead. */
export async function paidAndStarted(admin: pg.ClientBase, caseNumber: string): Promise<void> {
  await admin.query("UPDATE cases SET status = 'paid' WHERE case_number = $1", [caseNumber]);
  await gridCompanyWrites(admin, caseNumber, 'start_approval', 'Klarsignal: arbeidet kan starte');
}
