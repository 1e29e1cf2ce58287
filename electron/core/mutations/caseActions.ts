// The people's actions on a case, one named mutation each (`case.approve`, `case.reject`, …), all made by one
// factory from the rules table (rules/caseStatus.ts): who may take the action from which status, whether it needs
// a reason, and which columns besides the status it writes. The central applier (sync/centralAppliers.ts) writes
// the same columns from `decisionColumns`, and PostgreSQL's audit trigger writes the same event shape.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  ApproveArgs, ConnectionArgs, DECISION_ACTIONS, DisconnectionArgs, StepArgs, fail, type ApprovalBlocker, type DecisionAction,
} from '../../shared/contract';
import {
  CASE_ACTIONS,
  canTakeAction,
  clockPausedOnAfter,
  isValidMeteringPointId,
  meterMountingDueDate,
  cabinetRent,
  connectionRefusal,
  disconnectionRefusal,
  priceListInEffect,
  startOf,
  type CaseAction,
  type ConstructionPowerRecord,
  type PriceList,
  type CaseStatus,
  type UserRole,
} from '../../shared/rules';
import { osloDate } from '../clock';
import { approvalBlockersOf } from './approvalBlockers';
import { defineMutation, type MutationDefinition, type MutationApplyContext } from './runMutation';
import { OFFER_STEP_MUTATIONS, isOfferStepAction } from './offerSteps';
import { decisionMessageDraft, decisionMessageFactsSql, decisionMessageKindOf, type DecisionMessageFacts } from '../casework/decisionMessage';
import { storedPriceLists } from '../pricing/priceListStore';
import { meterMountingWorkingDays } from '../casework/companySettings';

/**
 * The arguments of any of these mutations: a case, and a reason or approval conditions; a decision told to the
 * installer carries the id of its message, made at the desk so the outbox, the central copy and a retry agree on it
 * (absent only in entries queued before decisions were told: the central service then makes one).
 */
export type CaseActionArgs = z.output<typeof StepArgs> & Partial<z.output<typeof ApproveArgs>> & { messageId?: string }
  & Partial<z.output<typeof DisconnectionArgs>>;
const MessageId = { messageId: z.uuid().optional() };
type Args = CaseActionArgs;

/** The case columns an action writes besides `status`; the central roles are granted exactly these. */
export type DecisionColumn = 'approval_conditions' | 'decision_reason' | 'clock_paused_on' | 'due_date' | ConstructionPowerColumn;
export type DecisionColumns = Partial<Record<DecisionColumn, string | number | null>>;
/** Construction power's period, readings and rent (local 0017, central 0032). */
export type ConstructionPowerColumn = 'power_connected_on' | 'start_meter_reading' | 'power_disconnected_on'
  | 'final_meter_reading' | 'cabinet_rent_days' | 'cabinet_rent_rate_ore' | 'cabinet_rent_net_ore';

/** What construction power's steps are decided on: the case's record and the price lists (for the rent's rate). */
export interface ConstructionPowerFacts {
  record: ConstructionPowerRecord;
  priceLists: readonly PriceList[];
  /** The company's target in working days after the ferdigmelding (meter_mounting_working_days), for taking it down. */
  targetWorkingDays: number;
}

/** What the decision itself records: approval conditions, or the reason a rejection or referral stands on. */
const DECISION_RECORD: Partial<Record<DecisionAction, (args: Args) => DecisionColumns>> = {
  approve: (args) => ({ approval_conditions: JSON.stringify(args.conditions ?? []), decision_reason: null }),
  reject: (args) => ({ decision_reason: args.reason ?? null }),
  referToDeveloperProject: (args) => ({ decision_reason: args.reason ?? null }),
  reopen: () => ({ decision_reason: null }),
  returnToNormalFlow: () => ({ decision_reason: null }),
  registerConnection: (args) => ({ power_connected_on: args.connectedOn ?? null, start_meter_reading: args.startReading ?? null }),
};

