// How each outbox mutation is carried out on the central database, as the person who made it: the central service
// runs it as desk_service in the person's group role and naming them (desk.actor, read by desk_actor(); central
// 0015), so PostgreSQL's privileges and row-level security decide. Preconditions recorded with the
// mutation are checked first, so a refusal can say what changed instead of "0 rows updated".
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { RefusedByCentral } from './centralErrors';
import { letterToSend, type StoredFiles } from './letterToSend';
import { WORK_ORDER_APPLIERS } from './workOrderAppliers';
import { centralDraftContent, centralProductionFacts, centralRevisedContent, insertCentralDraft, sameLines } from './centralOfferDraft';
import { SaveOfferDraftInput } from '../../shared/contract';
import {
  ISSUED_OFFER_VALID_UNTIL_SQL, actionOfMutation, actionRefusal, decisionColumns, eventReasonOf, parseList, reasonOf, type CaseActionArgs,
  type ConstructionPowerFacts, type DecisionColumns, type PausedClock,
} from '../mutations/caseActions';
import { centralApprovalBlockers, centralCompleteness, centralConstructionFacts, centralDueDate } from './centralCaseFacts';
import { decisionMessageDraft, decisionMessageFactsSql, toldMessageKindOf, type DecisionMessageFacts } from '../casework/decisionMessage';
import { completionNoticeReference, completionRefusalDraft, referencedCaseSql } from '../import/completionRefusal';
import type { DecisionAction } from '../../shared/contract';
import {
  CASE_ACTIONS, STATUSES_REQUIRING_REASON, type ClosureReason, addWorkingDays, calculateOffer, offerValidUntil, canMoveCase,
  plusskundeContributionRefusal, type CaseStatus, type OfferCalculation, type OfferLine,
  type PriceList, type UserRole,
  OFFER_STEP_ACTIONS, billingKindOf, planBillingStep, releasesWork, STATUSES_SET_ONLY_WITH_READINGS,
} from '../../shared/rules';
import { osloDate } from '../clock';
import { CompanySettingsUpdateArgs } from '../mutations/companySettingsUpdate';
import { IssueOfferArgs } from '../mutations/offerMutations';
import { PriceListPublishArgs, publishRefusal } from '../pricing/priceListPublish';
import { insertPriceListCentral } from '../pricing/priceListStore';
import { OfferStepMutationArgs, offerStepOfMutation } from '../mutations/offerSteps';
import { centralOfferFacts, centralReleaseOnAcceptance, writeCentralBillingStep } from '../billing/centralBilling';
import { centralToday } from './centralToday';
import { ASSIGNMENT_APPLIERS } from './assignmentAppliers';
import { CorrectOwnerPartyInput, RecordGridAssessmentInput } from '../../shared/contract';
import { OWNER_PARTY_COLUMNS, ownerPartyUpdate } from '../mutations/ownerPartyCorrection';
import { gridAssessmentRefusal } from '../mutations/gridAssessmentRecord';

export interface OutboxEntry {
  seq: number;
  mutation: string;
  args: Record<string, unknown>;
  precondition: Record<string, unknown>;
  caseId: number | null;
  createdAt: string;
}

/** Files of this desk an applier may send along (an issued offer's letter, by its SHA-256). */
export type ApplierFiles = StoredFiles;

/** `files` is given by the push; an applier called without it has no file of this desk to send. */
type Applier = (client: pg.ClientBase, entry: OutboxEntry, files?: ApplierFiles) => Promise<void>;

interface CaseState {
  status: string;
  /** The group the service acts in for the person (SET LOCAL ROLE); 'none' for the owner's own tools. */
  role: string;
  assignee_id: string | null;
  claimed_by: string | null;
  claim_live: boolean;
  claim_token: number;
  me: string;
}

async function lockCase(client: pg.ClientBase, caseId: number): Promise<CaseState> {
  const { rows } = await client.query<CaseState>(
    `SELECT status, current_setting('role') AS role, assignee_id, claimed_by, coalesce(lease_until > now(), false) AS claim_live, claim_token,
            desk_actor() AS me
     FROM cases WHERE id = $1 FOR UPDATE`,
    [caseId],
  );
  if (rows.length === 0) throw new RefusedByCentral('caseMissing');
  return rows[0];
}

/**
 * Writes to a case present the claim token this client saw when the change was made: if the lease ran out and
 * someone else claimed the case since, the token is stale and PostgreSQL (cases_guard) refuses the write.
 */
