// The billing file into the central database, as its owner (`DATABASE_URL`): each row in its own transaction, the
// case row locked first so that two imports of the same file at once still record each billing event once (its id is
// the key) and the start approval once (0012's unique index). Also the quarantined rows a person fixed and marked
// ready (`--quarantined`).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { CaseStatus } from '../../shared/rules';
import type { ImportReason } from '../import/importReasons';
import { centralToday } from '../sync/centralToday';
import { parseBillingFile, type BillingRow } from './billingFile';
import { centralOfferFacts, centralReleaseOnAcceptance, writeCentralBillingStep } from './centralBilling';
import {
  BILLING_SOURCE_PREFIX,
  billingSource,
  billingStepFor,
  caseNotFoundReason,
  countStep,
  emptySummary,
  fixedFileName,
  type BillingImportSummary,
} from './paymentImport';

async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export interface CentralPaymentImportOptions {
  replaceQuarantineId?: string;
  source?: string;
}

export async function importPaymentsIntoCentral(
  client: pg.ClientBase,
  fileName: string,
  text: string,
  options: CentralPaymentImportOptions = {},
): Promise<BillingImportSummary> {
  const source = options.source ?? billingSource(fileName);
  const summary = emptySummary();

  const quarantine = async (line: number, raw: string, reasons: ImportReason[], messageId: string | null) => {
    if (options.replaceQuarantineId !== undefined) {
      await client.query("UPDATE import_quarantine SET raw = $1, reasons = $2, state = 'open' WHERE id = $3",
        [raw, JSON.stringify(reasons), options.replaceQuarantineId]);
      summary.quarantineIds.push(options.replaceQuarantineId);
    } else {
      const { rows } = await client.query(
        "SELECT 1 FROM import_quarantine WHERE source = $1 AND raw = $2 AND state IN ('open', 'ready')", [source, raw]);
      if (rows.length > 0) {
        summary.alreadyQuarantined++;
        return;
      }
      const id = randomUUID();
      await client.query('INSERT INTO import_quarantine (id, source, message_id, raw, reasons) VALUES ($1, $2, $3, $4, $5)',
        [id, source, messageId, raw, JSON.stringify(reasons)]);
      summary.quarantineIds.push(id);
    }
    summary.quarantined++;
    summary.quarantinedRows.push({ line, reasons });
  };

  const parsed = parseBillingFile(fileName, text);
  if (!parsed.ok) {
    await inTransaction(client, () => quarantine(0, text, parsed.reasons, null));
    return summary;
  }
  for (const bad of parsed.bad) await inTransaction(client, () => quarantine(bad.line, bad.raw, bad.reasons, bad.billingEventId));
  for (const row of parsed.rows) {
    await inTransaction(client, () => importRow(client, row, summary, quarantine));
  }
  if (options.replaceQuarantineId !== undefined && summary.quarantined === 0) {
    await client.query("UPDATE import_quarantine SET state = 'imported', resolved_at = now(), resolved_by = current_user WHERE id = $1",
      [options.replaceQuarantineId]);
  }
  summary.caseIds = [...new Set(summary.caseIds)];
  return summary;
}

async function importRow(
  client: pg.ClientBase,
  row: BillingRow,
  summary: BillingImportSummary,
  quarantine: (line: number, raw: string, reasons: ImportReason[], messageId: string | null) => Promise<void>,
): Promise<void> {
  const found = await client.query<{ id: string; status: CaseStatus }>(
    'SELECT id, status FROM cases WHERE case_number = $1 FOR UPDATE', [row.caseNumber]);
  if (found.rows.length === 0) {
    const known = await client.query('SELECT 1 FROM billing_events WHERE id = $1', [row.billingEventId]);
    if (known.rows.length > 0) summary.duplicates++;
    else await quarantine(row.line, row.raw, [caseNotFoundReason(row.caseNumber)], row.billingEventId);
    return;
  }
  const caseId = Number(found.rows[0].id);
  const known = await client.query('SELECT 1 FROM billing_events WHERE id = $1', [row.billingEventId]);
  if (known.rows.length > 0) {
    summary.duplicates++;
    return;
  }
  const step = billingStepFor(row, caseId, found.rows[0].status, await centralOfferFacts(client, caseId),
    await centralReleaseOnAcceptance(client), await centralToday(client));
  const written = await writeCentralBillingStep(client, {
    record: step.record,
    to: step.to,
    releasesWork: step.releasesWork,
    startApprovalMessageId: randomUUID(),
    asOwner: true,
  });
  if (!written) summary.duplicates++;
  else countStep(summary, row, caseId, step.plan);
}

/** The billing rows a person fixed in the app and marked ready, imported again as the same quarantine rows. */
export async function importReadyBillingQuarantine(client: pg.ClientBase): Promise<BillingImportSummary> {
  const total = emptySummary();
  const { rows } = await client.query<{ id: string; raw: string; source: string }>(
    "SELECT id, raw, source FROM import_quarantine WHERE state = 'ready' AND source LIKE $1 ORDER BY received_at, id",
    [`${BILLING_SOURCE_PREFIX}%`]);
  for (const row of rows) {
    const one = await importPaymentsIntoCentral(client, fixedFileName(row.raw, row.source), row.raw, { replaceQuarantineId: row.id, source: row.source });
    addSummary(total, one);
  }
  return total;
}

export function addSummary(total: BillingImportSummary, one: BillingImportSummary): void {
  total.applied += one.applied;
  total.flagged += one.flagged;
  total.duplicates += one.duplicates;
  total.quarantined += one.quarantined;
  total.alreadyQuarantined += one.alreadyQuarantined;
  total.caseIds.push(...one.caseIds);
  total.flaggedRows.push(...one.flaggedRows);
  total.quarantinedRows.push(...one.quarantinedRows);
  total.quarantineIds.push(...one.quarantineIds);
}
