// Importing incoming portal messages into the local database: standalone mode (where that file is the truth), the
// CLI's --database, and re-importing a fixed quarantined record from the app. Every record ends as a case change,
// a duplicate, or a quarantine row with its reasons — never dropped.
import type Database from 'better-sqlite3';
import { osloDate } from '../clock';
import { AttachmentStore } from '../attachments/attachmentStore';
import { installerCheckFor } from '../casework/installerCheckService';
import type { CoreContext } from '../context';
import { requestCaseFields } from './caseFields';
import { reason, type ImportReason } from './importReasons';
import type { CompletionNoticeMessage, RequestMessage, SupplementMessage } from './incomingMessage';
import { IMPORT_ACTOR, LocalImportStore } from './localImportStore';
import {
  autoApproval,
  installerPassesEveryCheck,
  planCompletionNotice,
  planRequest,
  planSupplement,
  transitionEvent,
  type PlannedEvent,
} from './messagePlans';
import { DEFAULT_IMPORT_LIMITS, inChunks, readIncomingFile, type ImportLimits, type RecordInput } from './incomingFile';
import { contentSha256 } from './recordContent';
import { splitRecords, type FileRecord } from './splitRecords';
import { validateRecord } from './validateRecord';
import { workDoneMove } from '../workOrders/workDoneMove';

export interface ImportOutcome {
  imported: number;
  duplicates: number;
  quarantined: number;
  caseIds: number[];
  quarantineIds: string[];
}

export interface ImportIntoLocalOptions {
  /** Re-importing a fixed quarantine row: a failure updates that row, a success marks it imported. */
  replaceQuarantineId?: string;
}

export interface ImportTextOptions extends ImportIntoLocalOptions {
  now: Date;
  /** Who resolves a re-imported quarantine row. */
  actorId?: string;
  /** Records per transaction. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

type RecordResult =
  | { kind: 'imported'; caseId: number }
  | { kind: 'duplicate' }
  | { kind: 'quarantined'; messageId: string | null; reasons: ImportReason[]; caseId?: number };

const caseNotFound = (message: { caseMessageId?: string; caseNumber?: string }): RecordResult => ({
  kind: 'quarantined',
  messageId: null,
  reasons: [reason(message.caseMessageId !== undefined ? 'caseMessageId' : 'caseNumber', 'case.notFound',
    `No case for ${message.caseMessageId !== undefined ? `message id '${message.caseMessageId}'` : `case number '${message.caseNumber}'`}`)],
});

/** The record's message id when it has a readable one, for a record quarantined before validation. */
export function readableMessageId(value: unknown): string | null {
  const id = value !== null && typeof value === 'object' ? (value as { messageId?: unknown }).messageId : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id : null;
}

/** A message id seen before with other content: not a duplicate, not applied, but quarantined for a person. */
export const contentDiffers = (messageId: string, importedAt: string | null): ImportReason =>
  reason('messageId', 'message.contentDiffers', `Message id '${messageId}' was imported before${importedAt ? ` (${importedAt})` : ''} `
    + 'with different content; this one is not applied. Compare it with the case, and ask the portal which is right.');

class LocalImport {
  private readonly today: string;
  private readonly now: string;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly store: LocalImportStore,
    now: Date,
  ) {
    this.now = now.toISOString();
    this.today = osloDate(now);
  }

