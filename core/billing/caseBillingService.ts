// What the case view shows of the offer's billing: the issued offer the next step is about, every billing step
// (from the desk and from the billing file), the flags nobody has resolved yet, and the start approval once sent.
import type Database from 'better-sqlite3';
import { fail, type BillingEventView, type CaseBillingView, type UserSummary } from '../../shared/contract';
import type { BillingFlagCode, BillingKind } from '../../shared/rules';
import { localOfferFacts } from './localBilling';
import { pendingFlagResolutions } from '../mutations/resolveBillingFlag';

interface BillingEventRow {
  id: string;
  kind: BillingKind;
  offer_version: number | null;
  amount_ore: number | null;
  occurred_on: string;
  reference: string | null;
  source: 'desk' | 'billing_file' | 'portal';
  outcome: 'applied' | 'flagged';
  flag_code: BillingFlagCode | null;
  flag_params: string;
  recorded_at: string;
  recorded_by: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

function paramsOf(text: string): Record<string, string | number> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string | number>) : {};
  } catch {
    return {};
  }
}

const toView = (row: BillingEventRow): BillingEventView => ({
  id: row.id,
  kind: row.kind,
  offerVersion: row.offer_version,
  amountOre: row.amount_ore,
  occurredOn: row.occurred_on,
  reference: row.reference,
  source: row.source,
  outcome: row.outcome,
  flagCode: row.flag_code,
  flagParams: paramsOf(row.flag_params),
  recordedAt: row.recorded_at,
  recordedBy: row.recorded_by,
  resolvedAt: row.resolved_at,
  resolvedBy: row.resolved_by,
});

export function caseBillingView(sqlite: Database.Database, caseId: number, viewer: UserSummary, today: string): CaseBillingView {
  if (!sqlite.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)) fail('case.notFound', { caseId });
  const issued = localOfferFacts(sqlite, caseId).find((offer) => offer.state === 'issued') ?? null;
  const events = (
    sqlite.prepare('SELECT * FROM billing_events WHERE case_id = ? ORDER BY recorded_at, rowid').all(caseId) as BillingEventRow[]
  ).map(toView);
  const resolving = pendingFlagResolutions(sqlite);
  const message = sqlite
    .prepare("SELECT id, created_at FROM outgoing_messages WHERE case_id = ? AND kind = 'start_approval' ORDER BY created_at LIMIT 1")
    .get(caseId) as { id: string; created_at: string } | undefined;
  return {
    issuedOffer: issued && {
      id: issued.id,
      version: issued.version,
      grossOre: issued.grossOre,
      validUntil: issued.validUntil,
      expired: issued.validUntil !== null && issued.validUntil < today,
    },
    events,
    openFlags: events.filter((event) => event.outcome === 'flagged' && event.resolvedAt === null && !resolving.has(event.id)),
    startApproval: message ? { messageId: message.id, createdAt: message.created_at } : null,
    canResolve: viewer.role !== 'reader',
  };
}
