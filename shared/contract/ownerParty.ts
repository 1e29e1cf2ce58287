// The owner as a party (postal address, identity, grid customer) corrected by a case handler, and the grid
// assessment recorded before approval. Both are named mutations; the values are checked by the pure rules
// (rules/ownerParty.ts, rules/gridAssessment.ts) on the desk and again by the central service.
import { z } from 'zod';
import { GRID_ASSESSMENT_NOTE_MAX_LENGTH, GRID_ASSESSMENT_OUTCOMES, OWNER_PARTY_TEXT_MAX_LENGTH, type GridAssessmentOutcome } from '../rules';
import { CaseId } from './common';
import { call, type DomainCalls } from './call';
import type { MutationResult } from './common';

const Text = z.string().max(OWNER_PARTY_TEXT_MAX_LENGTH);

export const CorrectOwnerPartyInput = z
  .object({
    caseId: CaseId,
    postalAddress: Text,
    postcode: z.string().max(16),
    postTown: Text,
    organisationNumber: z.string().max(32),
    gridCustomerName: Text,
    /** Left out, the stored fødselsnummer stays: the desk only ever sees it masked. */
    nationalId: z.string().max(32).optional(),
  })
  .strict();
export type CorrectOwnerPartyInput = z.infer<typeof CorrectOwnerPartyInput>;

export const RecordGridAssessmentInput = z
  .object({
    caseId: CaseId,
    outcome: z.enum(GRID_ASSESSMENT_OUTCOMES),
    note: z.string().trim().max(GRID_ASSESSMENT_NOTE_MAX_LENGTH),
  })
  .strict();
export type RecordGridAssessmentInput = z.infer<typeof RecordGridAssessmentInput>;

/** The assessment as the case view shows it. */
export interface GridAssessmentView {
  outcome: GridAssessmentOutcome;
  note: string;
  byName: string;
  at: string;
}

/** Where letters to the owner go; null when the request gave none and nobody has added it. */
export interface PostalAddressView {
  address: string;
  postcode: string;
  postTown: string;
}

/** This domain's calls (merged into the one contract in index.ts). */
export const ownerPartyCalls = {
  'case.correctOwnerParty': call<MutationResult>()(CorrectOwnerPartyInput),
  'case.recordGridAssessment': call<MutationResult>()(RecordGridAssessmentInput),
} satisfies DomainCalls;
