// Who may send which named mutation at all — the first question the central service asks of every pushed change,
// before the mutation's own checks (claim, status table, offer integrity) run. A status action's people come from
// the life-of-a-case table itself; the rest are listed here. A name not here is no mutation: refused.
import { CASE_ACTIONS, type CaseActionName } from './caseStatus';
import type { UserRole } from './domain';

const CASEWORK: readonly UserRole[] = ['case_handler', 'supervisor'];
const SUPERVISOR: readonly UserRole[] = ['supervisor'];

export const MUTATION_ROLES: Readonly<Record<string, readonly UserRole[]>> = {
  'case.addNote': CASEWORK,
  'case.assign': CASEWORK,
  'case.setStatus': CASEWORK,
  'case.claim': CASEWORK,
  'case.release': CASEWORK,
  'case.decideRouting': CASEWORK,
  'case.overrideCompletenessItem': CASEWORK,
  'case.correctOwnerParty': CASEWORK,
  'case.recordGridAssessment': CASEWORK,
  'case.requestInformation': CASEWORK,
  'case.createOfferDraft': CASEWORK,
  'case.saveOfferDraft': CASEWORK,
  'case.reviseOffer': CASEWORK,
  'case.issueOffer': CASEWORK,
  'case.advanceWorkOrder': CASEWORK,
  'billing.resolveFlag': CASEWORK,
  'quarantine.update': CASEWORK,
  'case.orderWork': SUPERVISOR,
  'companySettings.update': SUPERVISOR,
  'priceList.publish': SUPERVISOR,
  'areaSupplier.save': SUPERVISOR,
  'assignmentRule.set': SUPERVISOR,
};

/** The roles that may send `name`; empty for a name that is no mutation (or an action only the system takes). */
export function rolesForMutation(name: string): readonly UserRole[] {
  // Own keys only: a name such as `constructor` or `__proto__` would otherwise find Object.prototype's members.
  if (Object.hasOwn(MUTATION_ROLES, name)) return MUTATION_ROLES[name];
  const action = name.startsWith('case.') ? name.slice('case.'.length) : '';
  if (Object.hasOwn(CASE_ACTIONS, action)) {
    return CASE_ACTIONS[action as CaseActionName].by.filter((by): by is UserRole => by !== 'system');
  }
  return [];
}

export function mayRunMutation(name: string, role: UserRole): boolean {
  return rolesForMutation(name).includes(role);
}
