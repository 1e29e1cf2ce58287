// Completeness: an item the rules find missing overridden with a reason.
import type pg from 'pg';
import type { MutationName } from '../../../shared/rules';
import type { CentralApply, DomainMutations, OutboxEntry } from '../definition';
import { overrideCompletenessItem } from '../completenessMutations';
import { RefusedByCentral } from '../../sync/centralErrors';
import { lockCase, presentClaim } from '../../sync/centralCase';
import { centralCompleteness, centralDueDate } from '../../sync/centralCaseFacts';
import { runMutation } from '../runMutation';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

const central = {
  // Completeness (mutations/completenessMutations.ts). The audit trigger writes completeness_overridden and, when
  // complete_at goes from null to a time, completeness_reached — as the local mutation did.
  async 'case.overrideCompletenessItem'(client: pg.ClientBase, { args, precondition, createdAt }: OutboxEntry) {
    const state = await lockCase(client, Number(args.caseId));
    await presentClaim(client, state, precondition.claimToken);
    // Completeness and the due date as the server's rows and clock say, never as the desk reported them.
    const before = await centralCompleteness(client, Number(args.caseId));
    const item = before.items.find((candidate) => candidate.code === args.item);
    if (!item) throw new RefusedByCentral('invalid', 'completeness.itemUnknown');
    if (item.ok) throw new RefusedByCentral('invalid', 'completeness.itemNotMissing');
    const reachesCompleteness = before.completeAt === null && before.items.every((c) => c.ok || c.overridden || c.code === args.item);
    const reached = reachesCompleteness ? { dueDate: await centralDueDate(client, createdAt) } : undefined;
    await client.query(
      `UPDATE cases SET completeness_overrides = (completeness_overrides::jsonb || jsonb_build_object($2::text,
         jsonb_build_object('reason', $3::text, 'by', desk_actor(), 'at', $4::text)))::text,
         complete_at = CASE WHEN complete_at IS NULL AND $5::date IS NOT NULL THEN $4::timestamptz ELSE complete_at END,
         due_date = CASE WHEN complete_at IS NULL AND $5::date IS NOT NULL THEN $5::date ELSE due_date END
       WHERE id = $1`,
      [args.caseId, args.item, args.reason, createdAt, reached?.dueDate ?? null],
    );
  },
} satisfies Partial<Record<MutationName, CentralApply>>;

export const completenessMutations = {
  'case.overrideCompletenessItem': { local: overrideCompletenessItem, central: central['case.overrideCompletenessItem'] },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const completenessMutationHandlers = ({ context, mutate }: MutationCallServices) => ({
  'case.overrideCompletenessItem': (input) => mutate(() => runMutation(context, overrideCompletenessItem, input)),
}) satisfies DomainHandlers;