/**
 * Taking the cabinet down records the final reading and bills the rent for the actual days at the rate of the price
 * list in effect on the day it came down; the start is the case's own, or the handler's for an unrecorded connection.
 */
function disconnectionColumns(args: Args, facts: ConstructionPowerFacts): DecisionColumns {
  const start = startOf(facts.record, args);
  const connectedOn = start.connectedOn as string;
  const disconnectedOn = args.disconnectedOn as string;
  const rent = cabinetRent(connectedOn, disconnectedOn, priceListInEffect(facts.priceLists, disconnectedOn));
  return {
    power_connected_on: connectedOn,
    start_meter_reading: start.startReading,
    power_disconnected_on: disconnectedOn,
    final_meter_reading: args.finalReading ?? null,
    cabinet_rent_days: rent.days,
    cabinet_rent_rate_ore: rent.rateOre,
    cabinet_rent_net_ore: rent.netOre,
  };
}

/**
 * Every column but `status` that taking `action` from `from` writes. `today` is the Norwegian date the action was
 * taken, for the service clock; the same inputs give the same columns locally and centrally.
 */
export function decisionColumns(
  action: DecisionAction,
  from: CaseStatus,
  args: Args,
  today: string,
  construction?: ConstructionPowerFacts,
): DecisionColumns {
  const to = CASE_ACTIONS[action].to as CaseStatus;
  const columns: DecisionColumns = { ...DECISION_RECORD[action]?.(args) };
  if (action === 'registerDisconnection' && construction) Object.assign(columns, disconnectionColumns(args, construction));
  // A termination the handler registers starts the same clock as the installer's (import/messagePlans.ts).
  if (action === 'registerTerminationRequest' && construction) columns.due_date = meterMountingDueDate(today, construction.targetWorkingDays);
  if (from !== to && (from === 'waiting_for_info' || to === 'waiting_for_info')) {
    columns.clock_paused_on = clockPausedOnAfter(from, to, today, null);
  }
  return columns;
}

/** An empty reason (after trimming) is no reason. */
export const reasonOf = (args: { reason?: string }): string | undefined => args.reason || undefined;

interface ActionHead {
  status: CaseStatus;
  claim_token: number;
  approval_conditions: string;
  metering_point_ids: string;
  grid_customer_name: string | null;
}

/** The case's construction-power columns, the same SQL on both databases (dates cast so PostgreSQL gives ISO text). */
export const CONSTRUCTION_RECORD_SQL = `request_type AS "requestType", CAST(power_connected_on AS text) AS "connectedOn",
  start_meter_reading AS "startReading", CAST(power_disconnected_on AS text) AS "disconnectedOn",
  final_meter_reading AS "finalReading"`;

/** A record as the database gave it (PostgreSQL's numeric and date come as text), with readings as numbers. */
export function constructionRecordOf(row: Record<string, unknown>): ConstructionPowerRecord {
  const reading = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  const date = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    requestType: row.requestType as ConstructionPowerRecord['requestType'],
    connectedOn: date(row.connectedOn),
    startReading: reading(row.startReading),
    disconnectedOn: date(row.disconnectedOn),
    finalReading: reading(row.finalReading),
  };
}

function loadActionHead(ctx: MutationApplyContext, caseId: number): ActionHead {
  const row = ctx.core.sqlite
    .prepare('SELECT status, claim_token, approval_conditions, metering_point_ids, grid_customer_name FROM cases WHERE id = ?')
    .get(caseId) as ActionHead | undefined;
  return row ?? fail('case.notFound', { caseId });
}

function localConstructionFacts(ctx: MutationApplyContext, caseId: number): ConstructionPowerFacts {
  const row = ctx.core.sqlite.prepare(`SELECT ${CONSTRUCTION_RECORD_SQL} FROM cases WHERE id = ?`).get(caseId) as Record<string, unknown>;
  return { record: constructionRecordOf(row), priceLists: storedPriceLists(ctx.core.sqlite), targetWorkingDays: meterMountingWorkingDays(ctx.core.sqlite) };
}

