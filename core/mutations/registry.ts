// Every mutation by name, merged from the domain modules (domains/*). The outbox stores names; replay, push and the
// service look the mutation up here. Typed against the one list (rules/mutationNames.ts): a name without an entry,
// or with the wrong kind of entry, does not build.
import type { CaselessMutationName, MutationName } from '../../shared/rules';
import { isCaselessMutation, isMutationName } from '../../shared/rules';
import type { CaseMutationEntry, CaselessMutationEntry, CentralApply, MutationEntries, RowsRef } from './definition';
import type { MutationDefinition } from './runMutation';
import type { z } from 'zod';
import { mergeDomains } from '../../shared/contract/mergeDomains';
import { noteMutations } from './domains/notes';
import { claimMutations } from './domains/claims';
import { caseActionMutations } from './domains/caseActions';
import { offerStepMutations } from './domains/offerSteps';
import { routingMutations } from './domains/routing';
import { completenessMutations } from './domains/completeness';
import { informationRequestMutations } from './domains/informationRequest';
import { offerMutations } from './domains/offers';
import { workOrderMutations } from './domains/workOrders';
import { billingFlagMutations } from './domains/billingFlag';
import { ownerPartyMutations } from './domains/ownerParty';
import { gridAssessmentMutations } from './domains/gridAssessment';
import { quarantineMutations } from './domains/quarantine';
import { companySettingsMutations } from './domains/companySettings';
import { areaSupplierMutations } from './domains/areaSuppliers';
import { assignmentRuleMutations } from './domains/assignmentRules';
import { priceListMutations } from './domains/priceList';

/** The domains' shares of the one list; each name belongs to exactly one of them (mergeDomains below refuses a name twice). */
export const MUTATION_DOMAINS = [
  noteMutations,
  claimMutations,
  caseActionMutations,
  offerStepMutations,
  routingMutations,
  completenessMutations,
  informationRequestMutations,
  offerMutations,
  workOrderMutations,
  billingFlagMutations,
  ownerPartyMutations,
  gridAssessmentMutations,
  quarantineMutations,
  companySettingsMutations,
  areaSupplierMutations,
  assignmentRuleMutations,
  priceListMutations,
] as const;

export const MUTATION_REGISTRY = mergeDomains(
  noteMutations,
  claimMutations,
  caseActionMutations,
  offerStepMutations,
  routingMutations,
  completenessMutations,
  informationRequestMutations,
  offerMutations,
  workOrderMutations,
  billingFlagMutations,
  ownerPartyMutations,
  gridAssessmentMutations,
  quarantineMutations,
  companySettingsMutations,
  areaSupplierMutations,
  assignmentRuleMutations,
  priceListMutations,
) satisfies MutationEntries;

const entryOf = (name: string): CaseMutationEntry | CaselessMutationEntry | null =>
  isMutationName(name) ? (MUTATION_REGISTRY as MutationEntries)[name] : null;

/** The desk's mutations applied to a case, by name: what the outbox replays and reapplies. */
export const MUTATIONS: Readonly<Record<string, MutationDefinition<z.ZodType>>> = Object.fromEntries(
  Object.values(MUTATION_REGISTRY as MutationEntries).flatMap((entry) => ('local' in entry ? [[entry.local.name, entry.local]] : [])),
);

/** The desk's apply of a case mutation, or null for a name that is none (a case-less change, an unknown name). */
export function localMutationFor(name: string): MutationDefinition<z.ZodType> | null {
  const entry = entryOf(name);
  return entry && 'local' in entry ? entry.local : null;
}

/** How the central service carries `name` out; null for a name it does not take (unknown, or standalone-only). */
export function centralApplierFor(name: string): CentralApply | null {
  return entryOf(name)?.central ?? null;
}

/**
 * The central rows a change touched, for a change that belongs to no case (a case's own rows are its case and
 * offers, read by the service itself); null for a case mutation or an unknown name.
 */
export function rowsChangedBy(entry: { mutation: string; args: Record<string, unknown> }): RowsRef | null {
  if (!isMutationName(entry.mutation) || !isCaselessMutation(entry.mutation)) return null;
  return MUTATION_REGISTRY[entry.mutation satisfies CaselessMutationName].rowsChanged(entry.args);
}

export type { MutationName };
