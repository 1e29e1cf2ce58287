// Claims on a case: asked for and given up, the lease granted by the service.
import type pg from 'pg';
import type { MutationName } from '../../../shared/rules';
import type { CentralApply, DomainMutations, OutboxEntry } from '../definition';
import { releaseClaim, requestClaim } from '../claimMutations';
import { runMutation } from '../runMutation';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

const central = {
  async 'case.claim'(client: pg.ClientBase, { args }: OutboxEntry) {
    // The lease the service grants (desk.lease, set per transaction by service/sync/applyMutation.ts).
    await client.query("SELECT claim_case($1, coalesce(nullif(current_setting('desk.lease', true), ''), '5 minutes')::interval)", [args.caseId]);
  },
  async 'case.release'(client: pg.ClientBase, { args, precondition }: OutboxEntry) {
    // Releasing a claim that has since lapsed or passed to someone else has nothing left to do.
    const { rows } = await client.query<{ mine: boolean }>(
      'SELECT claimed_by = desk_actor() AND claim_token = $2 AS mine FROM cases WHERE id = $1',
      [args.caseId, precondition.claimToken],
    );
    if (rows[0]?.mine) await client.query('SELECT release_case($1, $2)', [args.caseId, precondition.claimToken]);
  },
} satisfies Partial<Record<MutationName, CentralApply>>;

export const claimMutations = {
  'case.claim': { local: requestClaim, central: central['case.claim'] },
  'case.release': { local: releaseClaim, central: central['case.release'] },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const claimMutationHandlers = ({ context, mutate, central }: MutationCallServices) => ({
  'case.claim': (input) => (central ? central.claim(input.caseId) : mutate(() => runMutation(context, requestClaim, input))),
  'case.release': (input) => mutate(() => runMutation(context, releaseClaim, input)),
}) satisfies DomainHandlers;
