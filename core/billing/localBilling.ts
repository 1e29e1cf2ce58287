// The billing steps on the local database: the facts the planner decides on (the case's offers, the company's
// release rule) and the rows a step writes — the billing event and, when the step releases the work, the installer's
// start approval, at most once per case. Used by the desk's mutations and by the standalone billing-file import.
import type Database from 'better-sqlite3';
import { osloDate } from '../clock';
import { fail } from '../../shared/contract';
import type { BillingFlagCode, BillingKind, OfferFacts } from '../../shared/rules';
import { COMPANY_SETTING_DEFAULTS, readCompanySetting, type CompanySettingKey } from '../casework/companySettings';
import { startApprovalDraft, startApprovalFactsSql, type StartApprovalFacts } from './startApprovalDraft';

/** company_settings key: the installer may start when the owner accepts (true) or only once paid (false, default). */
export const RELEASE_ON_ACCEPTANCE = 'release_on_acceptance' satisfies CompanySettingKey;

export const releaseOnAcceptance = (sqlite: Database.Database): boolean =>
  readCompanySetting(sqlite, RELEASE_ON_ACCEPTANCE, COMPANY_SETTING_DEFAULTS.release_on_acceptance as boolean);

export function localOfferFacts(sqlite: Database.Database, caseId: number): OfferFacts[] {
  const rows = sqlite
    .prepare(
      `SELECT id, offer_version AS version, state, coalesce(json_extract(totals, '$.grossOre'), 0) AS grossOre,
              valid_until AS validUntil, issued_at AS issuedAt
       FROM offers WHERE case_id = ? ORDER BY offer_version`,
    )
    .all(caseId) as (Omit<OfferFacts, 'issuedOn'> & { issuedAt: string | null })[];
  return rows.map(({ issuedAt, ...row }) => ({
    ...row,
    grossOre: Number(row.grossOre),
    issuedOn: issuedAt === null ? null : osloDate(new Date(issuedAt)),
  }));
}

export interface BillingEventRecord {
  id: string;
  caseId: number;
  offerId: string | null;
  kind: BillingKind;
  offerVersion: number | null;
  amountOre: number | null;
  occurredOn: string;
  reference: string | null;
  source: 'desk' | 'billing_file' | 'portal';
  outcome: 'applied' | 'flagged';
  flagCode: BillingFlagCode | null;
  flagParams: Record<string, string | number>;
}

/** The history event's data, as 0012's billing_events_audit writes it centrally (nulls left out). */
export function billingRecordedData(record: BillingEventRecord): Record<string, unknown> {
  const data: Record<string, unknown> = {
    billingEventId: record.id,
    kind: record.kind,
    offerVersion: record.offerVersion,
    amountOre: record.amountOre,
    occurredOn: record.occurredOn,
    reference: record.reference,
    source: record.source,
    outcome: record.outcome,
    flagCode: record.flagCode,
  };
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null && value !== undefined));
}

export function insertLocalBillingEvent(
  sqlite: Database.Database,
  record: BillingEventRecord,
  recordedAt: string,
  recordedBy: string,
  pendingSeq: number | null,
): void {
  sqlite
    .prepare(
      `INSERT INTO billing_events (id, case_id, offer_id, offer_version, kind, amount_ore, occurred_on, reference, source,
         outcome, flag_code, flag_params, recorded_at, recorded_by, pending_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(record.id, record.caseId, record.offerId, record.offerVersion, record.kind, record.amountOre, record.occurredOn,
      record.reference, record.source, record.outcome, record.flagCode, JSON.stringify(record.flagParams), recordedAt,
      recordedBy, pendingSeq);
}

export const hasLocalBillingEvent = (sqlite: Database.Database, id: string): boolean =>
  sqlite.prepare('SELECT 1 FROM billing_events WHERE id = ?').get(id) !== undefined;

export interface StartApprovalRequest {
  caseId: number;
  messageId: string;
  offerVersion: number;
  releasedBy: 'payment' | 'acceptance';
  releasedOn: string;
  createdAt: string;
  createdBy: string;
  pendingSeq: number | null;
}

/**
 * Stores the installer's start approval for delivery unless the case already has one; returns the history event,
 * or null when it had. (Centrally a unique index holds the same; locally a pulled row must never collide with an
 * optimistic one, so the local check is this read.)
 */
export function storeLocalStartApproval(
  sqlite: Database.Database,
  request: StartApprovalRequest,
): { kind: 'message_queued'; data: Record<string, unknown> } | null {
  const sent = sqlite.prepare("SELECT 1 FROM outgoing_messages WHERE case_id = ? AND kind = 'start_approval'").get(request.caseId);
  if (sent) return null;
  const facts = sqlite.prepare(startApprovalFactsSql('?')).get(request.caseId) as StartApprovalFacts | undefined;
  if (!facts) return fail('case.notFound', { caseId: request.caseId });
  const { recipient, subject, body } = startApprovalDraft(facts, request);
  sqlite
    .prepare(
      `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items, created_at, created_by, pending_seq)
       VALUES (?, ?, 'start_approval', ?, ?, ?, '[]', ?, ?, ?)`,
    )
    .run(request.messageId, request.caseId, recipient, subject, body, request.createdAt,
      request.createdBy, request.pendingSeq);
  return { kind: 'message_queued', data: { messageId: request.messageId, kind: 'start_approval', subject } };
}

export interface LocalStepWrite {
  record: BillingEventRecord;
  /** The case's status before the step; the step's own status after it when applied. */
  from: string;
  to: string | null;
  releasesWork: boolean;
  startApprovalMessageId: string;
  at: string;
  actorId: string;
  pendingSeq: number | null;
}

/**
 * Writes one billing step: the billing event (applied or flagged), and for an applied one the status and, when it
 * releases the work, the start approval. Returns the history in the order PostgreSQL's triggers write it.
 */
export function writeLocalBillingStep(
  sqlite: Database.Database,
  step: LocalStepWrite,
): Array<{ kind: 'billing_recorded' | 'status_changed' | 'message_queued'; data: Record<string, unknown> }> {
  const { record } = step;
  insertLocalBillingEvent(sqlite, record, step.at, step.actorId, step.pendingSeq);
  const events: Array<{ kind: 'billing_recorded' | 'status_changed' | 'message_queued'; data: Record<string, unknown> }> = [
    { kind: 'billing_recorded', data: billingRecordedData(record) },
  ];
  if (record.outcome !== 'applied' || step.to === null) return events;
  sqlite.prepare('UPDATE cases SET status = ? WHERE id = ?').run(step.to, record.caseId);
  events.push({ kind: 'status_changed', data: { from: step.from, to: step.to } });
  if (step.releasesWork && record.offerVersion !== null) {
    const queued = storeLocalStartApproval(sqlite, {
      caseId: record.caseId,
      messageId: step.startApprovalMessageId,
      offerVersion: record.offerVersion,
      releasedBy: record.kind === 'payment' ? 'payment' : 'acceptance',
      releasedOn: record.occurredOn,
      createdAt: step.at,
      createdBy: step.actorId,
      pendingSeq: step.pendingSeq,
    });
    if (queued) events.push(queued);
  }
  return events;
}
