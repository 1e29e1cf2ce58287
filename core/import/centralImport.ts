// Importing incoming messages into the central database, as its owner (the importer is no person: events name
// 'system:import'; status changes are written by the audit trigger, with the rule in desk.status_rule). The
// decisions are those of the local import (messagePlans.ts); only the store differs.
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { osloDate } from '../clock';
import {
  AGDER_MUNICIPALITIES,
  checkInstaller,
  requiredGridWork,
  type AttachmentKind,
  type CaseFacts,
  type CaseStatus,
  type CompletenessRuleSet,
  type CompletionRefusal,
  type DsbStatus,
  type PrequalificationCategory,
  type RequestType,
} from '../../shared/rules';
import { columnOf, fieldsOfRow, requestCaseFields, sqlValue, type CaseFieldValues } from './caseFields';
import { reason, type ImportReason } from './importReasons';
import { ruleSetFromStored } from '../casework/completenessService';
import { importSettingsFrom, type ImportSettings } from './importSettings';
import { contentDiffers, readableMessageId, type ImportOutcome } from './importService';
import { DEFAULT_IMPORT_LIMITS, inChunks, readIncomingFile, type ImportLimits, type RecordInput } from './incomingFile';
import type { KnownMessage } from './localImportStore';
import { contentSha256 } from './recordContent';
import { decisionMessageDraft, decisionMessageFactsSql, ruleDecisionKindOf, type DecisionMessageFacts } from '../casework/decisionMessage';
import type { IncomingAttachment, IncomingMessage } from './incomingMessage';
import { IMPORT_ACTOR } from './localImportStore';
import {
  autoApproval,
  installerPassesEveryCheck,
  planCompletionNotice,
  planRequest,
  planSupplement,
  type PlannedEvent,
  type StoredCase,
  type SystemTransition,
} from './messagePlans';
import { splitRecords } from './splitRecords';
import { COMPLETION_REFUSED_KIND, completionRefusalDraft } from './completionRefusal';
import { validateRecord } from './validateRecord';

/** Dates and timestamps as the text PostgreSQL writes, not JS Dates in the machine's time zone. */
const TEXT_OIDS = new Set([1082, 1114, 1184]);
const TEXT_TIMES = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    TEXT_OIDS.has(oid) ? (value: string) => value : (pg.types.getTypeParser(oid, format) as (value: string) => unknown),
};

const CASE_NUMBER_LOCK = 7_340_215_004;

type RecordResult =
  | { kind: 'imported'; caseId: number }
  | { kind: 'duplicate' }
  | { kind: 'quarantined'; messageId: string | null; reasons: ImportReason[] };

export interface CentralImportOptions {
  now: Date;
  chunkSize?: number;
  replaceQuarantineId?: string;
  onProgress?: (done: number, total: number) => void;
  /** Run right after each transaction's BEGIN: the portal takes its role there (SET LOCAL ROLE, its firm, the actor). */
  onBegin?: (client: pg.ClientBase) => Promise<void>;
  /**
   * A record that cannot be imported is undone and answered in `refused` instead of being quarantined (the portal:
   * the sender fixes it in the form, so nothing is left for the desk).
   */
  refuseInsteadOfQuarantine?: boolean;
}

/** The outcome, and with refuseInsteadOfQuarantine the records refused and why. */
export interface CentralImportOutcome extends ImportOutcome {
  refused: { messageId: string | null; reasons: ImportReason[] }[];
}

class CentralStore {
  private readonly rules = new Map<string, CompletenessRuleSet>();
  private readonly lastCaseNumber = new Map<string, number>();

  private constructor(
    private readonly client: pg.ClientBase,
    readonly municipalities: ReadonlySet<string>,
    readonly settings: ImportSettings,
  ) {}

  static async open(client: pg.ClientBase): Promise<CentralStore> {
    const { rows: known } = await client.query<{ number: string }>('SELECT number FROM municipalities');
    const { rows: settings } = await client.query<{ key: string; value: string }>('SELECT key, value FROM company_settings');
    return new CentralStore(client,
      new Set([...AGDER_MUNICIPALITIES.map((m) => m.number), ...known.map((m) => m.number)]),
      importSettingsFrom(new Map(settings.map((s) => [s.key, s.value]))));
  }

