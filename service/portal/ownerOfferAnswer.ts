// The owner's answer to an offer, in one transaction as portal_owner for the offer whose code was presented (central
// 0024: every policy is keyed by owner_offer_case()). An acceptance takes the path a registered acceptance takes
// centrally (sync/centralAppliers.ts applyOfferStep, billing/centralBilling.ts): the offers' facts, planBillingStep,
// writeCentralBillingStep — status offer_sent → offer_accepted, the billing event (source 'portal', dated the
// server's today), the start approval where the company releases on acceptance; the triggers write the history. The
// answer itself (who, when) is recorded once by owner_offer_record_answer, which also writes the owner_answered event
// the desk shows. A decline closes the case as the owner's ending (casework/centralEnding.ts: the status table's
// declineOffer, closure reason owner_declined with the owner's words, and the installer's message, in this
// transaction).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { centralOfferFacts, centralReleaseOnAcceptance, writeCentralBillingStep } from '../../core/billing/centralBilling';
import { centralToday } from '../../core/sync/centralToday';
import { closeCaseForParty } from '../../core/casework/centralEnding';
import type { OwnerAnswerOfferInput } from '../../shared/portalApi/ownerOffer';
import { planBillingStep, releasesWork, type CaseStatus, type OfferFacts } from '../../shared/rules';

/** The name the owner's answers are recorded under (desk.actor): billing_events.recorded_by, case_events.actor_id. */
export const OWNER_ACTOR = 'portal:owner';

export type OwnerAnswerOutcome =
  | { outcome: 'recorded' }
  | { outcome: 'alreadyAnswered' }
  | { outcome: 'refused'; code: 'ownerOffer.expired' | 'ownerOffer.superseded' | 'ownerOffer.closed' };

class Refused extends Error {
  constructor(readonly outcome: OwnerAnswerOutcome) {
    super('refused');
  }
}

const refusal = (code: 'ownerOffer.expired' | 'ownerOffer.superseded' | 'ownerOffer.closed') =>
  new Refused({ outcome: 'refused', code });

/** Expired or superseded: what refuses a decline too (nothing left to decline). */
function lapsed(offer: OfferFacts, today: string): Refused | null {
  if (offer.state === 'superseded') return refusal('ownerOffer.superseded');
  if (offer.state !== 'issued') return refusal('ownerOffer.closed');
  if (offer.validUntil !== null && offer.validUntil < today) return refusal('ownerOffer.expired');
  return null;
}

const REFUSAL_OF_FLAG: Record<string, 'ownerOffer.expired' | 'ownerOffer.superseded'> = {
  offerExpired: 'ownerOffer.expired',
  offerSuperseded: 'ownerOffer.superseded',
};

async function answerAsOwner(client: pg.ClientBase, offerId: string, input: OwnerAnswerOfferInput): Promise<OwnerAnswerOutcome> {
  const { rows: [head] } = await client.query<{ case_id: string }>('SELECT case_id FROM offers WHERE id = $1', [offerId]);
  if (!head) throw refusal('ownerOffer.closed');
  const caseId = Number(head.case_id);
  const { rows: [locked] } = await client.query<{ status: CaseStatus }>('SELECT status FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
  const answer = input.answer === 'accept' ? 'accepted' : 'declined';
  const { rows: [recorded] } = await client.query<{ recorded: boolean }>(
    'SELECT owner_offer_record_answer($1, $2, $3) AS recorded', [answer, input.name, input.reason || null]);
  if (!recorded.recorded) throw new Refused({ outcome: 'alreadyAnswered' });

  const offers = await centralOfferFacts(client, caseId);
  const offer = offers.find((candidate) => candidate.id.toLowerCase() === offerId.toLowerCase())!;
  const today = await centralToday(client);
  const gone = lapsed(offer, today);
  if (gone) throw gone;
  if (input.answer === 'decline') {
    const closed = await closeCaseForParty(client, caseId, 'owner', input.reason || null);
    if (closed.outcome !== 'closed') throw refusal('ownerOffer.closed');
    return { outcome: 'recorded' };
  }

  const plan = planBillingStep(
    { kind: 'acceptance', offerVersion: offer.version, amountOre: offer.grossOre, occurredOn: today, today },
    locked.status, offers, 'system');
  if (plan.outcome !== 'applied') throw refusal(REFUSAL_OF_FLAG[plan.code] ?? 'ownerOffer.closed');
  await writeCentralBillingStep(client, {
    record: {
      id: randomUUID(), caseId, offerId: plan.offer.id, kind: 'acceptance', offerVersion: plan.offer.version,
      amountOre: offer.grossOre, occurredOn: today, reference: null, source: 'portal', outcome: 'applied',
      flagCode: null, flagParams: {},
    },
    to: plan.to,
    releasesWork: releasesWork('acceptance', await centralReleaseOnAcceptance(client)),
    startApprovalMessageId: randomUUID(),
    asOwner: false,
  });
  return { outcome: 'recorded' };
}

/** The answer for the offer whose code (`codeSha256`, already tried right) the owner presented. */
export async function answerOwnerOffer(
  pool: pg.Pool, offerId: string, codeSha256: string, input: OwnerAnswerOfferInput,
): Promise<OwnerAnswerOutcome> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('role', 'portal_owner', true), set_config('owner.offer', $1, true),
              set_config('owner.code_sha256', $2, true), set_config('desk.actor', $3, true)`,
      [offerId, codeSha256, OWNER_ACTOR]);
    const outcome = await answerAsOwner(client, offerId, input);
    await client.query('COMMIT');
    return outcome;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    if (error instanceof Refused) return error.outcome;
    throw error;
  } finally {
    client.release(broken);
  }
}
