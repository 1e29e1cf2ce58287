// The request for information (mangelbrev) a handler starts from: the Norwegian letter naming the chosen missing
// items, and who it goes to.
import type Database from 'better-sqlite3';
import { fail, type InformationRequestDraft } from '../../shared/contract';
import { informationRequestLetter, replyDeadline } from '../../shared/rules';
import { caseCompleteness } from './completenessService';
import { installerRecipientOf } from '../billing/startApprovalDraft';

/** The installer's email, else the contact person the request named, else the firm: the portal delivers by firm. */
export function installerRecipient(sqlite: Database.Database, caseId: number): string {
  const row = sqlite
    .prepare(
      `SELECT i.email, c.installer_contact, i.name, i.organisation_number
       FROM cases c JOIN installers i ON i.id = c.installer_id WHERE c.id = ?`,
    )
    .get(caseId) as { email: string | null; installer_contact: string | null; name: string; organisation_number: string } | undefined;
  if (!row) return fail('case.notFound', { caseId });
  return installerRecipientOf(row);
}

/** Fails unless every code names an item of the case's checklist that its facts do not meet. */
export function missingItemLabels(sqlite: Database.Database, caseId: number, codes: readonly string[]): string[] {
  const { items } = caseCompleteness(sqlite, caseId);
  return codes.map((code) => {
    const item = items.find((candidate) => candidate.code === code);
    if (!item) return fail('completeness.itemUnknown', { item: code });
    if (item.ok) return fail('completeness.itemNotMissing', { item: code });
    return item.label.nb;
  });
}

export function informationRequestDraft(
  sqlite: Database.Database,
  caseId: number,
  codes: readonly string[],
  senderName: string,
  today: string,
): InformationRequestDraft {
  const missingItems = missingItemLabels(sqlite, caseId, codes);
  const place = sqlite
    .prepare('SELECT case_number, address, postcode, post_town FROM cases WHERE id = ?')
    .get(caseId) as { case_number: string; address: string; postcode: string; post_town: string };
  const letter = informationRequestLetter({
    caseNumber: place.case_number,
    address: place.address,
    postcode: place.postcode,
    postTown: place.post_town,
    missingItems,
    senderName,
    replyBy: replyDeadline(today),
  });
  return { ...letter, recipient: installerRecipient(sqlite, caseId) };
}