async function presentClaim(client: pg.ClientBase, state: CaseState, token: unknown): Promise<void> {
  if (state.claimed_by !== state.me || !state.claim_live) {
    throw new RefusedByCentral(state.claimed_by && state.claim_live ? 'claimedByOther' : 'notClaimed', state.claimed_by ?? undefined);
  }
  await client.query("SELECT set_config('desk.claim_token', $1, true)", [String(token ?? '')]);
}

const USER_ROLES: readonly string[] = ['case_handler', 'supervisor', 'reader'];
/** How many working days back an offer issued on a desk that was offline may still be dated. */
const OFFLINE_ISSUE_WORKING_DAYS = 5;
const isUserRole = (role: string): role is UserRole => USER_ROLES.includes(role);

/** A refusal of the status table or its blockers, in the reasons the desk knows. */
function refusalOf(code: string, status: string): RefusedByCentral {
  if (code === 'permission.denied') return new RefusedByCentral('notPermitted');
  if (code === 'decision.notAllowed') return new RefusedByCentral('statusChanged', status);
  return new RefusedByCentral('invalid', code);
}

const appliers: Record<string, Applier> = {
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
};

Object.assign(appliers, {
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
} satisfies Record<string, Applier>);

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

Object.assign(appliers, {
  // A quarantined record has no case and no claim: the row lock and its state are the precondition. A reader
  // is refused by PostgreSQL itself (no UPDATE privilege, so not even FOR UPDATE).
  async 'quarantine.update'(client: pg.ClientBase, { args }: OutboxEntry) {
    const { rows } = await client.query<{ state: string }>('SELECT state FROM import_quarantine WHERE id = $1 FOR UPDATE', [args.id]);
    if (rows.length === 0) throw new RefusedByCentral('invalid', 'quarantined record missing');
    if (rows[0].state !== 'open' && rows[0].state !== 'ready') throw new RefusedByCentral('statusChanged', rows[0].state);
    await client.query(
      `UPDATE import_quarantine SET raw = coalesce($2, raw), state = $3::text,
         resolved_at = CASE WHEN $3::text = 'open' THEN resolved_at ELSE now() END,
         resolved_by = CASE WHEN $3::text = 'open' THEN resolved_by ELSE desk_actor() END,
         resolution_note = coalesce($4, resolution_note)
       WHERE id = $1`,
      [args.id, args.raw ?? null, args.state, args.reason ?? null],
    );
    if (args.state === 'discarded') await answerDiscardedCompletion(client, String(args.id), typeof args.reason === 'string' ? args.reason : '');
  },
} satisfies Record<string, Applier>);

/**
 * A ferdigmelding discarded from the quarantine is answered to its installer with the handler's reason
 * (import/completionRefusal.ts), through answer_discarded_completion (0033): the handler holds no claim on the case.
 */
async function answerDiscardedCompletion(client: pg.ClientBase, quarantineId: string, reason: string): Promise<void> {
  const { rows: [record] } = await client.query<{ raw: string }>('SELECT raw FROM import_quarantine WHERE id = $1', [quarantineId]);
  const reference = record ? completionNoticeReference(record.raw) : null;
  if (!reference || !reason.trim()) return;
  const { rows: [found] } = await client.query<{ id: string }>(referencedCaseSql('postgres'), [reference.caseNumber, reference.caseMessageId]);
  if (!found) return;
  const { rows: [facts] } = await client.query<DecisionMessageFacts>(decisionMessageFactsSql('$1', 'newCase'), [found.id]);
  const { recipient, subject, body } = completionRefusalDraft(facts, [{ code: 'refusedByHandler', reason }]);
  await client.query('SELECT answer_discarded_completion($1, $2, $3, $4, $5)', [quarantineId, randomUUID(), recipient, subject, body]);
}

Object.assign(appliers, {
  // Who does a piece of grid-side work (mutations/routingMutations.ts). The audit trigger writes routing_decided.
  async 'case.decideRouting'(client: pg.ClientBase, { args, precondition, createdAt }: OutboxEntry) {
    const state = await lockCase(client, Number(args.caseId));
    const { rows } = await client.query<{ current: { performer: string; supplierId: number | null } | null; covered: boolean }>(
      `SELECT work_routing::jsonb -> $2::text AS current,
              EXISTS (SELECT 1 FROM area_supplier_municipalities am
                      WHERE am.supplier_id = $3 AND am.municipality_number = c.municipality_number) AS covered
       FROM cases c WHERE id = $1`,
      [args.caseId, args.workKind, args.supplierId],
    );
    const current = rows[0].current ? { performer: rows[0].current.performer, supplierId: rows[0].current.supplierId ?? null } : null;
    if (JSON.stringify(current) !== JSON.stringify(precondition.routing ?? null)) {
      throw new RefusedByCentral('invalid', 'routingChanged');
    }
    if (args.performer === 'area_supplier' && !rows[0].covered) throw new RefusedByCentral('invalid', 'noAreaSupplier');
    await presentClaim(client, state, precondition.claimToken);
    await client.query(
      `UPDATE cases SET work_routing = (work_routing::jsonb || jsonb_build_object($2::text, jsonb_build_object(
         'performer', $3::text, 'supplierId', $4::integer, 'by', desk_actor(), 'at', $5::text)))::text
       WHERE id = $1`,
      [args.caseId, args.workKind, args.performer, args.supplierId, createdAt],
    );
  },
} satisfies Record<string, Applier>);

