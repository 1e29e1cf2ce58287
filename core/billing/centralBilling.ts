// The billing steps on the central database: the same facts and writes as localBilling.ts, in PostgreSQL — used by
// the applier of a person's step (as that person: privileges and row-level security decide) and by the billing
// file's import (as the owner). The history is written by the triggers (0007 cases_audit and outgoing_messages_audit,
// 0012 billing_events_audit); the start approval's unique index makes it once per case whoever gets there first.
import type pg from 'pg';
import type { OfferFacts } from '../../shared/rules';
import { RefusedByCentral } from '../sync/centralErrors';
import type { BillingEventRecord } from './localBilling';
import { RELEASE_ON_ACCEPTANCE } from './localBilling';
import { startApprovalDraft, startApprovalFactsSql, type StartApprovalFacts } from './startApprovalDraft';

export async function centralOfferFacts(client: pg.ClientBase, caseId: number): Promise<OfferFacts[]> {
  const { rows } = await client.query<{
    id: string; version: number; state: OfferFacts['state']; gross: string | null; valid_until: string | null; issued_on: string | null;
  }>(
    `SELECT id, offer_version AS version, state, totals::jsonb ->> 'grossOre' AS gross, valid_until::text AS valid_until,
            (issued_at AT TIME ZONE 'Europe/Oslo')::date::text AS issued_on
     FROM offers WHERE case_id = $1 ORDER BY offer_version`,
    [caseId],
  );
  return rows.map((row) => ({
    id: row.id,
    version: Number(row.version),
    state: row.state,
    grossOre: Number(row.gross ?? 0),
    validUntil: row.valid_until,
    issuedOn: row.issued_on,
  }));
}

export async function centralReleaseOnAcceptance(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ value: string }>('SELECT value FROM company_settings WHERE key = $1', [RELEASE_ON_ACCEPTANCE]);
  try {
    return rows.length > 0 && JSON.parse(rows[0].value) === true;
  } catch {
    return false;
  }
}

/** Inserts the billing event; false when its id is already there (the same billing event again). */
export async function insertCentralBillingEvent(client: pg.ClientBase, record: BillingEventRecord, asOwner: boolean): Promise<boolean> {
  // A person's row takes recorded_by/recorded_at from their defaults (the policy checks the name); the owner's
  // import may set the flag columns, which people are not granted.
  const columns = ['id', 'case_id', 'offer_id', 'offer_version', 'kind', 'amount_ore', 'occurred_on', 'reference', 'source', 'outcome'];
  const values: unknown[] = [record.id, record.caseId, record.offerId, record.offerVersion, record.kind, record.amountOre,
    record.occurredOn, record.reference, record.source, record.outcome];
  if (asOwner) {
    columns.push('flag_code', 'flag_params', 'recorded_by');
    values.push(record.flagCode, JSON.stringify(record.flagParams), 'system:billing');
  }
  const { rowCount } = await client.query(
    `INSERT INTO billing_events (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT (id) DO NOTHING`,
    values,
  );
  return rowCount === 1;
}

export interface CentralStartApproval {
  caseId: number;
  /** The applied billing event that released the work: queue_start_approval checks it did. */
  billingEventId: string;
  messageId: string;
  offerVersion: number;
  releasedBy: 'payment' | 'acceptance';
  releasedOn: string;
}

/**
 * Stores the start approval unless the case has one (the unique index decides); true when this one was stored.
 * Through queue_start_approval, the one way a start approval gets in. A case whose installer cannot be found
 * refuses the whole step, as the desk does (localBilling.ts), rather than leaving the installer without one.
 */
export async function storeCentralStartApproval(client: pg.ClientBase, request: CentralStartApproval): Promise<boolean> {
  const { rows } = await client.query<StartApprovalFacts>(startApprovalFactsSql('$1'), [request.caseId]);
  if (rows.length === 0) throw new RefusedByCentral('caseMissing', `start approval: no installer on case ${request.caseId}`);
  const { recipient, subject, body } = startApprovalDraft(rows[0], request);
  const { rows: stored } = await client.query<{ stored: boolean }>(
    'SELECT queue_start_approval($1, $2, $3, $4, $5) AS stored',
    [request.billingEventId, request.messageId, recipient, subject, body],
  );
  return stored[0].stored;
}

export interface CentralStepWrite {
  record: BillingEventRecord;
  to: string | null;
  releasesWork: boolean;
  startApprovalMessageId: string;
  asOwner: boolean;
}

/** The billing event, then (applied) the status and the start approval. False when the event was already there. */
export async function writeCentralBillingStep(client: pg.ClientBase, step: CentralStepWrite): Promise<boolean> {
  if (!(await insertCentralBillingEvent(client, step.record, step.asOwner))) return false;
  if (step.record.outcome !== 'applied' || step.to === null) return true;
  await client.query('UPDATE cases SET status = $2 WHERE id = $1', [step.record.caseId, step.to]);
  if (step.releasesWork && step.record.offerVersion !== null) {
    await storeCentralStartApproval(client, {
      caseId: step.record.caseId,
      billingEventId: step.record.id,
      messageId: step.startApprovalMessageId,
      offerVersion: step.record.offerVersion,
      releasedBy: step.record.kind === 'payment' ? 'payment' : 'acceptance',
      releasedOn: step.record.occurredOn,
    });
  }
  return true;
}
