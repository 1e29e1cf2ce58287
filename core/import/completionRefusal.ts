// The installer's answer to a ferdigmelding the grid company could not take, as both databases store it: written by
// the importer in the transaction that recorded the notice on the case (standalone: localImportStore.ts; centrally:
// centralImport.ts, where the delivery triggers of central 0022 put it in the firm's portal inbox and e-mail).
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { completionRefusalMessage, type CompletionRefusal } from '../../shared/rules';
import { installerRecipientOf } from '../billing/startApprovalDraft';
import { decisionMessageFactsSql, type DecisionMessageFacts } from '../casework/decisionMessage';

export const COMPLETION_REFUSED_KIND = 'completion_refused';

export function completionRefusalDraft(facts: DecisionMessageFacts, refusals: readonly CompletionRefusal[]): {
  recipient: string;
  subject: string;
  body: string;
} {
  const address = `${facts.address}, ${facts.postcode} ${facts.post_town}`;
  return { recipient: installerRecipientOf(facts), ...completionRefusalMessage({ caseNumber: facts.case_number, address, refusals }) };
}

/** Which case a quarantined record's text is a ferdigmelding for, if it is one (a record the handler may discard). */
export function completionNoticeReference(raw: string): { caseNumber: string | null; caseMessageId: string | null } | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || (value as { kind?: unknown }).kind !== 'completion_notice') return null;
  const { caseNumber, caseMessageId } = value as { caseNumber?: unknown; caseMessageId?: unknown };
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  return text(caseNumber) || text(caseMessageId) ? { caseNumber: text(caseNumber), caseMessageId: text(caseMessageId) } : null;
}

/**
 * The case a reference names, by its number or by the message that made it: SQLite's named parameters
 * (`@caseNumber`, `@caseMessageId`) or PostgreSQL's `$1`, `$2`.
 */
export const referencedCaseSql = (dialect: 'sqlite' | 'postgres') => {
  const [number, message] = dialect === 'sqlite' ? ['@caseNumber', '@caseMessageId'] : ['$1', '$2'];
  return `SELECT id FROM cases WHERE (CAST(${number} AS text) IS NOT NULL AND case_number = ${number})
            OR (CAST(${message} AS text) IS NOT NULL AND message_id = ${message}) LIMIT 1`;
};

/** Standalone: the answer stored on the case with its history event, as the importer or the handler who refused. */
export function storeLocalCompletionRefusal(
  sqlite: Database.Database, caseId: number, refusals: readonly CompletionRefusal[], at: string, actorId: string,
): void {
  const facts = sqlite.prepare(decisionMessageFactsSql('?', 'newCase')).get(caseId) as DecisionMessageFacts;
  const { recipient, subject, body } = completionRefusalDraft(facts, refusals);
  const messageId = randomUUID();
  sqlite.prepare(
    `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?)`,
  ).run(messageId, caseId, COMPLETION_REFUSED_KIND, recipient, subject, body, at, actorId);
  sqlite.prepare('INSERT INTO case_events (case_id, at, actor_id, kind, data) VALUES (?, ?, ?, ?, ?)')
    .run(caseId, at, actorId, 'message_queued', JSON.stringify({ messageId, kind: COMPLETION_REFUSED_KIND, subject }));
}
