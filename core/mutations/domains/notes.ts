// Notes, assignment and the retired status change: the first mutations, and "fetch next" made durable.
import { randomUUID } from 'node:crypto';
import type { CentralApply, DomainMutations } from '../definition';
import { addNote, assign, setStatus } from '../caseMutations';
import { takeCase } from '../takeCase';
import { RefusedByCentral } from '../../sync/centralErrors';
import { isUserRole, lockCase, presentClaim } from '../../sync/centralCase';
import { STATUSES_REQUIRING_REASON, STATUSES_SET_ONLY_WITH_READINGS, canMoveCase, type CaseStatus, type MutationName } from '../../../shared/rules';
import { runMutation } from '../runMutation';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

const central = {
  async 'case.addNote'(client, { args, createdAt }) {
    // The note's UUID makes a retry a no-op; the author is whoever the server says we are.
    await client.query(
      `INSERT INTO notes (id, case_id, author_id, at, body) VALUES ($1, $2, desk_actor(), $3, $4)
       ON CONFLICT (id) DO NOTHING`,
      [args.noteId, args.caseId, createdAt, args.body],
    );
  },

  async 'case.setStatus'(client, { args, precondition }) {
    const state = await lockCase(client, Number(args.caseId));
    if (precondition.status !== undefined && state.status !== precondition.status) {
      throw new RefusedByCentral('statusChanged', state.status);
    }
    // The life-of-a-case table decides, whatever the desk assumed: no jump from approved to meter_mounted.
    if (!isUserRole(state.role) || !canMoveCase(state.status as CaseStatus, args.status as CaseStatus, state.role)
      || STATUSES_SET_ONLY_WITH_READINGS.includes(args.status as CaseStatus)) {
      throw new RefusedByCentral('statusChanged', `${state.status} → ${String(args.status)}`);
    }
    if (STATUSES_REQUIRING_REASON.includes(args.status as CaseStatus) && !String(args.reason ?? '').trim()) {
      throw new RefusedByCentral('invalid', 'status.reasonRequired');
    }
    await presentClaim(client, state, precondition.claimToken);
    if (args.reason) await client.query("SELECT set_config('desk.status_reason', $1, true)", [String(args.reason)]);
    await client.query('UPDATE cases SET status = $2 WHERE id = $1', [args.caseId, args.status]);
  },

  async 'case.assign'(client, { args, precondition }) {
    const state = await lockCase(client, Number(args.caseId));
    if ('assigneeId' in precondition && state.assignee_id !== precondition.assigneeId) {
      throw new RefusedByCentral('assigneeChanged', state.assignee_id ?? undefined);
    }
    // Taking a free case for oneself or giving up one's own is a case handler's self-service (assign_self,
    // 0013_assignment); anything else writes assignee_id, which PostgreSQL allows a supervisor only (42501).
    const selfService =
      (args.assigneeId === state.me && state.assignee_id === null) || (args.assigneeId === null && state.assignee_id === state.me);
    if (selfService) await client.query('SELECT assign_self($1, $2)', [args.caseId, args.assigneeId !== null]);
    else await client.query('UPDATE cases SET assignee_id = $2 WHERE id = $1', [args.caseId, args.assigneeId]);
  },
} satisfies Partial<Record<MutationName, CentralApply>>;

export const noteMutations = {
  'case.addNote': { local: addNote, central: central['case.addNote'] },
  'case.assign': { local: assign, central: central['case.assign'] },
  /** Retired from the UI (the named actions replaced it); kept so entries already in an outbox still replay. */
  'case.setStatus': { local: setStatus, central: central['case.setStatus'] },
  // Standalone only: with a central server "fetch next" is the service's own call (a claim), never a push.
  'case.take': { local: takeCase, central: null },
} satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const noteMutationHandlers = ({ context, mutate }: MutationCallServices) => ({
  'case.addNote': (input) => mutate(() => runMutation(context, addNote, { ...input, noteId: randomUUID() })),
  'case.assign': (input) => mutate(() => runMutation(context, assign, input)),
  'case.setStatus': (input) => mutate(() => runMutation(context, setStatus, input)),
}) satisfies DomainHandlers;
