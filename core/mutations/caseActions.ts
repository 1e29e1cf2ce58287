// The people's actions on a case, one named mutation each (`case.approve`, `case.reject`, …), all made by one
// factory from the rules table (rules/caseStatus.ts): who may take the action from which status, whether it needs
// a reason, and which columns besides the status it writes. The central applier (sync/centralAppliers.ts) writes
// the same columns from `decisionColumns`, and PostgreSQL's audit trigger writes the same event shape.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  ApproveArgs, ConnectionArgs, DECISION_ACTIONS, DisconnectionArgs, OWN_ARGS, StepArgs, fail, type ApprovalBlocker, type DecisionAction,
} from '../../shared/contract';
import {
  CASE_ACTIONS,
  CLOSURE_REASONS_NEEDING_WORDS,
  canTakeAction,
  closureReasonOfClose,
  dueDateAfterPause,
  isAcceptedStatus,
  withdrawalReasonOf,
  type ClosureReason,
  type CloseWithReasonChoice,
  type InformationChannel,
  type WithdrawnBy,
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
import { decisionMessageDraft, decisionMessageFactsSql, mayTellInstaller, toldMessageKindOf, type DecisionMessageFacts } from '../casework/decisionMessage';
import { storedPriceLists } from '../pricing/priceListStore';
import { meterMountingWorkingDays } from '../casework/companySettings';

/**
 * The arguments of any of these mutations: a case, and a reason or approval conditions; a decision told to the
 * installer carries the id of its message, made at the desk so the outbox, the central copy and a retry agree on it
 * (absent only in entries queued before decisions were told: the central service then makes one).
 */
export type CaseActionArgs = z.output<typeof StepArgs> & Partial<z.output<typeof ApproveArgs>> & {
  messageId?: string;
  withdrawnBy?: WithdrawnBy;
  closureReason?: CloseWithReasonChoice;
  costsOre?: number;
  channel?: InformationChannel;
} & Partial<z.output<typeof DisconnectionArgs>>;
const MessageId = { messageId: z.uuid().optional() };
type Args = CaseActionArgs;

/** The case columns an action writes besides `status`; the central roles are granted exactly these. */
export type DecisionColumn = 'approval_conditions' | 'decision_reason' | 'clock_paused_on' | 'closure_reason' | 'cancellation_costs_ore'
  | 'due_date' | ConstructionPowerColumn;
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

/** An ending: why the case closed, the words given, and an accepted case's costs already incurred. */
const ending = (closureReason: ClosureReason, args: Args): DecisionColumns => ({
  closure_reason: closureReason,
  decision_reason: args.reason || null,
  cancellation_costs_ore: args.costsOre ?? null,
});

/**
 * What the decision itself records: approval conditions, the reason a rejection or referral stands on, or why a
 * case ended (rules/caseClosure.ts).
 */
const DECISION_RECORD: Partial<Record<DecisionAction, (args: Args, from: CaseStatus) => DecisionColumns>> = {
  approve: (args) => ({ approval_conditions: JSON.stringify(args.conditions ?? []), decision_reason: null }),
  reject: (args) => ({ decision_reason: args.reason ?? null }),
  referToDeveloperProject: (args) => ({ decision_reason: args.reason ?? null }),
  reopen: () => ({ decision_reason: null }),
  returnToNormalFlow: () => ({ decision_reason: null }),
  registerConnection: (args) => ({ power_connected_on: args.connectedOn ?? null, start_meter_reading: args.startReading ?? null }),
  // Construction power ends with its metering point deregistered: the case is done.
  deregisterMeteringPoint: () => ({ closure_reason: 'completed' }),
  close: (_args, from) => ({ closure_reason: closureReasonOfClose(from) }),
  declineOffer: (args) => ending('owner_declined', args),
  expireOffer: (args) => ending('offer_expired', args),
  withdraw: (args) => ending(withdrawalReasonOf(args.withdrawnBy ?? 'installer'), args),
  closeWithReason: (args) => ending(args.closureReason ?? 'other', args),
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
  action: DecisionAction, from: CaseStatus, args: Args, today: string, clock: PausedClock = NO_CLOCK,
  construction?: ConstructionPowerFacts,
): DecisionColumns {
  const to = CASE_ACTIONS[action].to as CaseStatus;
  const columns: DecisionColumns = { ...DECISION_RECORD[action]?.(args, from) };
  if (action === 'registerDisconnection' && construction) Object.assign(columns, disconnectionColumns(args, construction));
  // A termination the handler registers starts the same clock as the installer's (import/messagePlans.ts).
  if (action === 'registerTerminationRequest' && construction) columns.due_date = meterMountingDueDate(today, construction.targetWorkingDays);
  if (from !== to && (from === 'waiting_for_info' || to === 'waiting_for_info')) {
    columns.clock_paused_on = clockPausedOnAfter(from, to, today, null);
  }
  // Resumed by a person as a supplement resumes it (import/messagePlans.ts): the wait does not count.
  if (action === 'resume' && clock.dueDate !== null && clock.pausedOn !== null) {
    columns.due_date = dueDateAfterPause(clock.dueDate, clock.pausedOn, today);
  }
  return columns;
}

/** The case's due date and the day its clock was paused, as stored (YYYY-MM-DD), for resuming a wait. */
export interface PausedClock {
  dueDate: string | null;
  pausedOn: string | null;
}
const NO_CLOCK: PausedClock = { dueDate: null, pausedOn: null };

/** An empty reason (after trimming) is no reason. */
export const reasonOf = (args: { reason?: string }): string | undefined => args.reason || undefined;

const CHANNEL_NB: Readonly<Record<InformationChannel, string>> = { phone: 'telefon', email: 'e-post', letter: 'brev' };

/**
 * The reason the history records (status_changed's `reason`, central desk.status_reason): as given, but a resumed
 * wait says how the information came in ("Mottatt på telefon: …"), the same words on both sides.
 */
export function eventReasonOf(action: DecisionAction, args: Args): string | undefined {
  const reason = reasonOf(args);
  if (action !== 'resume' || !reason) return reason;
  return `Mottatt på ${CHANNEL_NB[args.channel ?? 'phone']}: ${reason}`;
}

interface ActionHead {
  status: CaseStatus;
  claim_token: number;
  approval_conditions: string;
  metering_point_ids: string;
  grid_customer_name: string | null;
  due_date: string | null;
  clock_paused_on: string | null;
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
    .prepare('SELECT status, claim_token, approval_conditions, metering_point_ids, grid_customer_name, due_date, clock_paused_on FROM cases WHERE id = ?')
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
  /** Only asked for `expireOffer`: the issued offer's last valid day (null: none, or no end). */
  offerValidUntil: () => string | null;
  /** The Norwegian date today by the deciding side's clock (the server's centrally). */
  today: string;
  /** A closing action's arguments: costs and the closure reason chosen. */
  costsOre?: number;
  closureReason?: ClosureReason;
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
    if (!record) return { code: 'constructionPower.notConstructionPower' };
    const refusal = action === 'registerConnection'
      ? connectionRefusal(record.requestType, args, facts.today) : disconnectionRefusal(record, args, facts.today);
    if (refusal) return refusal;
  }
  if (action === 'closeWithReason' && CLOSURE_REASONS_NEEDING_WORDS.includes(facts.closureReason ?? 'other') && !facts.reason) {
    return { code: 'status.reasonRequired', params: { status: rule.to } };
  }
  // Costs already incurred are the cancelled agreement's: only after the owner accepted.
  if (facts.costsOre !== undefined && facts.costsOre > 0 && !isAcceptedStatus(facts.status)) {
    return { code: 'decision.costsNotAllowed', params: { status: facts.status } };
  }
  if (action === 'expireOffer') {
    const validUntil = facts.offerValidUntil();
    if (validUntil === null || validUntil >= facts.today) return { code: 'decision.offerStillValid', params: { validUntil: validUntil ?? '' } };
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
  const today = osloDate(new Date(ctx.now));
  const refusal = actionRefusal(action, {
    status: head.status,
    role: ctx.actor.role,
    reason: reasonOf(args),
    approvalBlockers: () => approvalBlockersOf(ctx.core.sqlite, args.caseId, today),
    meteringPointIds: parseList(head.metering_point_ids),
    gridCustomerNamed: Boolean(head.grid_customer_name),
    construction: () => construction().record,
    args,
    offerValidUntil: () => issuedOfferValidUntil(ctx.core.sqlite, args.caseId),
    today,
    costsOre: args.costsOre,
    closureReason: args.closureReason,
  });
  if (refusal) fail(refusal.code as never, refusal.params as never);
}

/** The issued offer's last valid day; null when there is none or it has no end. Same SQL on both sides. */
export const ISSUED_OFFER_VALID_UNTIL_SQL = (placeholder: '?' | '$1') =>
  `SELECT valid_until FROM offers WHERE case_id = ${placeholder} AND state = 'issued' ORDER BY offer_version DESC LIMIT 1`;

function issuedOfferValidUntil(sqlite: MutationApplyContext['core']['sqlite'], caseId: number): string | null {
  const row = sqlite.prepare(ISSUED_OFFER_VALID_UNTIL_SQL('?')).get(caseId) as { valid_until: string | null } | undefined;
  return row?.valid_until ?? null;
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
function queueDecisionMessage(ctx: MutationApplyContext, action: DecisionAction, args: Args, from: CaseStatus, columns: DecisionColumns) {
  const closureReason = (columns.closure_reason ?? null) as ClosureReason | null;
  const kind = toldMessageKindOf(action, from, closureReason);
  if (!kind) return [];
  const facts = ctx.core.sqlite.prepare(decisionMessageFactsSql('?')).get(args.caseId) as DecisionMessageFacts | undefined;
  if (!facts) return fail('case.notFound', { caseId: args.caseId });
  const conditions = parseList(String(columns.approval_conditions ?? '[]'));
  const { recipient, subject, body } = decisionMessageDraft(facts, {
    kind, conditions, reason: reasonOf(args), closureReason: closureReason ?? undefined, costsOre: args.costsOre ?? null,
  });
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
  ...OWN_ARGS,
};

function caseActionMutation(action: DecisionAction): MutationDefinition<z.ZodType> {
  const rule: CaseAction = CASE_ACTIONS[action];
  const base = ARGS_OF[action] ?? StepArgs;
  return defineMutation({
    name: `case.${action}`,
    args: mayTellInstaller(action) ? base.extend(MessageId).strict() : base,
    apply(ctx, rawArgs) {
      const args = rawArgs as Args;
      const head = loadActionHead(ctx, args.caseId);
      let facts: ConstructionPowerFacts | undefined;
      const construction = () => (facts ??= localConstructionFacts(ctx, args.caseId));
      refuseIfNotAllowed(ctx, action, head, args, construction);
      const needsFacts = action === 'registerDisconnection' || action === 'registerTerminationRequest';
      const columns = decisionColumns(action, head.status, args, osloDate(new Date(ctx.now)),
        { dueDate: head.due_date, pausedOn: head.clock_paused_on }, needsFacts ? construction() : undefined);
      const names = Object.keys(columns) as DecisionColumn[];
      ctx.core.sqlite
        .prepare(`UPDATE cases SET status = ?${names.map((name) => `, ${name} = ?`).join('')} WHERE id = ?`)
        .run(rule.to, ...names.map((name) => columns[name]), args.caseId);

      // The shape PostgreSQL's audit trigger writes (db/central/migrations/0007): conditions whenever the case
      // lands on approved with some, as after a withdrawn offer too.
      const data: Record<string, unknown> = { from: head.status, to: rule.to };
      const reason = eventReasonOf(action, args);
      if (reason) data.reason = reason;
      const conditions = parseList(String(columns.approval_conditions ?? head.approval_conditions));
      if (rule.to === 'approved' && conditions.length > 0) data.conditions = conditions;
      const told = queueDecisionMessage(ctx, action, args, head.status, columns);
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
