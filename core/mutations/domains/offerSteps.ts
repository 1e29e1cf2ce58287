// The offer's billing steps taken at the desk (`case.sendOffer`, `case.acceptOffer`, `case.sendInvoice`,
// `case.registerPayment`, …): status actions of their own kind, one mutation per step (mutations/offerSteps.ts).
import type pg from 'pg';
import { entriesFor, type CaseMutationEntry, type DomainMutations, type OutboxEntry } from '../definition';
import { OFFER_STEP_MUTATIONS, OfferStepMutationArgs, offerStepOfMutation } from '../offerSteps';
import { RefusedByCentral } from '../../sync/centralErrors';
import { lockCase, presentClaim } from '../../sync/centralCase';
import { centralToday } from '../../sync/centralToday';
import { centralOfferFacts, centralReleaseOnAcceptance, writeCentralBillingStep } from '../../billing/centralBilling';
import {
  OFFER_STEP_ACTIONS, billingKindOf, planBillingStep, releasesWork, type CaseStatus, type OfferStepAction,
} from '../../../shared/rules';

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

export const offerStepMutations = entriesFor(
  OFFER_STEP_ACTIONS.map((action): `case.${OfferStepAction}` => `case.${action}`),
  (name): CaseMutationEntry => ({ local: OFFER_STEP_MUTATIONS[name], central: applyOfferStep }),
) satisfies DomainMutations;
