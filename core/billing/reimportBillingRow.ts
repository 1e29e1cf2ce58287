// Standalone: a billing-file row fixed in the quarantine screen goes through the payment import again, as the same
// quarantine row (still broken ⇒ the row keeps the fix and its new reasons; applied or flagged ⇒ imported).
import type { CoreContext } from '../context';
import { importPaymentsIntoSqlite } from './localPaymentImport';
import { fixedFileName } from './paymentImport';

export function importBillingRowHere(
  core: CoreContext,
  quarantineId: string,
  source: string,
  raw: string,
): { quarantined: number; caseIds: number[] } {
  const summary = importPaymentsIntoSqlite(core.sqlite, fixedFileName(raw, source), raw, {
    now: core.clock.now(),
    replaceQuarantineId: quarantineId,
    source,
    actorId: core.currentUser().id,
  });
  if (summary.caseIds.length > 0) core.casesChanged(summary.caseIds);
  return summary;
}
