// What the billing file's import does with one row, whichever database it writes to: the row becomes a billing event
// on its case — applied, or flagged for a person when the planner says it does not fit (rules/offerFollowUp.ts) — or,
// when it is malformed or names no known case, a quarantine row with its reasons. Same billing event id again: no
// change. The stores (SQLite: localPaymentImport.ts, PostgreSQL: centralPaymentImport.ts) only fetch and write.
import type { ImportReason } from '../import/importReasons';
import { reason } from '../import/importReasons';
import {
  planBillingStep,
  releasesWork,
  type BillingFlagCode,
  type BillingPlan,
  type CaseStatus,
  type OfferFacts,
} from '../../shared/rules';
import type { BillingRow } from './billingFile';
import type { BillingEventRecord } from './localBilling';

/** import_quarantine.source of a billing file's row: tells them apart from the portal's messages. */
export const BILLING_SOURCE_PREFIX = 'billing:';
export const billingSource = (fileName: string): string => `${BILLING_SOURCE_PREFIX}${fileName}`;
export const isBillingSource = (source: string): boolean => source.startsWith(BILLING_SOURCE_PREFIX);

/** A quarantined row is a one-row JSON file; a whole file that could not be read keeps its own name's format. */
export const fixedFileName = (raw: string, source: string): string =>
  raw.trimStart().startsWith('[') ? 'fixed.json' : source.slice(BILLING_SOURCE_PREFIX.length);

/** Who the billing file's changes are recorded as (standalone; centrally the importing owner role). */
export const BILLING_ACTOR = 'system:billing';

export interface BillingImportSummary {
  applied: number;
  flagged: number;
  duplicates: number;
  quarantined: number;
  /** Bad rows already waiting in the quarantine from an earlier run of the same file. */
  alreadyQuarantined: number;
  caseIds: number[];
  flaggedRows: Array<{ line: number; caseNumber: string; code: BillingFlagCode; params: Record<string, string | number> }>;
  quarantinedRows: Array<{ line: number; reasons: ImportReason[] }>;
  quarantineIds: string[];
}

export const emptySummary = (): BillingImportSummary => ({
  applied: 0, flagged: 0, duplicates: 0, quarantined: 0, alreadyQuarantined: 0, caseIds: [], flaggedRows: [],
  quarantinedRows: [], quarantineIds: [],
});

export const caseNotFoundReason = (caseNumber: string): ImportReason =>
  reason('saksnummer', 'billing.caseNotFound', `Fant ingen sak med saksnummer «${caseNumber}».`);

/** The decision for a row on a known case: the billing event to record and what else applying it does. */
export function billingStepFor(
  row: BillingRow,
  caseId: number,
  status: CaseStatus,
  offers: readonly OfferFacts[],
  releaseOnAcceptance: boolean,
  /** `YYYY-MM-DD` in Oslo by the importing database's clock: a row dated later is flagged. */
  today: string,
): { plan: BillingPlan; record: BillingEventRecord; to: CaseStatus | null; releasesWork: boolean } {
  const plan = planBillingStep(
    { kind: row.kind, offerVersion: row.offerVersion, amountOre: row.amountOre, occurredOn: row.occurredOn, today },
    status,
    offers,
    'system',
  );
  const record: BillingEventRecord = {
    id: row.billingEventId,
    caseId,
    offerId: plan.offer?.id ?? null,
    kind: row.kind,
    offerVersion: row.offerVersion,
    amountOre: row.amountOre,
    occurredOn: row.occurredOn,
    reference: row.reference,
    source: 'billing_file',
    outcome: plan.outcome,
    flagCode: plan.outcome === 'flagged' ? plan.code : null,
    flagParams: plan.outcome === 'flagged' ? plan.params : {},
  };
  return {
    plan,
    record,
    to: plan.outcome === 'applied' ? plan.to : null,
    releasesWork: plan.outcome === 'applied' && releasesWork(row.kind, releaseOnAcceptance),
  };
}

export function countStep(summary: BillingImportSummary, row: BillingRow, caseId: number, plan: BillingPlan): void {
  summary.caseIds.push(caseId);
  if (plan.outcome === 'applied') {
    summary.applied++;
  } else {
    summary.flagged++;
    summary.flaggedRows.push({ line: row.line, caseNumber: row.caseNumber, code: plan.code, params: plan.params });
  }
}

/** The flag's reason in Norwegian, for the command line (the app translates the code itself). */
export function flagText(code: BillingFlagCode, params: Record<string, string | number>): string {
  switch (code) {
    case 'noIssuedOffer':
      return 'saken har ikke noe utstedt tilbud';
    case 'offerUnknown':
      return `saken har ikke tilbud versjon ${params.offerVersion}`;
    case 'offerSuperseded':
      return `tilbud versjon ${params.offerVersion} er erstattet av versjon ${params.currentVersion}`;
    case 'offerNotIssued':
      return `tilbud versjon ${params.offerVersion} er ikke utstedt`;
    case 'offerExpired':
      return `tilbud versjon ${params.offerVersion} gikk ut ${params.validUntil}`;
    case 'occurredInFuture':
      return `datoen ${params.occurredOn} er etter i dag (${params.today})`;
    case 'occurredBeforeIssue':
      return `datoen ${params.occurredOn} er før tilbud versjon ${params.offerVersion} ble utstedt (${params.issuedOn})`;
    case 'amountMissing':
      return 'beløp mangler';
    case 'amountMismatch':
      return `beløpet ${params.amount} stemmer ikke med tilbudets sum ${params.expected}`;
    case 'statusNotAllowed':
      return `saken har status ${params.status}, og steget passer ikke nå`;
  }
}
