// The people's status actions on a case (`case.startReview`, `case.approve`, `case.reject`, …; the offer's billing
// steps are in offerSteps.ts): one mutation per action, made by one factory on the desk (mutations/caseActions.ts)
// and carried out centrally by one applier.
import type pg from 'pg';
import { entriesFor, type CaseMutationEntry, type DomainMutations, type OutboxEntry } from '../definition';
import {
  CASE_ACTION_MUTATIONS, ISSUED_OFFER_VALID_UNTIL_SQL, actionOfMutation, actionRefusal, decisionColumns, eventReasonOf, parseList,
  mutationForAction, reasonOf, type CaseActionArgs, type ConstructionPowerFacts, type DecisionColumns, type PausedClock,
} from '../caseActions';
import { isOfferStepAction, withDeskIds } from '../offerSteps';
import { RefusedByCentral } from '../../sync/centralErrors';
import { isUserRole, lockCase, presentClaim, refusalOf } from '../../sync/centralCase';
import { centralApprovalBlockers, centralConstructionFacts } from '../../sync/centralCaseFacts';
import { centralToday } from '../../sync/centralToday';
import { decisionMessageDraft, decisionMessageFactsSql, toldMessageKindOf, type DecisionMessageFacts } from '../../casework/decisionMessage';
import { osloDate } from '../../clock';
import {
  CASE_ACTIONS, DECISION_ACTIONS, type CaseStatus, type ClosureReason, type DecisionAction, type OfferStepAction,
} from '../../../shared/rules';
import { runMutation } from '../runMutation';
import type { DomainHandlers } from '../../handlers/handlerTypes';
import type { MutationCallServices } from '../mutationCalls';

/**
 * One applier for every named action on a case (`case.approve`, `case.reject`, …): the status it assumed, the claim,
 * the reason for the audit trigger, then the status and the action's own columns (mutations/caseActions.ts).
 */
async function applyCaseAction(client: pg.ClientBase, { mutation, args, precondition, createdAt }: OutboxEntry) {
  const action = actionOfMutation(mutation)!;
  const state = await lockCase(client, Number(args.caseId));
  if (state.status !== precondition.status) throw new RefusedByCentral('statusChanged', state.status);
  await presentClaim(client, state, precondition.claimToken);
  const actionArgs = args as unknown as CaseActionArgs;
  const reason = reasonOf(actionArgs);
  const { rows: [head] } = await client.query<{ metering_point_ids: string; grid_customer_name: string | null; due_date: string | null; clock_paused_on: string | null }>(
    `SELECT metering_point_ids, grid_customer_name, due_date::text AS due_date, clock_paused_on::text AS clock_paused_on
     FROM cases WHERE id = $1`, [args.caseId]);
  const blockers = action === 'approve' ? await centralApprovalBlockers(client, Number(args.caseId)) : [];
  const construction = action === 'registerConnection' || action === 'registerDisconnection' || action === 'registerTerminationRequest'
    ? await centralConstructionFacts(client, Number(args.caseId)) : undefined;
  const { rows: [offer] } = action === 'expireOffer'
    ? await client.query<{ valid_until: string | null }>(ISSUED_OFFER_VALID_UNTIL_SQL('$1'), [args.caseId])
    : { rows: [] };
  // The server's clock decides what "today" is: for the readings' dates the entry's server time (createdAt, see
  // applyMutation), for an expiry the database's own today.
  const today = action === 'expireOffer' ? await centralToday(client) : osloDate(new Date(createdAt));
  // The same rule the desk applied (mutations/caseActions.ts), on the server's rows: status table, reason, blockers.
  const refusal = actionRefusal(action, {
    status: state.status as CaseStatus,
    role: isUserRole(state.role) ? state.role : 'reader',
    reason,
    approvalBlockers: () => blockers,
    meteringPointIds: parseList(head.metering_point_ids),
    gridCustomerNamed: Boolean(head.grid_customer_name),
    construction: construction && (() => construction.record),
    args: actionArgs,
    offerValidUntil: () => offer?.valid_until ?? null,
    today,
    costsOre: actionArgs.costsOre,
    closureReason: actionArgs.closureReason,
  });
  if (refusal) throw refusalOf(refusal.code, state.status);
  await writeCentralAction(client, action, state.status as CaseStatus, actionArgs, osloDate(new Date(createdAt)),
    { dueDate: head.due_date, pausedOn: head.clock_paused_on }, construction);
}

/**
 * The status, the action's columns and the installer's message, in the caller's transaction once the action is
 * allowed: a person's action above, and the parties' own paths (the owner's decline in the portal, the installer's
 * withdrawal, the offer expiry sweep; casework/centralEnding.ts) run it too.
 */
export async function writeCentralAction(
  client: pg.ClientBase, action: DecisionAction, from: CaseStatus, args: CaseActionArgs, today: string, clock?: PausedClock,
  construction?: ConstructionPowerFacts,
) {
  const reason = eventReasonOf(action, args);
  if (reason) await client.query("SELECT set_config('desk.status_reason', $1, true)", [reason]);
  const columns = decisionColumns(action, from, args, today, clock, construction);
  const names = Object.keys(columns) as (keyof typeof columns)[];
  await client.query(
    `UPDATE cases SET status = $2${names.map((name, i) => `, ${name} = $${i + 3}`).join('')} WHERE id = $1`,
    [args.caseId, CASE_ACTIONS[action].to, ...names.map((name) => columns[name])],
  );
  await queueCentralDecisionMessage(client, action, args, from, columns);
}

/**
 * The installer's message about the decision, in its transaction and as the person (created_by is desk_actor()):
 * the same facts query and words as the desk's mutation; the audit trigger writes message_queued and the delivery
 * triggers (central 0022) put it in the firm's inbox. An entry queued before decisions were told gets a new id.
 */
async function queueCentralDecisionMessage(client: pg.ClientBase, action: DecisionAction, args: CaseActionArgs, from: CaseStatus, columns: DecisionColumns) {
  const closureReason = (columns.closure_reason ?? null) as ClosureReason | null;
  const kind = toldMessageKindOf(action, from, closureReason);
  if (!kind) return;
  const { rows: [facts] } = await client.query<DecisionMessageFacts>(decisionMessageFactsSql('$1'), [args.caseId]);
  if (!facts) throw new RefusedByCentral('caseMissing');
  const { recipient, subject, body } = decisionMessageDraft(facts, {
    kind, conditions: parseList(String(columns.approval_conditions ?? '[]')), reason: reasonOf(args),
    closureReason: closureReason ?? undefined, costsOre: args.costsOre ?? null,
  });
  await client.query(
    `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items)
     VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, '[]')`,
    [args.messageId ?? null, args.caseId, kind, recipient, subject, body],
  );
}

type StatusAction = Exclude<DecisionAction, OfferStepAction>;
const isStatusAction = (action: DecisionAction): action is StatusAction => !isOfferStepAction(action);

export const caseActionMutations = entriesFor(
  DECISION_ACTIONS.filter(isStatusAction).map((action): `case.${StatusAction}` => `case.${action}`),
  (name): CaseMutationEntry => ({ local: CASE_ACTION_MUTATIONS[name], central: applyCaseAction }),
) satisfies DomainMutations;

/** The calls that make these mutations (merged with the rest in handlers/index.ts). */
export const caseActionMutationHandlers = ({ context, mutate }: MutationCallServices) => ({
  'case.act': ({ action, ...args }) => mutate(() => runMutation(context, mutationForAction(action), withDeskIds(action, args))),
}) satisfies DomainHandlers;
