// The message a decision on the advance notice writes to the installer, as both databases store it: one query (the
// same SQL text on SQLite and PostgreSQL) for the case, its installer and whether it has an offer; one builder for
// the recipient and the words (rules/decisionMessages.ts). The desk's mutation (mutations/caseActions.ts) and the
// central applier (sync/centralAppliers.ts) write it in the transaction of the decision itself.
import type { DecisionAction } from '../../shared/contract';
import {
  approvalNextStep, closureLetter, closureMessageKindOf, decisionLetter, type CaseStatus, type ClosureMessageKind, type ClosureReason,
  type DecisionMessageKind, type RequestType,
} from '../../shared/rules';
import { installerRecipientOf } from '../billing/startApprovalDraft';

/** The decisions that are told to the installer, and the kind of message each writes. */
export const DECISION_MESSAGE_OF: Partial<Record<DecisionAction, DecisionMessageKind>> = {
  approve: 'approval',
  reject: 'rejection',
  referToDeveloperProject: 'developer_referral',
};

export const decisionMessageKindOf = (action: string): DecisionMessageKind | null =>
  DECISION_MESSAGE_OF[action as DecisionAction] ?? null;

/** The endings that may tell the installer (which message, if any, depends on the reason and the status). */
const ENDINGS_TOLD: readonly string[] = ['declineOffer', 'expireOffer', 'withdraw', 'closeWithReason'];

/** Whether taking this action can write a message to the installer (its mutation then carries a message id). */
export const mayTellInstaller = (action: string): boolean => decisionMessageKindOf(action) !== null || ENDINGS_TOLD.includes(action);

/** The message taking `action` from `from` writes, given the closure reason the action records (if it closes). */
export function toldMessageKindOf(action: string, from: CaseStatus, closureReason: ClosureReason | null | undefined):
  DecisionMessageKind | ClosureMessageKind | null {
  if (closureReason) return ENDINGS_TOLD.includes(action) ? closureMessageKindOf(closureReason, from) : null;
  return decisionMessageKindOf(action);
}

/**
 * `placeholder` is the case id's parameter ('?' in SQLite, '$1' in PostgreSQL). The importer, deciding on a case it
 * has just made (which has no offer), asks without the offers: its role may not read them.
 */
export const decisionMessageFactsSql = (placeholder: '?' | '$1', offers: 'withOffers' | 'newCase' = 'withOffers'): string => `
  SELECT c.case_number, c.address, c.postcode, c.post_town, c.request_type,
         i.email, c.installer_contact, i.name, i.organisation_number,
         ${offers === 'withOffers' ? "EXISTS (SELECT 1 FROM offers o WHERE o.case_id = c.id AND o.state IN ('draft', 'issued'))" : '0 = 1'} AS has_offer,
         EXISTS (SELECT 1 FROM company_settings s WHERE s.key = 'release_on_acceptance' AND s.value = 'true') AS release_on_acceptance
  FROM cases c JOIN installers i ON i.id = c.installer_id WHERE c.id = ${placeholder}`;

/** The message a decision the importer takes by a rule writes: approval without conditions, or the referral. */
export const ruleDecisionKindOf = (to: string): DecisionMessageKind | null =>
  to === 'approved' ? 'approval' : to === 'developer_project' ? 'developer_referral' : null;

export interface DecisionMessageFacts {
  case_number: string;
  address: string;
  postcode: string;
  post_town: string;
  request_type: string;
  email: string | null;
  installer_contact: string | null;
  name: string;
  organisation_number: string;
  /** 0/1 from SQLite, a boolean from PostgreSQL. */
  has_offer: number | boolean;
  /** The company setting `release_on_acceptance` (stored as JSON text), likewise 0/1 or a boolean. */
  release_on_acceptance: number | boolean;
}

export interface DecisionMessageInput {
  kind: DecisionMessageKind | ClosureMessageKind;
  conditions: readonly string[];
  reason: string | undefined;
  /** For the endings: why the case closed, and a cancellation's costs already incurred. */
  closureReason?: ClosureReason;
  costsOre?: number | null;
}

export function decisionMessageDraft(facts: DecisionMessageFacts, input: DecisionMessageInput): {
  recipient: string;
  subject: string;
  body: string;
} {
  const place = {
    caseNumber: facts.case_number,
    address: facts.address,
    postcode: facts.postcode,
    postTown: facts.post_town,
    requestType: facts.request_type as RequestType,
  };
  const kind = input.kind;
  if (kind === 'withdrawal' || kind === 'cancellation' || kind === 'closure') {
    const letter = closureLetter({ ...place, kind, closureReason: input.closureReason ?? 'other', reason: input.reason, costsOre: input.costsOre });
    return { recipient: installerRecipientOf(facts), ...letter };
  }
  const letter = kind === 'approval'
    ? decisionLetter({
        ...place, kind: 'approval', conditions: input.conditions,
        nextStep: approvalNextStep(place.requestType, Boolean(facts.has_offer)),
        releaseOnAcceptance: Boolean(facts.release_on_acceptance),
      })
    : decisionLetter({ ...place, kind, reason: input.reason ?? '' });
  return { recipient: installerRecipientOf(facts), ...letter };
}