Object.assign(appliers, {
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
} satisfies Record<string, Applier>);

Object.assign(appliers, {
  // Company practice (mutations/companySettingsUpdate.ts), by key, as the person: only a supervisor holds INSERT and
  // UPDATE on company_settings, so PostgreSQL refuses anyone else (42501). The values are checked again here.
  async 'companySettings.update'(client: pg.ClientBase, { args }: OutboxEntry) {
    const parsed = CompanySettingsUpdateArgs.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'company settings out of range');
    for (const [key, value] of Object.entries(parsed.data.values)) {
      await client.query(
        'INSERT INTO company_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
        [key, JSON.stringify(value)],
      );
    }
  },
} satisfies Record<string, Applier>);

Object.assign(appliers, {
  // Offer drafts (mutations/offerMutations.ts) travel like any casework, under the claim: a new draft is made by the
  // same rule as on the desk from the central price lists and case; a save replaces the draft's lines.
  async 'case.createOfferDraft'(client: pg.ClientBase, { args, precondition }: OutboxEntry) {
    const caseId = Number(args.caseId);
    const state = await lockCase(client, caseId);
    await presentClaim(client, state, precondition.claimToken);
    const draft = await centralDraftContent(client, caseId);
    await insertCentralDraft(client, String(args.offerId), caseId, draft);
  },

  // A revision: the offer in force copied and re-priced by the same rule as on the desk, in this one transaction.
  async 'case.reviseOffer'(client: pg.ClientBase, { args, precondition, caseId }: OutboxEntry) {
    const state = await lockCase(client, Number(caseId));
    await presentClaim(client, state, precondition.claimToken);
    const draft = await centralRevisedContent(client, String(args.fromOfferId));
    if (draft.caseId !== Number(caseId)) throw new RefusedByCentral('invalid', 'offer of another case');
    await insertCentralDraft(client, String(args.offerId), draft.caseId, draft);
  },

  async 'case.saveOfferDraft'(client: pg.ClientBase, { args, precondition }: OutboxEntry) {
    const parsed = SaveOfferDraftInput.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'offer arguments');
    const { offerId, lines, connectionFeeDeductionOre } = parsed.data;
    const found = await client.query<{ case_id: string }>('SELECT case_id FROM offers WHERE id = $1', [offerId]);
    if (found.rows.length === 0) throw new RefusedByCentral('invalid', 'offer missing');
    const state = await lockCase(client, Number(found.rows[0].case_id));
    const offer = await client.query<{ state: string }>('SELECT state FROM offers WHERE id = $1', [offerId]);
    if (offer.rows[0].state !== 'draft') throw new RefusedByCentral('statusChanged', offer.rows[0].state);
    await presentClaim(client, state, precondition.claimToken);
    let totals: OfferCalculation;
    try {
      totals = calculateOffer({ lines, connectionFeeDeduction: connectionFeeDeductionOre || null });
    } catch {
      throw new RefusedByCentral('invalid', 'offer lines');
    }
    await client.query('UPDATE offers SET lines = $2, connection_fee_deduction_ore = $3, totals = $4 WHERE id = $1', [
      offerId, JSON.stringify(lines), connectionFeeDeductionOre ?? 0, JSON.stringify(totals),
    ]);
  },

  // Issuing: the central draft becomes the issued offer, if it is still what the letter was rendered from; an entry
  // written before drafts travelled carries the draft and is inserted whole. Earlier issued offers of the case become
  // superseded first; the audit trigger (0010) writes offer_superseded and offer_issued, issued_by is desk_actor().
  // The letter goes in the same transaction through store_offer_letter (0011), the one way a case handler may store
  // a file centrally; a desk that no longer has the file issues the offer without naming a letter.
  async 'case.issueOffer'(client: pg.ClientBase, { args, precondition, createdAt }: OutboxEntry, files?: ApplierFiles) {
    const parsed = IssueOfferArgs.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'offer arguments');
    const offer = parsed.data;
    const state = await lockCase(client, offer.caseId);
    await presentClaim(client, state, precondition.claimToken);
    let totals: OfferCalculation;
    try {
      const lines = JSON.parse(offer.draftLines) as OfferLine[];
      if (!Array.isArray(lines) || lines.length === 0) throw new Error('an offer without lines');
      totals = calculateOffer({ lines, connectionFeeDeduction: offer.draftDeductionOre || null });
    } catch {
      throw new RefusedByCentral('invalid', 'offer lines');
    }
    // A plusskunde within the main fuse pays no contribution (rules/plusskunde.ts): the desk's check, again here.
    const refusal = plusskundeContributionRefusal(await centralProductionFacts(client, offer.caseId), totals.contributionOre);
    if (refusal) throw new RefusedByCentral('invalid', refusal);
    // The letter's dates as the rules and the server's calendar say: issued today or in the last days (an offer
    // issued offline arrives later), valid for as long as the offer's own price list says.
    const { rows: [listRow] } = await client.query<{ body: string }>(
      'SELECT body FROM price_lists WHERE id = $1 AND list_version = $2', [offer.priceListId, offer.priceListVersion],
    );
    if (!listRow) throw new RefusedByCentral('invalid', 'offer.noPriceList');
    const today = await centralToday(client);
    const earliest = addWorkingDays(today, -OFFLINE_ISSUE_WORKING_DAYS);
    if (offer.issuedOn > today || offer.issuedOn < earliest) throw new RefusedByCentral('invalid', 'offer.issuedOn');
    if (offer.validUntil !== offerValidUntil(offer.issuedOn, (JSON.parse(listRow.body) as PriceList).offerValidity)) {
      throw new RefusedByCentral('invalid', 'offer.validUntil');
    }
    const letter = letterToSend(files, offer.pdfSha256);
    const pdfSha256 = letter ? offer.pdfSha256 : null;
    const { rows: [central] } = await client.query<{
      state: string; case_id: string; offer_version: number; price_list_id: string; price_list_version: number;
      lines: string; deduction: string;
    }>(
      `SELECT state, case_id, offer_version, price_list_id, price_list_version, lines,
              connection_fee_deduction_ore AS deduction
       FROM offers WHERE id = $1 FOR UPDATE`,
      [offer.offerId],
    );
    if (central) {
      if (central.state !== 'draft') throw new RefusedByCentral('statusChanged', central.state);
      const same = Number(central.case_id) === offer.caseId && central.offer_version === offer.offerVersion
        && central.price_list_id === offer.priceListId && central.price_list_version === offer.priceListVersion
        && Number(central.deduction) === offer.draftDeductionOre && sameLines(central.lines, offer.draftLines);
      if (!same) throw new RefusedByCentral('invalid', 'offerChangedWhileIssuing');
    }
    await client.query(
      "UPDATE offers SET state = 'superseded' WHERE case_id = $1 AND state = 'issued' AND id <> $2",
      [offer.caseId, offer.offerId],
    );
    if (central) {
      await client.query(
        `UPDATE offers SET state = 'issued', totals = $2, valid_until = $3, issued_at = $4, pdf_sha256 = $5 WHERE id = $1`,
        [offer.offerId, JSON.stringify(totals), offer.validUntil, createdAt, pdfSha256],
      );
    } else {
      await client.query(
        `INSERT INTO offers (id, case_id, offer_version, state, price_list_id, price_list_version, lines,
           connection_fee_deduction_ore, totals, valid_until, issued_at, pdf_sha256)
         VALUES ($1, $2, $3, 'issued', $4, $5, $6, $7, $8, $9, $10, $11)`,
        [offer.offerId, offer.caseId, offer.offerVersion, offer.priceListId, offer.priceListVersion, offer.draftLines,
          offer.draftDeductionOre, JSON.stringify(totals), offer.validUntil, createdAt, pdfSha256],
      );
    }
    if (pdfSha256) await client.query('SELECT store_offer_letter($1, $2)', [offer.offerId, letter]);
    // Only the hash of the owner's code travels; it answers the owner in the portal (central 0024).
    if (offer.ownerCodeSha256) await client.query('SELECT owner_offer_code_set($1, $2)', [offer.offerId, offer.ownerCodeSha256]);
  },
} satisfies Record<string, Applier>);

