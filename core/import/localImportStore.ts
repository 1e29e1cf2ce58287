// The local SQLite database as the import's store (standalone mode: it is the truth). Statements are prepared
// once per import; the caller wraps records in transactions.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import {
  AGDER_MUNICIPALITIES,
  type AttachmentKind,
  type CaseStatus,
  type CompletenessRuleSet,
  type RequestType,
} from '../../shared/rules';
import type { AttachmentStore } from '../attachments/attachmentStore';
import { columnOf, fieldsOfRow, sqlValue, type CaseFieldValues } from './caseFields';
import type { ImportReason } from './importReasons';
import { ruleSetFromStored } from '../casework/completenessService';
import { importSettingsFrom, type ImportSettings } from './importSettings';
import type { IncomingAttachment, IncomingMessageKind, RequestMessage } from './incomingMessage';
import type { PlannedEvent, StoredCase, SystemTransition } from './messagePlans';
import { decisionMessageDraft, decisionMessageFactsSql, ruleDecisionKindOf, type DecisionMessageFacts } from '../casework/decisionMessage';
import type { CompletionRefusal } from '../../shared/rules';
import { storeLocalCompletionRefusal } from './completionRefusal';

export const IMPORT_ACTOR = 'system:import';

export interface KnownMessage {
  contentSha256: string | null;
  importedAt: string | null;
}

