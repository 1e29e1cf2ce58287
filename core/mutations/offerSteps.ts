// The offer's billing steps taken by a person from the decision bar: `case.sendOffer`, `case.acceptOffer`,
// `case.sendInvoice`, `case.registerPayment`. Each is about the case's issued offer (sending it only within its
// validity), records the step with the offer version — amount, date and reference for acceptance and payment — moves
// the case, and, when the step releases the work (payment; acceptance where the company releases on acceptance),
// stores the installer's start approval once. The billing file's import applies the same plan (billing/*).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { OfferStepArgs, fail, type ErrorCode } from '../../shared/contract';
import {
  CASE_ACTIONS,
  OFFER_STEP_ACTIONS,
  billingKindOf,
  planBillingStep,
  releasesWork,
  type OfferStepAction,
} from '../../shared/rules';
import { osloDate } from '../clock';
import { loadCaseHead } from '../cases/caseRow';
import { localOfferFacts, releaseOnAcceptance, writeLocalBillingStep } from '../billing/localBilling';
import { defineMutation, type MutationDefinition } from './runMutation';
import { mayTellInstaller } from '../casework/decisionMessage';

/** What the outbox carries: the person's input plus the ids made at the desk, so a retry and the server agree. */
export const OfferStepMutationArgs = OfferStepArgs.extend({ billingEventId: z.uuid(), messageId: z.uuid() }).strict();
export type OfferStepMutationArgs = z.output<typeof OfferStepMutationArgs>;

/** The default amount: what acceptance and payment are of, the issued offer's grand total. */
const takesAmount = (action: OfferStepAction) => action === 'acceptOffer' || action === 'registerPayment';

function offerStepMutation(action: OfferStepAction): MutationDefinition<typeof OfferStepMutationArgs> {
  const kind = billingKindOf(action);
  return defineMutation({
    name: `case.${action}`,
    args: OfferStepMutationArgs,
    apply({ core, actor, now, pendingSeq }, args) {
      const { sqlite } = core;
      const head = loadCaseHead(sqlite, args.caseId);
      if (!(CASE_ACTIONS[action].by as readonly string[]).includes(actor.role)) fail('permission.denied');
      const offers = localOfferFacts(sqlite, args.caseId);
      const issued = offers.find((offer) => offer.state === 'issued');
      const amountOre = args.amountOre ?? (takesAmount(action) && issued ? issued.grossOre : null);
      const today = osloDate(new Date(now));
      const occurredOn = args.occurredOn ?? today;
      const plan = planBillingStep({ kind, offerVersion: null, amountOre, occurredOn, today }, head.status, offers, actor.role);
      if (plan.outcome === 'flagged') {
        if (plan.code === 'statusNotAllowed') fail('decision.notAllowed', { action, status: head.status });
        fail(`offerStep.${plan.code}` as ErrorCode, plan.params);
      }
      if (plan.outcome !== 'applied') throw new Error('unreachable');
      const events = writeLocalBillingStep(sqlite, {
        record: {
          id: args.billingEventId,
          caseId: args.caseId,
          offerId: plan.offer.id,
          kind,
          offerVersion: plan.offer.version,
          amountOre: takesAmount(action) ? amountOre : null,
          occurredOn,
          reference: args.reference || null,
          source: 'desk',
          outcome: 'applied',
          flagCode: null,
          flagParams: {},
        },
        from: head.status,
        to: plan.to,
        releasesWork: releasesWork(kind, releaseOnAcceptance(sqlite)),
        startApprovalMessageId: args.messageId,
        at: now,
        actorId: actor.id,
        pendingSeq,
      });
      return {
        caseId: args.caseId,
        events,
        precondition: { status: head.status, claimToken: head.claim_token, offerId: plan.offer.id },
      };
    },
  });
}

/** `case.sendOffer`, … by mutation name. */
export const OFFER_STEP_MUTATIONS: Readonly<Record<string, MutationDefinition<typeof OfferStepMutationArgs>>> =
  Object.fromEntries(OFFER_STEP_ACTIONS.map((action) => [`case.${action}`, offerStepMutation(action)]));

export const isOfferStepAction = (action: string): action is OfferStepAction =>
  (OFFER_STEP_ACTIONS as readonly string[]).includes(action);

/** The step behind a mutation name, or null. */
export function offerStepOfMutation(name: string): OfferStepAction | null {
  const action = name.startsWith('case.') ? name.slice('case.'.length) : '';
  return isOfferStepAction(action) ? action : null;
}

/**
 * `case.act`'s arguments as the mutation takes them: a billing step gets its ids here, where it is made, and so
 * does a decision told to the installer (approval, rejection, referral, and the endings that tell:
 * casework/decisionMessage.ts).
 */
export function withDeskIds(action: string, args: Record<string, unknown>): Record<string, unknown> {
  if (isOfferStepAction(action)) return { ...args, billingEventId: randomUUID(), messageId: randomUUID() };
  return mayTellInstaller(action) ? { ...args, messageId: randomUUID() } : args;
}