  forgetCaseNumbers(): void {
    this.lastCaseNumber.clear();
  }

  /** A message imported before, with its content's hash (null when imported before hashes were kept). */
  async knownMessage(messageId: string): Promise<KnownMessage | null> {
    const { rows: [seen] } = await this.client.query<{ content_sha256: string | null; imported_at: string }>({
      text: 'SELECT content_sha256, imported_at FROM incoming_messages WHERE message_id = $1', values: [messageId], types: TEXT_TIMES });
    if (seen) return { contentSha256: seen.content_sha256, importedAt: seen.imported_at };
    const { rowCount } = await this.client.query('SELECT 1 FROM cases WHERE message_id = $1', [messageId]);
    return (rowCount ?? 0) > 0 ? { contentSha256: null, importedAt: null } : null;
  }

  async rulesFor(requestType: string): Promise<CompletenessRuleSet> {
    let rules = this.rules.get(requestType);
    if (!rules) {
      const { rows } = await this.client.query<{ rules: string }>('SELECT rules FROM completeness_rules WHERE request_type = $1', [requestType]);
      rules = ruleSetFromStored(rows[0]?.rules, requestType as RequestType).rules;
      this.rules.set(requestType, rules);
    }
    return rules;
  }

  async installerIdOf(installer: { organisationNumber: string; name: string; dsbRegistrationId?: string; email?: string; phone?: string; contactPerson?: string }): Promise<number> {
    const { rows } = await this.client.query<{ id: string }>('SELECT id FROM installers WHERE organisation_number = $1', [installer.organisationNumber]);
    if (rows[0]) return Number(rows[0].id);
    const { rows: [created] } = await this.client.query<{ id: string }>(
      `INSERT INTO installers (organisation_number, name, dsb_registration_id, dsb_status, email, phone, contact_person)
       VALUES ($1, $2, coalesce($3, (SELECT registration_id FROM dsb_register WHERE organisation_number = $1)),
               (SELECT status FROM dsb_register WHERE organisation_number = $1), $4, $5, $6) RETURNING id`,
      [installer.organisationNumber, installer.name, installer.dsbRegistrationId ?? null, installer.email ?? null,
        installer.phone ?? null, installer.contactPerson ?? null]);
    return Number(created.id);
  }

  async nextCaseNumber(submittedAt: string): Promise<string> {
    const year = submittedAt.slice(0, 4);
    let last = this.lastCaseNumber.get(year);
    if (last === undefined) {
      const { rows: [{ max }] } = await this.client.query<{ max: string | null }>(
        "SELECT max(case_number) AS max FROM cases WHERE case_number LIKE $1 || '-%'", [year]);
      last = max ? Number(max.slice(5)) : 0;
    }
    this.lastCaseNumber.set(year, last + 1);
    return `${year}-${String(last + 1).padStart(6, '0')}`;
  }