  request(message: RequestMessage): RecordResult {
    const { store } = this;
    const fields = requestCaseFields(message);
    const plan = planRequest(message, fields, store.rulesFor(message.requestType), store.settings);
    const caseId = store.insertCase({
      ...fields,
      caseNumber: store.nextCaseNumber(message.sentAt),
      messageId: message.messageId,
      status: plan.transition?.to ?? 'new',
      submittedAt: message.sentAt,
      completeAt: plan.completeness.completeAt,
      dueDate: plan.completeness.dueDate,
      installerId: store.installerIdOf(message.installer),
      decisionReason: plan.transition?.reason ?? null,
      updatedAt: this.now,
    });
    store.storeAttachments(caseId, message.attachments, message.sentAt);
    const arrival: PlannedEvent[] = [{ kind: 'received', data: { messageId: message.messageId } }];
    if (plan.completeness.dueDate !== null) arrival.push({ kind: 'completeness_reached', data: { dueDate: plan.completeness.dueDate } });
    store.recordEvents(caseId, arrival, message.sentAt);
    if (plan.transition) {
      store.recordEvents(caseId, [transitionEvent(plan.transition)], this.now);
      store.tellRuleDecision(caseId, plan.transition, this.now);
    }
    if (plan.mayAutoApprove && installerPassesEveryCheck(installerCheckFor(this.sqlite, caseId, this.today))) {
      store.updateCase(caseId, { status: autoApproval.to }, this.now);
      store.recordEvents(caseId, [transitionEvent(autoApproval)], this.now);
      store.tellRuleDecision(caseId, autoApproval, this.now);
    }
    return { kind: 'imported', caseId };
  }

  supplement(message: SupplementMessage): RecordResult {
    const stored = this.store.findCase(message);
    if (!stored) return caseNotFound(message);
    const plan = planSupplement(stored, message, this.store.rulesFor(stored.requestType), this.store.settings, this.today);
    if (!plan.ok) return { kind: 'quarantined', messageId: message.messageId, reasons: plan.reasons };
    this.store.updateCase(stored.id, plan.set, this.now);
    this.store.storeAttachments(stored.id, message.attachments, message.sentAt);
    this.store.recordEvents(stored.id, plan.events, this.now);
    return { kind: 'imported', caseId: stored.id };
  }

  completionNotice(message: CompletionNoticeMessage): RecordResult {
    const stored = this.store.findCase(message);
    if (!stored) return caseNotFound(message);
    const plan = planCompletionNotice(stored, message, this.store.settings);
    this.store.recordEvents(stored.id, plan.events, this.now);
    // Refused: recorded on the case and answered to the installer with the reasons, not left in quarantine.
    if (!plan.ok) {
      this.store.answerRefusedCompletion(stored.id, plan.refusals, this.now);
      return { kind: 'imported', caseId: stored.id };
    }
    this.store.updateCase(stored.id, plan.set, this.now);
    this.store.storeAttachments(stored.id, message.attachments, message.sentAt);
    if (!plan.transition) return { kind: 'imported', caseId: stored.id };
    // Work done before the notice arrived moves the case on now.
    const move = workDoneMove(this.sqlite, stored.id, plan.transition.to);
    if (move) {
      this.store.updateCase(stored.id, { status: move.to }, this.now);
      this.store.recordEvents(stored.id, [move.event], this.now);
    }
    return { kind: 'imported', caseId: stored.id };
  }

  record(record: FileRecord): RecordResult {
    if (record.problems.length > 0) return { kind: 'quarantined', messageId: readableMessageId(record.value), reasons: record.problems };
    const validated = validateRecord(record.value, this.store.municipalities);
    if (!validated.ok) return { kind: 'quarantined', messageId: validated.messageId, reasons: validated.reasons };
    const { message } = validated;
    const content = contentSha256(record.value);
    const known = this.store.knownMessage(message.messageId);
    if (known) {
      // Seen before: a duplicate when it says the same (or was imported before contents were kept), else a person looks.
      if (known.contentSha256 === null || known.contentSha256 === content) return { kind: 'duplicate' };
      return { kind: 'quarantined', messageId: message.messageId, reasons: [contentDiffers(message.messageId, known.importedAt)] };
    }
    const result = message.kind === 'request' ? this.request(message)
      : message.kind === 'supplement' ? this.supplement(message)
      : this.completionNotice(message);
    if (result.kind === 'imported') this.store.recordMessage(message.messageId, message.kind, result.caseId, message.sentAt, this.now, content);
    if (result.kind === 'quarantined') result.messageId ??= message.messageId;
    return result;
  }
}

/** Imports a file's text into a local database (not through a core: the CLI and the bench use this too). */
export function importTextIntoDatabase(
  sqlite: Database.Database,
  attachments: AttachmentStore,
  text: string,
  source: string,
  options: ImportTextOptions,
): ImportOutcome {
  const split = splitRecords(text);
  if (!split.ok) return importRecordsIntoDatabase(sqlite, attachments, { quarantined: split }, source, options);
  return importRecordsIntoDatabase(sqlite, attachments, { records: split.records, count: split.records.length }, source, options);
}

