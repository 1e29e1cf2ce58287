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
    if (plan.transition) store.recordEvents(caseId, [transitionEvent(plan.transition)], this.now);
    if (plan.mayAutoApprove && installerPassesEveryCheck(installerCheckFor(this.sqlite, caseId, this.today))) {
      store.updateCase(caseId, { status: autoApproval.to }, this.now);
      store.recordEvents(caseId, [transitionEvent(autoApproval)], this.now);
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
    const plan = planCompletionNotice(stored, message);
    this.store.recordEvents(stored.id, plan.events, this.now);
    if (!plan.ok) return { kind: 'quarantined', messageId: message.messageId, reasons: plan.reasons, caseId: stored.id };
    this.store.updateCase(stored.id, { status: plan.transition.to }, this.now);
    // Work done before the notice arrived moves the case on now.
    const move = workDoneMove(this.sqlite, stored.id, plan.transition.to);
    if (move) {
      this.store.updateCase(stored.id, { status: move.to }, this.now);
      this.store.recordEvents(stored.id, [move.event], this.now);
    }
    return { kind: 'imported', caseId: stored.id };
  }

  record(record: FileRecord): RecordResult {
    const validated = validateRecord(record.value, this.store.municipalities);
    if (!validated.ok) return { kind: 'quarantined', messageId: validated.messageId, reasons: validated.reasons };
    const { message } = validated;
    if (this.store.isKnownMessage(message.messageId)) return { kind: 'duplicate' };
    const result = message.kind === 'request' ? this.request(message)
      : message.kind === 'supplement' ? this.supplement(message)
      : this.completionNotice(message);
    if (result.kind === 'imported') this.store.recordMessage(message.messageId, message.kind, result.caseId, message.sentAt, this.now);
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
  const now = options.now.toISOString();
  const store = new LocalImportStore(sqlite, attachments);
  const outcome: ImportOutcome = { imported: 0, duplicates: 0, quarantined: 0, caseIds: [], quarantineIds: [] };
  let replaceId = options.replaceQuarantineId;
  const quarantine = (messageId: string | null, raw: string, reasons: ImportReason[]) => {
    outcome.quarantineIds.push(store.quarantine(source, messageId, raw, reasons, now, replaceId));
    outcome.quarantined++;
    replaceId = undefined;
  };

  const split = splitRecords(text);
  if (!split.ok) {
    sqlite.transaction(() => quarantine(null, text, split.reasons))();
    options.onProgress?.(1, 1);
    return outcome;
  }
  const importer = new LocalImport(sqlite, store, options.now);
  // Each record in a savepoint of its own: a record that fails unexpectedly is quarantined, not lost with its chunk.
  const importOne = sqlite.transaction((record: FileRecord) => importer.record(record));
  const chunkSize = options.chunkSize ?? 500;
  const { records } = split;
  for (let start = 0; start < records.length; start += chunkSize) {
    sqlite.transaction(() => {
      for (const record of records.slice(start, start + chunkSize)) {
        let result: RecordResult;
        try {
          result = importOne(record);
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          result = { kind: 'quarantined', messageId: null, reasons: [reason('', 'import.failed', `Import failed: ${detail}`)] };
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
    options.onProgress?.(Math.min(start + chunkSize, records.length), records.length);
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