  async insertCase(values: CaseFieldValues): Promise<number> {
    const columns = Object.keys(values);
    const { rows: [row] } = await this.client.query<{ id: string }>(
      `INSERT INTO cases (${columns.map(columnOf).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      columns.map((c) => sqlValue(values[c], 'boolean')));
    return Number(row.id);
  }

  /** The audit trigger writes status_changed (with the rule or reason set here) and completeness_reached. */
  async updateCase(caseId: number, values: CaseFieldValues, transition: SystemTransition | null = null): Promise<void> {
    const columns = Object.keys(values);
    if (columns.length === 0) return;
    await this.client.query("SELECT set_config('desk.status_rule', $1, true), set_config('desk.status_reason', $2, true)",
      [transition?.rule ?? '', transition?.reason ?? '']);
    await this.client.query(`UPDATE cases SET ${columns.map((c, i) => `${columnOf(c)} = $${i + 1}`).join(', ')} WHERE id = $${columns.length + 1}`,
      [...columns.map((c) => sqlValue(values[c], 'boolean')), caseId]);
    await this.client.query("SELECT set_config('desk.status_rule', '', true), set_config('desk.status_reason', '', true)");
  }

  /** The installer's message about a decision taken by a rule, through queue_rule_decision_message (central 0028). */
  async tellRuleDecision(caseId: number, transition: SystemTransition): Promise<void> {
    const kind = ruleDecisionKindOf(transition.to);
    if (!kind) return;
    const { rows: [facts] } = await this.client.query<DecisionMessageFacts>(decisionMessageFactsSql('$1', 'newCase'), [caseId]);
    const { recipient, subject, body } = decisionMessageDraft(facts, { kind, conditions: [], reason: transition.reason });
    await this.client.query('SELECT queue_rule_decision_message($1, $2, $3, $4, $5, $6)', [caseId, randomUUID(), kind, recipient, subject, body]);
  }

  /** The answer to a ferdigmelding refused on this case; the audit and delivery triggers do the rest (0007, 0022). */
  async answerRefusedCompletion(caseId: number, refusals: readonly CompletionRefusal[]): Promise<void> {
    const { rows: [facts] } = await this.client.query<DecisionMessageFacts>(decisionMessageFactsSql('$1', 'newCase'), [caseId]);
    const { recipient, subject, body } = completionRefusalDraft(facts, refusals);
    await this.client.query(
      `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items) VALUES ($1, $2, $3, $4, $5, $6, '[]')`,
      [randomUUID(), caseId, COMPLETION_REFUSED_KIND, recipient, subject, body]);
  }

  async storeAttachments(caseId: number, attachments: readonly IncomingAttachment[], receivedAt: string): Promise<void> {
    for (const attachment of attachments) {
      const content = Buffer.from(attachment.contentBase64, 'base64');
      const sha256 = createHash('sha256').update(content).digest('hex');
      await this.client.query('INSERT INTO attachment_blobs (sha256, content) VALUES ($1, $2) ON CONFLICT DO NOTHING', [sha256, content]);
      await this.client.query(
        `INSERT INTO attachments (case_id, kind, file_name, mime_type, size_bytes, sha256, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [caseId, attachment.kind, attachment.fileName, attachment.mimeType, content.length, sha256, receivedAt]);
    }
  }

  async recordEvents(caseId: number, events: readonly PlannedEvent[], at: string): Promise<void> {
    for (const event of events) {
      await this.client.query('INSERT INTO case_events (case_id, at, actor_id, kind, data) VALUES ($1, $2, $3, $4, $5)',
        [caseId, at, IMPORT_ACTOR, event.kind, JSON.stringify(event.data)]);
    }
  }

  async recordMessage(message: IncomingMessage, caseId: number, content: string): Promise<void> {
    await this.client.query('INSERT INTO incoming_messages (message_id, kind, case_id, received_at, content_sha256) VALUES ($1, $2, $3, $4, $5)',
      [message.messageId, message.kind, caseId, message.sentAt, content]);
  }

  async findCase(reference: { caseMessageId?: string; caseNumber?: string }): Promise<StoredCase | null> {
    const byMessage = reference.caseMessageId !== undefined;
    const { rows: [row] } = await this.client.query<Record<string, unknown>>({
      text: `SELECT * FROM cases WHERE ${byMessage ? 'message_id' : 'case_number'} = $1`,
      values: [byMessage ? reference.caseMessageId : reference.caseNumber],
      types: TEXT_TIMES,
    });
    if (!row) return null;
    const id = Number(row.id);
    const { rows: kinds } = await this.client.query<{ kind: AttachmentKind }>('SELECT DISTINCT kind FROM attachments WHERE case_id = $1', [id]);
    return {
      id,
      status: row.status as CaseStatus,
      requestType: row.request_type as string,
      fields: fieldsOfRow(row),
      attachmentKinds: kinds.map((k) => k.kind),
      completeAt: row.complete_at as string | null,
      dueDate: row.due_date as string | null,
      clockPausedOn: row.clock_paused_on as string | null,
      overrides: JSON.parse(row.completeness_overrides as string) as Record<string, { reason: string }>,
    };
  }

  async installerPassesEveryCheck(caseId: number, fields: CaseFieldValues, today: string): Promise<boolean> {
    const facts = fields as unknown as CaseFacts;
    const { rows: [dsb] } = await this.client.query<{ status: DsbStatus; as_of: string }>({
      text: `SELECT d.status, d.as_of FROM dsb_register d JOIN installers i ON i.organisation_number = d.organisation_number
             JOIN cases c ON c.installer_id = i.id WHERE c.id = $1`,
      values: [caseId], types: TEXT_TIMES });
    const { rows: prequalifications } = await this.client.query<{ category: PrequalificationCategory; valid_from: string; valid_to: string }>({
      text: 'SELECT p.category, p.valid_from, p.valid_to FROM prequalifications p JOIN cases c ON c.installer_id = p.installer_id WHERE c.id = $1',
      values: [caseId], types: TEXT_TIMES });
    const check = checkInstaller({
      today,
      dsb: dsb ? { status: dsb.status, asOf: dsb.as_of } : null,
      prequalifications: prequalifications.map((p) => ({ category: p.category, validFrom: p.valid_from, validTo: p.valid_to })),
      work: requiredGridWork({ ...facts, hasProduction: Boolean(facts.hasProduction) }),
      areaSupplierFor: () => null,
    });
    return installerPassesEveryCheck(check);
  }

  async quarantine(source: string, messageId: string | null, raw: string, reasons: ImportReason[], replaceId?: string): Promise<string> {
    if (replaceId !== undefined) {
      const { rowCount } = await this.client.query(
        "UPDATE import_quarantine SET raw = $1, reasons = $2, message_id = $3, state = 'open' WHERE id = $4",
        [raw, JSON.stringify(reasons), messageId, replaceId]);
      if (rowCount) return replaceId;
    }
    const id = randomUUID();
    await this.client.query('INSERT INTO import_quarantine (id, source, message_id, raw, reasons) VALUES ($1, $2, $3, $4, $5)',
      [id, source, messageId, raw, JSON.stringify(reasons)]);
    return id;
  }

  async resolveQuarantine(id: string): Promise<void> {
    await this.client.query("UPDATE import_quarantine SET state = 'imported', resolved_at = now(), resolved_by = current_user WHERE id = $1", [id]);
  }
}

