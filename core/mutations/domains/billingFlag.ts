// A flag from the billing file marked resolved.
import type pg from 'pg';
import type { MutationName } from '../../../shared/rules';
import type { CentralApply, DomainMutations, OutboxEntry } from '../definition';
import { resolveBillingFlag } from '../resolveBillingFlag';
import { RefusedByCentral } from '../../sync/centralErrors';
import { runMutation } from '../runMutation';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

const central = {
  // A flag from the billing file marked resolved (mutations/resolveBillingFlag.ts); the audit trigger writes
  // billing_flag_resolved. Already resolved (by someone else) or not a flag: refused.
  async 'billing.resolveFlag'(client: pg.ClientBase, { args }: OutboxEntry) {
    const { rows } = await client.query<{ resolved: boolean }>(
      // billing_events is append-only for people (central 0015): the one change left goes through this function,
      // which stamps the actor and now() itself.
      'SELECT resolve_billing_flag($1) AS resolved',
      [args.billingEventId],
    );
    if (rows[0]?.resolved !== true) throw new RefusedByCentral('statusChanged', 'resolved');
  },
} satisfies Partial<Record<MutationName, CentralApply>>;

export const billingFlagMutations = {
  'billing.resolveFlag': { local: resolveBillingFlag, central: central['billing.resolveFlag'] },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const billingFlagMutationHandlers = ({ context, mutate }: MutationCallServices) => ({
  'billing.resolveFlag': (input) => mutate(() => runMutation(context, resolveBillingFlag, input)),
}) satisfies DomainHandlers;
