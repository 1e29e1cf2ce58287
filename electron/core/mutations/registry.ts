// Every mutation by name: the outbox stores names, and push and replay look them up here.
// Not here: `quarantine.update` (quarantineUpdate.ts) belongs to no case, so it is never replayed onto one;
// push finds its central applier by name.
import type { z } from 'zod';
import { addNote, assign, setStatus } from './caseMutations';
import { CASE_ACTION_MUTATIONS } from './caseActions';
import { releaseClaim, requestClaim } from './claimMutations';
import type { MutationDefinition } from './runMutation';
import { takeCase } from './takeCase';
import { decideRouting } from './routingMutations';
import { overrideCompletenessItem } from './completenessMutations';
import { requestInformation } from './informationRequest';
import { createOfferDraft, issueOffer, reviseOffer, saveOfferDraft } from './offerMutations';
import { advanceWorkOrder, orderWork } from './workOrderMutations';
import { resolveBillingFlag } from './resolveBillingFlag';
import { correctOwnerParty } from './ownerPartyCorrection';
import { recordGridAssessment } from './gridAssessmentRecord';

export const MUTATIONS: Readonly<Record<string, MutationDefinition<z.ZodType>>> = {
  [addNote.name]: addNote,
  [assign.name]: assign,
  /** Retired from the UI (the named actions replaced it); kept so entries already in an outbox still replay. */
  [setStatus.name]: setStatus,
  ...CASE_ACTION_MUTATIONS,
  [takeCase.name]: takeCase,
  [requestClaim.name]: requestClaim,
  [releaseClaim.name]: releaseClaim,
  [decideRouting.name]: decideRouting,
  [overrideCompletenessItem.name]: overrideCompletenessItem,
  [requestInformation.name]: requestInformation,
  [createOfferDraft.name]: createOfferDraft,
  [saveOfferDraft.name]: saveOfferDraft,
  [reviseOffer.name]: reviseOffer,
  [issueOffer.name]: issueOffer,
  [orderWork.name]: orderWork,
  [advanceWorkOrder.name]: advanceWorkOrder,
  [resolveBillingFlag.name]: resolveBillingFlag,
  [correctOwnerParty.name]: correctOwnerParty,
  [recordGridAssessment.name]: recordGridAssessment,
};