async function importMessage(
  store: CentralStore, message: IncomingMessage, content: string, now: string, today: string, refuseInsteadOfQuarantine: boolean,
): Promise<RecordResult> {
  const known = await store.knownMessage(message.messageId);
  if (known) {
    // Seen before: a duplicate when it says the same (or was imported before contents were kept), else a person looks.
    if (known.contentSha256 === null || known.contentSha256 === content) return { kind: 'duplicate' };
    return { kind: 'quarantined', messageId: message.messageId, reasons: [contentDiffers(message.messageId, known.importedAt)] };
  }
  if (message.kind === 'request') {
    const fields = requestCaseFields(message);
    const plan = planRequest(message, fields, await store.rulesFor(message.requestType), store.settings);
    const caseId = await store.insertCase({
      ...fields,
      caseNumber: await store.nextCaseNumber(message.sentAt),
      messageId: message.messageId,
      status: 'new',
      submittedAt: message.sentAt,
      completeAt: plan.completeness.completeAt,
      dueDate: plan.completeness.dueDate,
      installerId: await store.installerIdOf(message.installer),
    });
    await store.storeAttachments(caseId, message.attachments, message.sentAt);
    const arrival: PlannedEvent[] = [{ kind: 'received', data: { messageId: message.messageId } }];
    // Inserted complete, so the trigger (on UPDATE of complete_at) does not see it: recorded here as locally.
    if (plan.completeness.dueDate !== null) arrival.push({ kind: 'completeness_reached', data: { dueDate: plan.completeness.dueDate } });
    await store.recordEvents(caseId, arrival, message.sentAt);
    if (plan.transition) {
      await store.updateCase(caseId, { status: plan.transition.to, decisionReason: plan.transition.reason ?? null }, plan.transition);
      await store.tellRuleDecision(caseId, plan.transition);
    } else if (plan.mayAutoApprove && (await store.installerPassesEveryCheck(caseId, fields, today))) {
      await store.updateCase(caseId, { status: autoApproval.to }, autoApproval);
      await store.tellRuleDecision(caseId, autoApproval);
    }
    return { kind: 'imported', caseId };
  }
  const stored = await store.findCase(message);
  if (!stored) {
    return { kind: 'quarantined', messageId: message.messageId, reasons: [reason(message.caseMessageId !== undefined ? 'caseMessageId' : 'caseNumber',
      'case.notFound', `No case for ${message.caseMessageId ?? message.caseNumber}`)] };
  }
  if (message.kind === 'supplement') {
    const plan = planSupplement(stored, message, await store.rulesFor(stored.requestType), store.settings, today);
    if (!plan.ok) return { kind: 'quarantined', messageId: message.messageId, reasons: plan.reasons };
    await store.recordEvents(stored.id, plan.events.filter((e) => e.kind === 'supplement_received'), now);
    await store.updateCase(stored.id, plan.set, plan.transition);
    await store.storeAttachments(stored.id, message.attachments, message.sentAt);
    return { kind: 'imported', caseId: stored.id };
  }
  const plan = planCompletionNotice(stored, message, store.settings);
  // The portal answers its own sender at once (refuseInsteadOfQuarantine undoes the record); a file's refused
  // notice is recorded on the case and answered to the installer with the reasons, not left in quarantine.
  if (!plan.ok && refuseInsteadOfQuarantine) return { kind: 'quarantined', messageId: message.messageId, reasons: plan.reasons };
  await store.recordEvents(stored.id, plan.events.filter((e) => e.kind !== 'status_changed'), now);
  if (!plan.ok) {
    await store.answerRefusedCompletion(stored.id, plan.refusals);
    return { kind: 'imported', caseId: stored.id };
  }
  await store.updateCase(stored.id, plan.set, plan.transition);
  await store.storeAttachments(stored.id, message.attachments, message.sentAt);
  return { kind: 'imported', caseId: stored.id };
}