/** What an action is checked against: the same facts on the desk (its cache) and at the service (PostgreSQL). */
export interface ActionFacts {
  status: CaseStatus;
  role: UserRole;
  reason: string | undefined;
  /** Only asked for `approve`: what stands in the way (incomplete, installer not active in DSB). */
  approvalBlockers: () => ApprovalBlocker[];
  meteringPointIds: readonly string[];
  /** Whether the grid customer (who will hold the grid-rental agreement) is named: the meter waits for it. */
  gridCustomerNamed: boolean;
  /** Only asked for construction power's steps: the case's record, and the readings and dates given with the step. */
  construction?: () => ConstructionPowerRecord;
  args?: Args;
  /** The Norwegian date today by the deciding side's clock (the server's centrally). */
  today?: string;
}

/** Why the action may not be taken, as the code the handler reads; null when it may. One rule for desk and service. */
export function actionRefusal(action: DecisionAction, facts: ActionFacts): { code: string; params?: Record<string, unknown> } | null {
  const rule: CaseAction = CASE_ACTIONS[action];
  if (!rule.by.includes(facts.role)) return { code: 'permission.denied' };
  if (!canTakeAction(action, facts.status, facts.role)) return { code: 'decision.notAllowed', params: { action, status: facts.status } };
  if (rule.needsReason && !facts.reason) return { code: 'status.reasonRequired', params: { status: rule.to } };
  if (action === 'approve') {
    const [blocker] = facts.approvalBlockers();
    if (blocker) return { code: blocker.code, params: blocker.params };
  }
  if (action === 'registerMeterMounted' && !facts.gridCustomerNamed) return { code: 'decision.gridCustomerMissing' };
  if (action === 'registerConnection' || action === 'registerDisconnection') {
    const record = facts.construction?.();
    const args = facts.args ?? { caseId: 0 };
    const today = facts.today ?? '0000-00-00';
    if (!record) return { code: 'constructionPower.notConstructionPower' };
    const refusal = action === 'registerConnection'
      ? connectionRefusal(record.requestType, args, today) : disconnectionRefusal(record, args, today);
    if (refusal) return refusal;
  }
  if (action === 'registerMeteringPoint') {
    const invalid = facts.meteringPointIds.find((id) => !isValidMeteringPointId(id));
    if (facts.meteringPointIds.length === 0 || invalid !== undefined) {
      return { code: 'decision.meteringPointMissing', params: invalid ? { value: invalid } : undefined };
    }
  }
  return null;
}

/** Refuses the action with the reason the handler should read, or returns nothing. */
function refuseIfNotAllowed(
  ctx: MutationApplyContext, action: DecisionAction, head: ActionHead, args: Args, construction: () => ConstructionPowerFacts,
): void {
  const refusal = actionRefusal(action, {
    status: head.status,
    role: ctx.actor.role,
    reason: reasonOf(args),
    approvalBlockers: () => approvalBlockersOf(ctx.core.sqlite, args.caseId, osloDate(new Date(ctx.now))),
    meteringPointIds: parseList(head.metering_point_ids),
    gridCustomerNamed: Boolean(head.grid_customer_name),
    construction: () => construction().record,
    args,
    today: osloDate(new Date(ctx.now)),
  });
  if (refusal) fail(refusal.code as never, refusal.params as never);
}

/** A list kept as JSON text (metering point ids, conditions); anything else is an empty list. */
export const parseList = (text: string): string[] => {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
};

