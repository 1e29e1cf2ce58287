// The owner of the installation as a party of the case, corrected by a case handler.
import type pg from 'pg';
import type { MutationName } from '../../../shared/rules';
import type { CentralApply, DomainMutations, OutboxEntry } from '../definition';
import { OWNER_PARTY_COLUMNS, correctOwnerParty, ownerPartyUpdate } from '../ownerPartyCorrection';
import { RefusedByCentral } from '../../sync/centralErrors';
import { lockCase, presentClaim } from '../../sync/centralCase';
import { CorrectOwnerPartyInput } from '../../../shared/contract';
import { runMutation } from '../runMutation';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

const central = {
  // The owner as a party (mutations/ownerPartyCorrection.ts): the same checks on the values, under the claim; the
  // audit trigger (0036) writes owner_party_corrected with the names of the fields that changed.
  async 'case.correctOwnerParty'(client: pg.ClientBase, { args, precondition }: OutboxEntry) {
    const parsed = CorrectOwnerPartyInput.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'owner party');
    const { problem, values } = ownerPartyUpdate(parsed.data);
    if (problem) throw new RefusedByCentral('invalid', problem);
    const state = await lockCase(client, parsed.data.caseId);
    await presentClaim(client, state, precondition.claimToken);
    const fields = (Object.keys(OWNER_PARTY_COLUMNS) as (keyof typeof OWNER_PARTY_COLUMNS)[]).filter((field) => field in values);
    await client.query(
      `UPDATE cases SET ${fields.map((field, i) => `${OWNER_PARTY_COLUMNS[field]} = $${i + 2}`).join(', ')} WHERE id = $1`,
      [parsed.data.caseId, ...fields.map((field) => values[field] ?? null)],
    );
  },

} satisfies Partial<Record<MutationName, CentralApply>>;

export const ownerPartyMutations = {
  'case.correctOwnerParty': { local: correctOwnerParty, central: central['case.correctOwnerParty'] },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const ownerPartyMutationHandlers = ({ context, mutate }: MutationCallServices) => ({
  'case.correctOwnerParty': (input) => mutate(() => runMutation(context, correctOwnerParty, input)),
}) satisfies DomainHandlers;
