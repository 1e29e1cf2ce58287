// A request for information: the case waits, the clock pauses, the letter goes to the installer.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { CentralApply, DomainMutations, OutboxEntry } from '../definition';
import { requestInformation } from '../informationRequest';
import { RefusedByCentral } from '../../sync/centralErrors';
import { lockCase, presentClaim } from '../../sync/centralCase';
import { CASE_ACTIONS, type MutationName } from '../../../shared/rules';
import { osloDate } from '../../clock';
import { runMutation } from '../runMutation';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

const central = {
  // Request for information (mutations/informationRequest.ts): the status change and the stored letter; the audit
  // triggers write status_changed and message_queued.
  async 'case.requestInformation'(client: pg.ClientBase, { args, precondition, createdAt }: OutboxEntry) {
    const state = await lockCase(client, Number(args.caseId));
    if (state.status !== precondition.status) throw new RefusedByCentral('statusChanged', state.status);
    await presentClaim(client, state, precondition.claimToken);
    await client.query(
      `UPDATE cases SET status = $2, clock_paused_on = coalesce(clock_paused_on, $3::date) WHERE id = $1`,
      [args.caseId, CASE_ACTIONS.requestInformation.to, osloDate(new Date(createdAt))],
    );
    await client.query(
      `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items)
       SELECT $1, c.id, 'information_request', coalesce(i.email, c.installer_contact, i.name || ' (' || i.organisation_number || ')'),
              $3, $4, $5
       FROM cases c JOIN installers i ON i.id = c.installer_id WHERE c.id = $2`,
      [args.messageId, args.caseId, args.subject, args.body, JSON.stringify(args.items)],
    );
  },
} satisfies Partial<Record<MutationName, CentralApply>>;

export const informationRequestMutations = {
  'case.requestInformation': { local: requestInformation, central: central['case.requestInformation'] },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const informationRequestMutationHandlers = ({ context, mutate }: MutationCallServices) => ({
  'case.requestInformation': (input) =>
    mutate(() => runMutation(context, requestInformation, { ...input, messageId: randomUUID() })),
}) satisfies DomainHandlers;