export class LocalImportStore {
  readonly municipalities: ReadonlySet<string>;
  readonly settings: ImportSettings;
  private readonly rules = new Map<string, CompletenessRuleSet>();
  private readonly lastCaseNumber = new Map<string, number>();
  private readonly prepared = new Map<string, Database.Statement>();
  private readonly statements;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly attachments: AttachmentStore,
  ) {
    const known = sqlite.prepare('SELECT number FROM municipalities').pluck().all() as string[];
    this.municipalities = new Set([...AGDER_MUNICIPALITIES.map((m) => m.number), ...known]);
    const settings = sqlite.prepare('SELECT key, value FROM company_settings').raw().all() as [string, string][];
    this.settings = importSettingsFrom(new Map(settings));
    this.statements = {
      incomingMessage: sqlite.prepare('SELECT content_sha256 AS contentSha256, imported_at AS importedAt FROM incoming_messages WHERE message_id = ?'),
      caseWithMessage: sqlite.prepare('SELECT 1 FROM cases WHERE message_id = ?').pluck(),
      recordMessage: sqlite.prepare(
        'INSERT INTO incoming_messages (message_id, kind, case_id, received_at, imported_at, content_sha256) VALUES (?, ?, ?, ?, ?, ?)'),
      installerId: sqlite.prepare('SELECT id FROM installers WHERE organisation_number = ?').pluck(),
      dsbEntry: sqlite.prepare('SELECT status, registration_id FROM dsb_register WHERE organisation_number = ?'),
      insertInstaller: sqlite.prepare(
        `INSERT INTO installers (organisation_number, name, dsb_registration_id, dsb_status, email, phone, contact_person)
         VALUES (?, ?, ?, ?, ?, ?, ?)`),
      maxCaseNumber: sqlite.prepare("SELECT max(case_number) FROM cases WHERE case_number LIKE ? || '-%'").pluck(),
      rules: sqlite.prepare('SELECT rules FROM completeness_rules WHERE request_type = ?').pluck(),
      insertAttachment: sqlite.prepare(
        `INSERT INTO attachments (case_id, kind, file_name, mime_type, size_bytes, sha256, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`),
      insertEvent: sqlite.prepare('INSERT INTO case_events (case_id, at, actor_id, kind, data) VALUES (?, ?, ?, ?, ?)'),
      caseByMessageId: sqlite.prepare('SELECT * FROM cases WHERE message_id = ?'),
      caseByNumber: sqlite.prepare('SELECT * FROM cases WHERE case_number = ?'),
      attachmentKinds: sqlite.prepare('SELECT DISTINCT kind FROM attachments WHERE case_id = ?').pluck(),
      insertQuarantine: sqlite.prepare(
        `INSERT INTO import_quarantine (id, source, message_id, received_at, raw, reasons, state)
         VALUES (?, ?, ?, ?, ?, ?, 'open')`),
      reopenQuarantine: sqlite.prepare(
        "UPDATE import_quarantine SET raw = ?, reasons = ?, message_id = ?, state = 'open' WHERE id = ?"),
      resolveQuarantine: sqlite.prepare(
        "UPDATE import_quarantine SET state = 'imported', resolved_at = ?, resolved_by = ? WHERE id = ?"),
    };
  }

  /** A message imported before, with its content's hash (null when imported before hashes were kept). */
  knownMessage(messageId: string): KnownMessage | null {
    const row = this.statements.incomingMessage.get(messageId) as KnownMessage | undefined;
    if (row) return row;
    return this.statements.caseWithMessage.get(messageId) !== undefined ? { contentSha256: null, importedAt: null } : null;
  }

  recordMessage(messageId: string, kind: IncomingMessageKind, caseId: number, sentAt: string, now: string, contentSha256: string): void {
    this.statements.recordMessage.run(messageId, kind, caseId, sentAt, now, contentSha256);
  }

  rulesFor(requestType: string): CompletenessRuleSet {
    let rules = this.rules.get(requestType);
    if (!rules) {
      const stored = this.statements.rules.get(requestType) as string | undefined;
      rules = ruleSetFromStored(stored, requestType as RequestType).rules;
      this.rules.set(requestType, rules);
    }
    return rules;
  }

  /** The installer's id, adding the installer as the request names it when we have not met them before. */
  installerIdOf(installer: RequestMessage['installer']): number {
    const existing = this.statements.installerId.get(installer.organisationNumber) as number | undefined;
    if (existing !== undefined) return existing;
    // The register's entry gives the status, and the registration id when the message names none (the portal's don't).
    const dsb = this.statements.dsbEntry.get(installer.organisationNumber) as { status: string; registration_id: string | null } | undefined;
    return Number(this.statements.insertInstaller.run(installer.organisationNumber, installer.name,
      installer.dsbRegistrationId ?? dsb?.registration_id ?? null, dsb?.status ?? null, installer.email ?? null, installer.phone ?? null,
      installer.contactPerson ?? null).lastInsertRowid);
  }

  /** Running number per year of submission, as the demo numbers them: `2026-000123`. */
  nextCaseNumber(submittedAt: string): string {
    const year = submittedAt.slice(0, 4);
    let last = this.lastCaseNumber.get(year);
    if (last === undefined) {
      const max = this.statements.maxCaseNumber.get(year) as string | null;
      last = max ? Number(max.slice(5)) : 0;
    }
    this.lastCaseNumber.set(year, last + 1);
    return `${year}-${String(last + 1).padStart(6, '0')}`;
  }

  insertCase(values: CaseFieldValues): number {
    const columns = Object.keys(values);
    const insert = this.statement(
      `INSERT INTO cases (${columns.map(columnOf).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    return Number(insert.run(...columns.map((c) => sqlValue(values[c]))).lastInsertRowid);
  }

  updateCase(caseId: number, values: CaseFieldValues, now: string): void {
    const columns = Object.keys(values);
    const assignments = [...columns.map((c) => `${columnOf(c)} = ?`), 'updated_at = ?', 'version = version + 1'];
    this.statement(`UPDATE cases SET ${assignments.join(', ')} WHERE id = ?`)
      .run(...columns.map((c) => sqlValue(values[c])), now, caseId);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  storeAttachments(caseId: number, attachments: readonly IncomingAttachment[], receivedAt: string): void {
    for (const attachment of attachments) {
      const content = Buffer.from(attachment.contentBase64, 'base64');
      const sha256 = createHash('sha256').update(content).digest('hex');
      const file = this.attachments.pathOf(sha256);
      if (!existsSync(file)) writeFileSync(file, content);
      this.statements.insertAttachment.run(caseId, attachment.kind, attachment.fileName, attachment.mimeType,
        content.length, sha256, receivedAt);
    }
  }

  /** The installer's message about a decision taken by a rule (casework/decisionMessage.ts), and its history entry. */
  tellRuleDecision(caseId: number, transition: SystemTransition, at: string): void {
    const kind = ruleDecisionKindOf(transition.to);
    if (!kind) return;
    const facts = this.statement(decisionMessageFactsSql('?', 'newCase')).get(caseId) as DecisionMessageFacts;
    const { recipient, subject, body } = decisionMessageDraft(facts, { kind, conditions: [], reason: transition.reason });
    const messageId = randomUUID();
    this.statement(
      `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?)`,
    ).run(messageId, caseId, kind, recipient, subject, body, at, IMPORT_ACTOR);
    this.recordEvents(caseId, [{ kind: 'message_queued', data: { messageId, kind, subject } }], at);
  }

  /** The answer to a ferdigmelding refused on this case, stored for delivery with its history event. */
  answerRefusedCompletion(caseId: number, refusals: readonly CompletionRefusal[], at: string): void {
    storeLocalCompletionRefusal(this.sqlite, caseId, refusals, at, IMPORT_ACTOR);
  }

  recordEvents(caseId: number, events: readonly PlannedEvent[], at: string): void {
    for (const event of events) this.statements.insertEvent.run(caseId, at, IMPORT_ACTOR, event.kind, JSON.stringify(event.data));
  }

  findCase(reference: { caseMessageId?: string; caseNumber?: string }): StoredCase | null {
    const row = (reference.caseMessageId !== undefined
      ? this.statements.caseByMessageId.get(reference.caseMessageId)
      : this.statements.caseByNumber.get(reference.caseNumber)) as Record<string, unknown> | undefined;
    if (!row) return null;
    const id = row.id as number;
    return {
      id,
      status: row.status as CaseStatus,
      requestType: row.request_type as string,
      fields: fieldsOfRow(row),
      attachmentKinds: this.statements.attachmentKinds.all(id) as AttachmentKind[],
      completeAt: row.complete_at as string | null,
      dueDate: row.due_date as string | null,
      clockPausedOn: row.clock_paused_on as string | null,
      overrides: JSON.parse(row.completeness_overrides as string) as Record<string, { reason: string }>,
    };
  }

  quarantine(source: string, messageId: string | null, raw: string, reasons: ImportReason[], now: string,
    replaceId?: string): string {
    if (replaceId !== undefined) {
      const changed = this.statements.reopenQuarantine.run(raw, JSON.stringify(reasons), messageId, replaceId).changes;
      if (changed > 0) return replaceId;
    }
    const id = randomUUID();
    this.statements.insertQuarantine.run(id, source, messageId, now, raw, JSON.stringify(reasons));
    return id;
  }

  resolveQuarantine(id: string, by: string, now: string): void {
    this.statements.resolveQuarantine.run(now, by, id);
  }
}
