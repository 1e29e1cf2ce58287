// `billing.resolveFlag`: a person has looked at a row the billing file could not apply (an amount that does not
// match, an unknown or superseded offer version, …) and marks it resolved; the history says who. The row itself
// never changes otherwise (0012's billing_events_guard). With a central server the row is left as the server has it
// until the server has applied the change (read with the pending change on top, `pendingFlagResolutions`), so a
// refusal leaves nothing to undo.
import type Database from 'better-sqlite3';
import { ResolveBillingFlagInput, fail } from '../../shared/contract';
import { canWriteNotes } from '../../shared/rules';
import { defineMutation } from './runMutation';

export const RESOLVE_BILLING_FLAG = 'billing.resolveFlag';

/** Billing events this client has marked resolved and the server has not yet confirmed. */
export function pendingFlagResolutions(sqlite: Database.Database): Set<string> {
  const ids = sqlite
    .prepare("SELECT json_extract(args, '$.billingEventId') FROM outbox WHERE state = 'pending' AND mutation = ?")
    .pluck()
    .all(RESOLVE_BILLING_FLAG) as string[];
  return new Set(ids);
}

export const resolveBillingFlag = defineMutation({
  name: RESOLVE_BILLING_FLAG,
  args: ResolveBillingFlagInput,
  apply({ core, actor, now, pendingSeq }, { billingEventId }) {
    const row = core.sqlite
      .prepare('SELECT case_id, outcome, resolved_at FROM billing_events WHERE id = ?')
      .get(billingEventId) as { case_id: number; outcome: string; resolved_at: string | null } | undefined;
    if (!row || row.outcome !== 'flagged' || row.resolved_at !== null) return fail('billing.flagNotFound', { billingEventId });
    if (!canWriteNotes(actor.role)) fail('permission.denied');
    if (pendingSeq === null) {
      core.sqlite.prepare('UPDATE billing_events SET resolved_at = ?, resolved_by = ? WHERE id = ?').run(now, actor.id, billingEventId);
    } else {
      // An earlier pending resolution of the same flag (this entry is already in the outbox, hence "more than one").
      const pending = core.sqlite
        .prepare("SELECT count(*) FROM outbox WHERE state = 'pending' AND mutation = ? AND json_extract(args, '$.billingEventId') = ?")
        .pluck()
        .get(RESOLVE_BILLING_FLAG, billingEventId) as number;
      if (pending > 1) fail('billing.flagNotFound', { billingEventId });
    }
    return { caseId: row.case_id, events: [{ kind: 'billing_flag_resolved', data: { billingEventId } }], precondition: {} };
  },
});