/** Imports a file's text into the central database in transactions of `chunkSize` records. */
export async function importIntoCentral(client: pg.ClientBase, text: string, source: string, options: CentralImportOptions): Promise<CentralImportOutcome> {
  const split = splitRecords(text);
  if (!split.ok) return importRecordsIntoCentral(client, { quarantined: split }, source, options);
  return importRecordsIntoCentral(client, { records: split.records, count: split.records.length }, source, options);
}

export interface CentralFileImportOptions extends CentralImportOptions {
  limits?: ImportLimits;
}

/**
 * Imports one file into the central database: read whole, or record by record when it is large; a file that is
 * not UTF-8, cannot be read, or is too large is one quarantine row, and the caller goes on with the next file.
 */
export async function importFileIntoCentral(client: pg.ClientBase, file: string, options: CentralFileImportOptions): Promise<ImportOutcome> {
  const content = readIncomingFile(file, options.limits ?? DEFAULT_IMPORT_LIMITS);
  if (content.kind === 'text') return importIntoCentral(client, content.text, file, options);
  if (content.kind === 'quarantined') return importRecordsIntoCentral(client, { quarantined: content }, file, options);
  return importRecordsIntoCentral(client, content, file, options);
}

async function importRecordsIntoCentral(client: pg.ClientBase, input: RecordInput, source: string, options: CentralImportOptions): Promise<CentralImportOutcome> {
  const now = options.now.toISOString();
  const today = osloDate(options.now);
  const outcome: CentralImportOutcome = { imported: 0, duplicates: 0, quarantined: 0, caseIds: [], quarantineIds: [], refused: [] };
  if (options.onBegin) await client.query('BEGIN');
  let store: CentralStore;
  try {
    await options.onBegin?.(client);
    store = await CentralStore.open(client);
    if (options.onBegin) await client.query('COMMIT');
  } catch (error) {
    if (options.onBegin) await client.query('ROLLBACK');
    throw error;
  }
  let replaceId = options.replaceQuarantineId;
  const quarantine = async (messageId: string | null, raw: string, reasons: ImportReason[]) => {
    if (options.refuseInsteadOfQuarantine) {
      outcome.refused.push({ messageId, reasons });
      return;
    }
    outcome.quarantineIds.push(await store.quarantine(source, messageId, raw, reasons, replaceId));
    outcome.quarantined++;
    replaceId = undefined;
  };
  if ('quarantined' in input) {
    await quarantine(null, input.quarantined.raw, input.quarantined.reasons);
    options.onProgress?.(1, 1);
    return outcome;
  }
  let done = 0;
  for (const chunk of inChunks(input.records, options.chunkSize ?? 250)) {
    await client.query('BEGIN');
    try {
      await options.onBegin?.(client);
      // Case numbers run per year: one importer at a time takes the next ones.
      await client.query('SELECT pg_advisory_xact_lock($1)', [CASE_NUMBER_LOCK]);
      store.forgetCaseNumbers();
      for (const record of chunk) {
        const validated = record.problems.length > 0 ? null : validateRecord(record.value, store.municipalities);
        let result: RecordResult;
        if (validated === null) {
          result = { kind: 'quarantined', messageId: readableMessageId(record.value), reasons: record.problems };
        } else if (!validated.ok) {
          result = { kind: 'quarantined', messageId: validated.messageId, reasons: validated.reasons };
        } else {
          const content = contentSha256(record.value);
          await client.query('SAVEPOINT record');
          try {
            result = await importMessage(store, validated.message, content, now, today, options.refuseInsteadOfQuarantine === true);
            if (result.kind === 'imported') await store.recordMessage(validated.message, result.caseId, content);
            // Refused rather than quarantined: what it did (a refused completion notice's event) is undone too.
            if (result.kind === 'quarantined' && options.refuseInsteadOfQuarantine) await client.query('ROLLBACK TO SAVEPOINT record');
            await client.query('RELEASE SAVEPOINT record');
          } catch (error) {
            await client.query('ROLLBACK TO SAVEPOINT record');
            const detail = error instanceof Error ? error.message : String(error);
            result = { kind: 'quarantined', messageId: validated.message.messageId, reasons: [reason('', 'import.failed', `Import failed: ${detail}`)] };
          }
        }
        if (result.kind === 'imported') {
          outcome.imported++;
          outcome.caseIds.push(result.caseId);
        } else if (result.kind === 'duplicate') outcome.duplicates++;
        else await quarantine(result.messageId, record.raw(), result.reasons);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    done += chunk.length;
    options.onProgress?.(done, input.count);
  }
  if (options.replaceQuarantineId !== undefined && outcome.quarantined === 0) await store.resolveQuarantine(options.replaceQuarantineId);
  outcome.caseIds = [...new Set(outcome.caseIds)];
  return outcome;
}

/** Imports again the quarantine rows a handler fixed and marked ready. */
export async function importReadyQuarantine(client: pg.ClientBase, now: Date): Promise<ImportOutcome> {
  const total: ImportOutcome = { imported: 0, duplicates: 0, quarantined: 0, caseIds: [], quarantineIds: [] };
  const { rows } = await client.query<{ id: string; raw: string; source: string }>(
    // Rows from the billing file (source billing:…) are import-payments' (billing/centralPaymentImport.ts).
    "SELECT id, raw, source FROM import_quarantine WHERE state = 'ready' AND source NOT LIKE 'billing:%' ORDER BY received_at, id");
  for (const row of rows) {
    const one = await importIntoCentral(client, row.raw, row.source, { now, replaceQuarantineId: row.id });
    total.imported += one.imported;
    total.duplicates += one.duplicates;
    total.quarantined += one.quarantined;
    total.caseIds.push(...one.caseIds);
    total.quarantineIds.push(...one.quarantineIds);
  }
  return total;
}
