// The endings no person takes at the desk, on the central database: the installer withdraws in the portal, the owner
// declines the offer in the portal, the service's sweep closes an offer past its validity. The status table says the
// system may take these (rules/caseStatus.ts), the message is the desk's (rules/closureMessages.ts, the same facts
// query), and PostgreSQL's close_case_for_party (central 0031) holds each party to its own ending and writes the
// case and the message in the caller's transaction.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DecisionAction } from '../../shared/contract';
import { canTakeAction, closureMessageKindOf, type CaseStatus, type ClosureReason } from '../../shared/rules';
import { decisionMessageDraft, decisionMessageFactsSql, type DecisionMessageFacts } from './decisionMessage';

export type EndingParty = 'installer' | 'owner' | 'expiry';

const ENDING: Readonly<Record<EndingParty, { action: DecisionAction; reason: ClosureReason }>> = {
  installer: { action: 'withdraw', reason: 'withdrawn_by_installer' },
  owner: { action: 'declineOffer', reason: 'owner_declined' },
  expiry: { action: 'expireOffer', reason: 'offer_expired' },
};

export type EndingOutcome = { outcome: 'closed'; messageId: string } | { outcome: 'notAllowed'; status: CaseStatus };

/** Closes the case for `party` with its words (null: none); answers notAllowed when the status table says no. */
export async function closeCaseForParty(
  client: pg.ClientBase, caseId: number, party: EndingParty, words: string | null,
): Promise<EndingOutcome> {
  const { rows: [head] } = await client.query<{ status: CaseStatus }>('SELECT status FROM cases WHERE id = $1', [caseId]);
  const { action, reason } = ENDING[party];
  if (!head || !canTakeAction(action, head.status, 'system')) return { outcome: 'notAllowed', status: head?.status ?? 'closed' };
  const kind = closureMessageKindOf(reason, head.status);
  if (!kind) throw new Error(`${reason} tells the installer nothing`);
  const { rows: [facts] } = await client.query<DecisionMessageFacts>(decisionMessageFactsSql('$1', 'newCase'), [caseId]);
  const { recipient, subject, body } = decisionMessageDraft(facts, {
    kind, conditions: [], reason: words ?? undefined, closureReason: reason, costsOre: null,
  });
  const messageId = randomUUID();
  await client.query('SELECT close_case_for_party($1, $2, $3, $4, $5, $6, $7, $8)',
    [caseId, party, words, messageId, kind, recipient, subject, body]);
  return { outcome: 'closed', messageId };
}

/** The cases in offer_sent whose issued offer's last valid day has passed (Europe/Oslo), oldest first. */
export async function casesWithExpiredOffers(client: pg.ClientBase, limit: number): Promise<number[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT c.id FROM cases c
      WHERE c.status = 'offer_sent' AND EXISTS (SELECT 1 FROM offers o WHERE o.case_id = c.id AND o.state = 'issued'
        AND o.valid_until < (now() AT TIME ZONE 'Europe/Oslo')::date)
      ORDER BY c.id LIMIT $1`,
    [limit]);
  return rows.map((row) => Number(row.id));
}
