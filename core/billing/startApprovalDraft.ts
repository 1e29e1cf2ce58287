// The installer's start approval as both databases store it: one query (the same SQL text runs on SQLite and
// PostgreSQL) for the place and the installer, one builder for the recipient and the words. A case whose installer
// cannot be found gets no start approval on either side: the step is refused, never silently left without one.
import { startApprovalMessage } from '../../shared/rules';

/** The case's place and installer; `placeholder` is the case id's parameter ('?' in SQLite, '$1' in PostgreSQL). */
export const startApprovalFactsSql = (placeholder: '?' | '$1'): string => `
  SELECT c.case_number, c.address, c.postcode, c.post_town, i.email, c.installer_contact, i.name, i.organisation_number
  FROM cases c JOIN installers i ON i.id = c.installer_id WHERE c.id = ${placeholder}`;

export interface StartApprovalFacts {
  case_number: string;
  address: string;
  postcode: string;
  post_town: string;
  email: string | null;
  installer_contact: string | null;
  name: string;
  organisation_number: string;
}

/** The installer's email, else the contact person the request named, else the firm: the portal delivers by firm. */
export const installerRecipientOf = (row: Pick<StartApprovalFacts, 'email' | 'installer_contact' | 'name' | 'organisation_number'>): string =>
  row.email ?? row.installer_contact ?? `${row.name} (${row.organisation_number})`;

export interface StartApprovalRelease {
  offerVersion: number;
  releasedBy: 'payment' | 'acceptance';
  releasedOn: string;
}

export function startApprovalDraft(facts: StartApprovalFacts, release: StartApprovalRelease): {
  recipient: string;
  subject: string;
  body: string;
} {
  const { subject, body } = startApprovalMessage({
    caseNumber: facts.case_number,
    address: facts.address,
    postcode: facts.postcode,
    postTown: facts.post_town,
    offerVersion: release.offerVersion,
    releasedBy: release.releasedBy,
    releasedOn: release.releasedOn,
  });
  return { recipient: installerRecipientOf(facts), subject, body };
}