/** The message a told decision writes to the installer, in the mutation's transaction; its `message_queued` event. */
function queueDecisionMessage(ctx: MutationApplyContext, action: DecisionAction, args: Args, conditions: readonly string[]) {
  const kind = decisionMessageKindOf(action);
  if (!kind) return [];
  const facts = ctx.core.sqlite.prepare(decisionMessageFactsSql('?')).get(args.caseId) as DecisionMessageFacts | undefined;
  if (!facts) return fail('case.notFound', { caseId: args.caseId });
  const { recipient, subject, body } = decisionMessageDraft(facts, { kind, conditions, reason: reasonOf(args) });
  const messageId = args.messageId ?? randomUUID();
  ctx.core.sqlite
    .prepare(
      `INSERT INTO outgoing_messages (id, case_id, kind, recipient, subject, body, items, created_at, created_by, pending_seq)
       VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
    )
    .run(messageId, args.caseId, kind, recipient, subject, body, ctx.now, ctx.actor.id, ctx.pendingSeq);
  return [{ kind: 'message_queued' as const, data: { messageId, kind, subject } }];
}

/** Actions whose arguments are more than a case and a reason. */
const ARGS_OF: Partial<Record<DecisionAction, z.ZodObject>> = {
  approve: ApproveArgs,
  registerConnection: ConnectionArgs,
  registerDisconnection: DisconnectionArgs,
};

function caseActionMutation(action: DecisionAction): MutationDefinition<z.ZodType> {
  const rule: CaseAction = CASE_ACTIONS[action];
  const base = ARGS_OF[action] ?? StepArgs;
  return defineMutation({
    name: `case.${action}`,
    args: decisionMessageKindOf(action) ? base.extend(MessageId).strict() : base,
    apply(ctx, rawArgs) {
      const args = rawArgs as Args;
      const head = loadActionHead(ctx, args.caseId);
      let facts: ConstructionPowerFacts | undefined;
      const construction = () => (facts ??= localConstructionFacts(ctx, args.caseId));
      refuseIfNotAllowed(ctx, action, head, args, construction);
      const needsFacts = action === 'registerDisconnection' || action === 'registerTerminationRequest';
      const columns = decisionColumns(action, head.status, args, osloDate(new Date(ctx.now)), needsFacts ? construction() : undefined);
      const names = Object.keys(columns) as DecisionColumn[];
      ctx.core.sqlite
        .prepare(`UPDATE cases SET status = ?${names.map((name) => `, ${name} = ?`).join('')} WHERE id = ?`)
        .run(rule.to, ...names.map((name) => columns[name]), args.caseId);

      // The shape PostgreSQL's audit trigger writes (db/central/migrations/0007): conditions whenever the case
      // lands on approved with some, as after a withdrawn offer too.
      const data: Record<string, unknown> = { from: head.status, to: rule.to };
      const reason = reasonOf(args);
      if (reason) data.reason = reason;
      const conditions = parseList(String(columns.approval_conditions ?? head.approval_conditions));
      if (rule.to === 'approved' && conditions.length > 0) data.conditions = conditions;
      const told = queueDecisionMessage(ctx, action, args, conditions);
      return {
        caseId: args.caseId,
        events: [{ kind: 'status_changed', data }, ...told],
        precondition: { status: head.status, claimToken: head.claim_token },
      };
    },
  });
}

/** `case.startReview`, `case.approve`, … by mutation name; the offer's billing steps are made in offerSteps.ts. */
export const CASE_ACTION_MUTATIONS: Readonly<Record<string, MutationDefinition<z.ZodType>>> = {
  ...Object.fromEntries(
    DECISION_ACTIONS.filter((action) => !isOfferStepAction(action)).map((action) => {
      const mutation = caseActionMutation(action);
      return [mutation.name, mutation];
    }),
  ),
  ...OFFER_STEP_MUTATIONS,
};

export const mutationForAction = (action: DecisionAction): MutationDefinition<z.ZodType> =>
  CASE_ACTION_MUTATIONS[`case.${action}`];

/** The action behind a mutation name, or null when the name is not one of these. */
export function actionOfMutation(name: string): DecisionAction | null {
  const action = name.startsWith('case.') ? name.slice('case.'.length) : '';
  return (DECISION_ACTIONS as readonly string[]).includes(action) ? (action as DecisionAction) : null;
}