// The offer's billing steps taken at the desk (mutations/offerSteps.ts): the status assumed, the claim, the same
// plan the desk made (billing/*), then the billing event, the status and — when the step releases the work — the
// start approval, as the person. The triggers write billing_recorded, status_changed and message_queued.
async function applyOfferStep(client: pg.ClientBase, { mutation, args, precondition }: OutboxEntry): Promise<void> {
  const action = offerStepOfMutation(mutation)!;
  const parsed = OfferStepMutationArgs.safeParse(args);
  if (!parsed.success) throw new RefusedByCentral('invalid', 'billing step arguments');
  const step = parsed.data;
  const state = await lockCase(client, step.caseId);
  if (state.status !== precondition.status) throw new RefusedByCentral('statusChanged', state.status);
  await presentClaim(client, state, precondition.claimToken);
  const kind = billingKindOf(action);
  const offers = await centralOfferFacts(client, step.caseId);
  const issued = offers.find((offer) => offer.state === 'issued');
  const takesAmount = kind === 'acceptance' || kind === 'payment';
  const amountOre = step.amountOre ?? (takesAmount && issued ? issued.grossOre : null);
  const today = await centralToday(client);
  const occurredOn = step.occurredOn ?? today;
  const plan = planBillingStep({ kind, offerVersion: null, amountOre, occurredOn, today }, state.status as CaseStatus, offers, 'case_handler');
  if (plan.outcome !== 'applied') throw new RefusedByCentral('invalid', `billing.${plan.code}`);
  if (precondition.offerId !== undefined && plan.offer.id !== precondition.offerId) throw new RefusedByCentral('invalid', 'billing.offerChanged');
  await writeCentralBillingStep(client, {
    record: {
      id: step.billingEventId, caseId: step.caseId, offerId: plan.offer.id, kind, offerVersion: plan.offer.version,
      amountOre: takesAmount ? amountOre : null, occurredOn, reference: step.reference || null, source: 'desk',
      outcome: 'applied', flagCode: null, flagParams: {},
    },
    to: plan.to,
    releasesWork: releasesWork(kind, await centralReleaseOnAcceptance(client)),
    startApprovalMessageId: step.messageId,
    asOwner: false,
  });
}
Object.assign(appliers, Object.fromEntries(OFFER_STEP_ACTIONS.map((action) => [`case.${action}`, applyOfferStep])));
Object.assign(appliers, {
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
} satisfies Record<string, Applier>);

