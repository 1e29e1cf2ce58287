// Who may send which named mutation at all — the first question the central service asks of every pushed change,
// before the mutation's own checks (claim, status table, offer integrity) run. A status action's people come from
// the life-of-a-case table itself; the rest from the list of mutations (mutationNames.ts). A name not there is no
// mutation: refused.
import { CASE_ACTIONS, type CaseActionName } from './caseStatus';
import type { UserRole } from './domain';
import { NAMED_MUTATIONS, isMutationName, type NamedMutationName } from './mutationNames';

/** The roles of every mutation with a name of its own (a standalone-only one, such as `case.take`, has none). */
export const MUTATION_ROLES: Readonly<Record<string, readonly UserRole[]>> = Object.fromEntries(
  Object.entries(NAMED_MUTATIONS).filter(([, { scope }]) => scope !== 'standalone').map(([name, { roles }]) => [name, roles]),
);

/** The roles that may send `name`; empty for a name that is no mutation (or an action only the system takes). */
export function rolesForMutation(name: string): readonly UserRole[] {
  if (!isMutationName(name)) return [];
  if (Object.hasOwn(NAMED_MUTATIONS, name)) return NAMED_MUTATIONS[name as NamedMutationName].roles;
  const action = name.slice('case.'.length) as CaseActionName;
  return CASE_ACTIONS[action].by.filter((by): by is UserRole => by !== 'system');
}

export function mayRunMutation(name: string, role: UserRole): boolean {
  return rolesForMutation(name).includes(role);
}