export interface ImportFileOptions extends ImportTextOptions {
  limits?: ImportLimits;
}

/**
 * Imports one file into a local database: read whole, or record by record when it is large; a file that is not
 * UTF-8, cannot be read, or is too large is one quarantine row, and the caller goes on with the next file.
 */
export function importFileIntoDatabase(
  sqlite: Database.Database,
  attachments: AttachmentStore,
  file: string,
  options: ImportFileOptions,
): ImportOutcome {
  const content = readIncomingFile(file, options.limits ?? DEFAULT_IMPORT_LIMITS);
  if (content.kind === 'text') return importTextIntoDatabase(sqlite, attachments, content.text, file, options);
  if (content.kind === 'quarantined') return importRecordsIntoDatabase(sqlite, attachments, { quarantined: content }, file, options);
  return importRecordsIntoDatabase(sqlite, attachments, content, file, options);
}

function importRecordsIntoDatabase(
  sqlite: Database.Database,
  attachments: AttachmentStore,
  input: RecordInput,
  source: string,
  options: ImportTextOptions,
): ImportOutcome {
  const now = options.now.toISOString();
  const store = new LocalImportStore(sqlite, attachments);
  const outcome: ImportOutcome = { imported: 0, duplicates: 0, quarantined: 0, caseIds: [], quarantineIds: [] };
  let replaceId = options.replaceQuarantineId;
  const quarantine = (messageId: string | null, raw: string, reasons: ImportReason[]) => {
    outcome.quarantineIds.push(store.quarantine(source, messageId, raw, reasons, now, replaceId));
    outcome.quarantined++;
    replaceId = undefined;
  };

  if ('quarantined' in input) {
    sqlite.transaction(() => quarantine(null, input.quarantined.raw, input.quarantined.reasons))();
    options.onProgress?.(1, 1);
    return outcome;
  }
  const importer = new LocalImport(sqlite, store, options.now);
  // Each record in a savepoint of its own: a record that fails unexpectedly is quarantined, not lost with its chunk.
  const importOne = sqlite.transaction((record: FileRecord) => importer.record(record));
  let done = 0;
  for (const chunk of inChunks(input.records, options.chunkSize ?? 500)) {
    sqlite.transaction(() => {
      for (const record of chunk) {
        let result: RecordResult;
        try {
          result = importOne(record);
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          result = { kind: 'quarantined', messageId: readableMessageId(record.value), reasons: [reason('', 'import.failed', `Import failed: ${detail}`)] };
        }
        if (result.kind === 'imported') {
          outcome.imported++;
          outcome.caseIds.push(result.caseId);
        } else if (result.kind === 'duplicate') {
          outcome.duplicates++;
        } else {
          quarantine(result.messageId, record.raw(), result.reasons);
        }
      }
    })();
    done += chunk.length;
    options.onProgress?.(done, input.count);
  }
  if (options.replaceQuarantineId !== undefined && outcome.quarantined === 0) {
    store.resolveQuarantine(options.replaceQuarantineId, options.actorId ?? IMPORT_ACTOR, now);
  }
  outcome.caseIds = [...new Set(outcome.caseIds)];
  return outcome;
}

/** The app's import (standalone): the local database is the truth, and the queue is told what changed. */
export function importIntoLocal(
  core: CoreContext,
  attachmentsDirectory: string,
  text: string,
  source: string,
  options: ImportIntoLocalOptions = {},
): ImportOutcome {
  if (core.mode !== 'standalone') throw new Error('importIntoLocal is for standalone mode: with a central server, the server imports');
  const outcome = importTextIntoDatabase(core.sqlite, new AttachmentStore(attachmentsDirectory), text, source, {
    ...options,
    now: core.clock.now(),
    actorId: core.currentUser().id,
  });
  if (outcome.caseIds.length > 0) core.casesChanged(outcome.caseIds);
  return outcome;
}