Object.assign(appliers, {
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

  // The grid assessment (mutations/gridAssessmentRecord.ts), as the person and at the server's time; the audit
  // trigger (0036) writes grid_assessed.
  async 'case.recordGridAssessment'(client: pg.ClientBase, { args, precondition }: OutboxEntry) {
    const parsed = RecordGridAssessmentInput.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'grid assessment');
    const state = await lockCase(client, parsed.data.caseId);
    if (precondition.status !== undefined && state.status !== precondition.status) throw new RefusedByCentral('statusChanged', state.status);
    const refusal = gridAssessmentRefusal(state.status as CaseStatus, parsed.data);
    if (refusal) throw refusalOf(refusal.code, state.status);
    await presentClaim(client, state, precondition.claimToken);
    await client.query(
      `UPDATE cases SET grid_assessment = jsonb_build_object('outcome', $2::text, 'note', $3::text, 'by', desk_actor(),
         'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
       WHERE id = $1`,
      [parsed.data.caseId, parsed.data.outcome, parsed.data.note],
    );
  },
} satisfies Record<string, Applier>);

// The area supplier register and work orders (sync/workOrderAppliers.ts).
Object.assign(appliers, WORK_ORDER_APPLIERS);

// Assignment rules (sync/assignmentAppliers.ts).
Object.assign(appliers, ASSIGNMENT_APPLIERS);

Object.assign(appliers, {
  // A new price list version (pricing/priceListPublish.ts), checked again against the central versions; only a
  // supervisor holds INSERT on price_lists (0010), so PostgreSQL refuses anyone else (42501).
  async 'priceList.publish'(client: pg.ClientBase, { args }: OutboxEntry) {
    const parsed = PriceListPublishArgs.safeParse(args);
    if (!parsed.success) throw new RefusedByCentral('invalid', 'price list');
    const list = parsed.data.priceList;
    const { rows } = await client.query<{ body: string }>('SELECT body FROM price_lists WHERE id = $1', [list.id]);
    const refusal = publishRefusal(list, rows.map((row) => JSON.parse(row.body) as PriceList), await centralToday(client));
    if (refusal) throw new RefusedByCentral('invalid', refusal.code);
    await insertPriceListCentral(client, list);
  },
} satisfies Record<string, Applier>);

export function centralApplierFor(mutation: string): Applier | null {
  if (Object.hasOwn(appliers, mutation)) return appliers[mutation];
  return actionOfMutation(mutation) !== null ? applyCaseAction : null;
}
