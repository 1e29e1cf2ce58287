// The billing file into a standalone database (where that file is the truth): `npm run import-payments -- <file>
// --database desk.sqlite`, and a fixed quarantined row re-imported from the app. Each row in its own transaction.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { osloDate } from '../clock';
import type { CaseStatus } from '../../shared/rules';
import type { ImportReason } from '../import/importReasons';
import { parseBillingFile, type BillingRow } from './billingFile';
import { hasLocalBillingEvent, localOfferFacts, releaseOnAcceptance, writeLocalBillingStep } from './localBilling';
import {
  BILLING_ACTOR,
  billingSource,
  billingStepFor,
  caseNotFoundReason,
  countStep,
  emptySummary,
  type BillingImportSummary,
} from './paymentImport';

export interface LocalPaymentImportOptions {
  now: Date;
  /** Re-importing a fixed quarantine row: a failure updates that row, a success marks it imported. */
  replaceQuarantineId?: string;
  /** The quarantine source to keep (a re-import keeps the row's own). */
  source?: string;
  actorId?: string;
}

export function importPaymentsIntoSqlite(
  sqlite: Database.Database,
  fileName: string,
  text: string,
  options: LocalPaymentImportOptions,
): BillingImportSummary {
  const now = options.now.toISOString();
  const source = options.source ?? billingSource(fileName);
  const summary = emptySummary();
  const insertEvent = sqlite.prepare('INSERT INTO case_events (case_id, at, actor_id, kind, data) VALUES (?, ?, ?, ?, ?)');

  const quarantine = (line: number, raw: string, reasons: ImportReason[], messageId: string | null) => {
    if (options.replaceQuarantineId !== undefined) {
      sqlite.prepare("UPDATE import_quarantine SET raw = ?, reasons = ?, state = 'open' WHERE id = ?")
        .run(raw, JSON.stringify(reasons), options.replaceQuarantineId);
      summary.quarantineIds.push(options.replaceQuarantineId);
    } else {
      // The same bad row from the same file run again is already waiting: nothing new.
      const waiting = sqlite
        .prepare("SELECT id FROM import_quarantine WHERE source = ? AND raw = ? AND state IN ('open', 'ready')")
        .get(source, raw);
      if (waiting) {
        summary.alreadyQuarantined++;
        return;
      }
      const id = randomUUID();
      sqlite.prepare(
        `INSERT INTO import_quarantine (id, source, message_id, received_at, raw, reasons, state) VALUES (?, ?, ?, ?, ?, ?, 'open')`,
      ).run(id, source, messageId, now, raw, JSON.stringify(reasons));
      summary.quarantineIds.push(id);
    }
    summary.quarantined++;
    summary.quarantinedRows.push({ line, reasons });
  };

  const parsed = parseBillingFile(fileName, text);
  if (!parsed.ok) {
    sqlite.transaction(() => quarantine(0, text, parsed.reasons, null))();
    return summary;
  }
  const importRow = sqlite.transaction((row: BillingRow) => {
    if (hasLocalBillingEvent(sqlite, row.billingEventId)) {
      summary.duplicates++;
      return;
    }
    const found = sqlite.prepare('SELECT id, status FROM cases WHERE case_number = ?').get(row.caseNumber) as
      | { id: number; status: CaseStatus }
      | undefined;
    if (!found) {
      quarantine(row.line, row.raw, [caseNotFoundReason(row.caseNumber)], row.billingEventId);
      return;
    }
    const step = billingStepFor(row, found.id, found.status, localOfferFacts(sqlite, found.id), releaseOnAcceptance(sqlite),
      osloDate(options.now));
    const events = writeLocalBillingStep(sqlite, {
      record: step.record,
      from: found.status,
      to: step.to,
      releasesWork: step.releasesWork,
      startApprovalMessageId: randomUUID(),
      at: now,
      actorId: BILLING_ACTOR,
      pendingSeq: null,
    });
    for (const event of events) insertEvent.run(found.id, now, BILLING_ACTOR, event.kind, JSON.stringify(event.data));
    sqlite.prepare('UPDATE cases SET updated_at = ?, version = version + 1 WHERE id = ?').run(now, found.id);
    countStep(summary, row, found.id, step.plan);
  });
  for (const bad of parsed.bad) sqlite.transaction(() => quarantine(bad.line, bad.raw, bad.reasons, bad.billingEventId))();
  for (const row of parsed.rows) importRow(row);
  if (options.replaceQuarantineId !== undefined && summary.quarantined === 0) {
    sqlite
      .prepare("UPDATE import_quarantine SET state = 'imported', resolved_at = ?, resolved_by = ? WHERE id = ?")
      .run(now, options.actorId ?? BILLING_ACTOR, options.replaceQuarantineId);
  }
  summary.caseIds = [...new Set(summary.caseIds)];
  return summary;
}
