// The people's actions on a case, as one call: `case.act` {caseId, action, …}. One call rather than one per
// action because the UI offers whatever `CaseDetail.allowedActions` lists, and the rules table already says per
// action what it needs; zod tells the variants apart by `action` (approve carries conditions, the others a reason).
// Each action is still its own named mutation (`case.approve`, `case.reject`, …) in the outbox and centrally.
import { z } from 'zod';
import { CLOSE_WITH_REASON_CHOICES, INFORMATION_CHANNELS, WITHDRAWN_BY } from '../rules/caseClosure';
import { OFFER_STEP_ACTIONS, type OfferStepAction } from '../rules/offerFollowUp';
import { DECISION_ACTIONS, type DecisionAction } from '../rules/mutationNames';
import { CaseId } from './common';
import { OfferStepAct } from './offerFollowUp';
import { CONSTRUCTION_POWER_ACTIONS, ConstructionPowerAct, type ConstructionPowerAction } from './constructionPower';
import { call, type DomainCalls } from './call';
import type { MutationResult } from './common';

// The actions themselves are listed with the mutations (rules/mutationNames.ts): each is the mutation case.<action>.
export { DECISION_ACTIONS, type DecisionAction };

export const DECISION_REASON_MAX_LENGTH = 2_000;
export const APPROVAL_CONDITION_MAX_LENGTH = 300;
export const APPROVAL_CONDITIONS_MAX = 10;

const Reason = z.string().trim().max(DECISION_REASON_MAX_LENGTH);

export const ApproveArgs = z
  .object({
    caseId: CaseId,
    conditions: z
      .array(z.string().trim().min(1).max(APPROVAL_CONDITION_MAX_LENGTH))
      .max(APPROVAL_CONDITIONS_MAX)
      .default([])
      .transform((conditions) => [...new Set(conditions)]),
  })
  .strict();

/** Whether the reason may be left out is the rules table's call (`needsReason`), checked by the mutation. */
export const StepArgs = z.object({ caseId: CaseId, reason: Reason.optional() }).strict();

/** Costs the grid company already had when an accepted case is cancelled, in øre (at most 100 million kroner). */
const CostsOre = z.number().int().min(0).max(10_000_000_000);

/** A withdrawal says who withdrew; after acceptance it may carry the costs already incurred. */
export const WithdrawArgs = StepArgs.extend({ withdrawnBy: z.enum(WITHDRAWN_BY), costsOre: CostsOre.optional() }).strict();
/** Closing for a reason of its own: which one ("other" needs words), and costs as for a withdrawal. */
export const CloseWithReasonArgs = StepArgs.extend({
  closureReason: z.enum(CLOSE_WITH_REASON_CHOICES),
  costsOre: CostsOre.optional(),
}).strict();
/** Resuming a wait: how the information came in, and the note (the reason) saying what came. */
export const ResumeArgs = StepArgs.extend({ channel: z.enum(INFORMATION_CHANNELS) }).strict();

/** The actions with arguments of their own, by name (the others take StepArgs or ApproveArgs). */
export const OWN_ARGS = { withdraw: WithdrawArgs, closeWithReason: CloseWithReasonArgs, resume: ResumeArgs } as const;
type OwnArgsAction = keyof typeof OWN_ARGS;

type OtherAction = Exclude<DecisionAction, 'approve' | OfferStepAction | OwnArgsAction | ConstructionPowerAction>;
const OTHER_ACTIONS = DECISION_ACTIONS.filter(
  (action) => action !== 'approve' && !(OFFER_STEP_ACTIONS as readonly string[]).includes(action) && !Object.hasOwn(OWN_ARGS, action)
    && !(CONSTRUCTION_POWER_ACTIONS as readonly string[]).includes(action),
) as [OtherAction, ...OtherAction[]];

export const CaseActInput = z.discriminatedUnion('action', [
  ApproveArgs.extend({ action: z.literal('approve') }).strict(),
  StepArgs.extend({ action: z.enum(OTHER_ACTIONS) }).strict(),
  WithdrawArgs.extend({ action: z.literal('withdraw') }).strict(),
  CloseWithReasonArgs.extend({ action: z.literal('closeWithReason') }).strict(),
  ResumeArgs.extend({ action: z.literal('resume') }).strict(),
  // The offer's billing steps carry the amount, date and reference (contract/offerFollowUp.ts).
  OfferStepAct,
  // Construction power's connection and disconnection carry the meter readings and dates (contract/constructionPower.ts).
  ...ConstructionPowerAct.options,
]);
export type CaseActInput = z.input<typeof CaseActInput>;

/** Why approval is not possible now; the approve button says it, and `case.approve` refuses with the same code. */
export type ApprovalBlocker =
  | { code: 'decision.incomplete'; params?: undefined }
  | { code: 'decision.installerNotActive'; params: { installer: string; dsbStatus: string } }
  | { code: 'decision.gridAssessmentMissing'; params?: undefined }
  | { code: 'decision.gridAssessmentNotSound'; params?: undefined };

/** Why the meter cannot be registered as mounted: the grid customer must be named first. */
export type MeterMountedBlocker = { code: 'decision.gridCustomerMissing'; params?: undefined };

/** Why the offer cannot be sent now; `case.sendOffer` refuses with the same code. */
export type SendOfferBlocker =
  | { code: 'offerStep.noIssuedOffer'; params?: undefined }
  | { code: 'offerStep.offerExpired'; params: { offerVersion: number; validUntil: string } };

/** Why an action the case view offers cannot be taken now; its button is disabled and says why. */
export type ActionBlocker = ApprovalBlocker | SendOfferBlocker | MeterMountedBlocker;
export type ActionBlockers = Partial<Record<'approve' | 'sendOffer' | 'registerMeterMounted', ActionBlocker[]>>;

/** This domain's calls (merged into the one contract in index.ts). */
export const caseActionCalls = {
  'case.act': call<MutationResult>()(CaseActInput),
} satisfies DomainCalls;
