// The one list of mutations and the registry typed against it. The `@ts-expect-error` lines are the build's half of
// the proof (`tsc -p tsconfig.test.json` fails if any of them compiles); the tests are the run-time half.
import { describe, expect, it } from 'vitest';
import type { CentralApply, DomainMutations, MutationEntries } from '../../core/mutations/definition';
import {
  MUTATIONS, MUTATION_DOMAINS, MUTATION_REGISTRY, centralApplierFor, localMutationFor, rowsChangedBy,
} from '../../core/mutations/registry';
import { MUTATION_NAMES, NAMED_MUTATIONS, isCaselessMutation, type MutationName } from '../../shared/rules';

const applyNothing: CentralApply = async () => {};

// A registry that forgets a mutation does not build.
const { 'case.addNote': forgotten, ...withoutAddNote } = MUTATION_REGISTRY;
// @ts-expect-error 'case.addNote' is missing
export const incomplete: MutationEntries = withoutAddNote;
// A forgotten status action (one of the family made from DECISION_ACTIONS) is caught the same way.
const { 'case.approve': forgottenAction, ...withoutApprove } = MUTATION_REGISTRY;
// @ts-expect-error 'case.approve' is missing
export const incompleteActions: MutationEntries = withoutApprove;
// A case-less change needs the rows it touched, not a local apply through runMutation.
export const wrongKind = {
  ...MUTATION_REGISTRY,
  // @ts-expect-error a case-less change given a case mutation's entry
  'quarantine.update': { local: forgotten.local, central: applyNothing },
} satisfies MutationEntries;
// A domain can only name mutations of the one list.
// @ts-expect-error 'case.addNotes' is no mutation
export const misspelt = { 'case.addNotes': { local: forgotten.local, central: applyNothing } } satisfies DomainMutations;
// Names outside the list are not MutationNames.
// @ts-expect-error 'case.take2' is no mutation
export const unknownName: MutationName = 'case.take2';
void forgottenAction;

describe('the one list of mutations', () => {
  it('gives every name exactly one entry, from exactly one domain', () => {
    const fromDomains = MUTATION_DOMAINS.flatMap((domain) => Object.keys(domain));
    expect(new Set(fromDomains).size).toBe(fromDomains.length);
    expect([...fromDomains].sort()).toEqual([...MUTATION_NAMES].sort());
    expect(Object.keys(MUTATION_REGISTRY).sort()).toEqual([...MUTATION_NAMES].sort());
  });

  it('has a central applier for every name the service takes, and none for a standalone-only one', () => {
    const pushed = MUTATION_NAMES.filter((name) => !Object.hasOwn(NAMED_MUTATIONS, name)
      || NAMED_MUTATIONS[name as keyof typeof NAMED_MUTATIONS].scope !== 'standalone');
    expect(pushed.filter((name) => centralApplierFor(name) === null)).toEqual([]);
    expect(centralApplierFor('case.take')).toBeNull();
    expect(centralApplierFor('constructor')).toBeNull();
    expect(centralApplierFor('case.receiveSupplement')).toBeNull();
  });

  it("finds each case mutation's desk apply under its own name, and none for a case-less change", () => {
    for (const name of MUTATION_NAMES) {
      if (isCaselessMutation(name)) expect(localMutationFor(name), name).toBeNull();
      else expect(localMutationFor(name)?.name, name).toBe(name);
    }
    expect(Object.keys(MUTATIONS).sort()).toEqual(MUTATION_NAMES.filter((name) => !isCaselessMutation(name)).sort());
    expect(localMutationFor('__proto__')).toBeNull();
  });

  it('says which central rows a case-less change touched, and nothing for a case mutation', () => {
    expect(rowsChangedBy({ mutation: 'quarantine.update', args: { id: 'q1' } }))
      .toEqual({ table: 'import_quarantine', where: 'id = $1', params: ['q1'] });
    expect(rowsChangedBy({ mutation: 'assignmentRule.set', args: { criterion: 'municipality', value: '0301', assigneeId: null } }))
      .toEqual({ table: 'assignment_rules', where: 'criterion = $1 AND value = $2', params: ['municipality', '0301'] });
    expect(rowsChangedBy({ mutation: 'priceList.publish', args: { priceList: { id: 'standard', version: 3 } } }))
      .toEqual({ table: 'price_lists', where: 'id = $1 AND list_version = $2', params: ['standard', 3] });
    expect(rowsChangedBy({ mutation: 'case.addNote', args: { caseId: 1 } })).toBeNull();
    expect(rowsChangedBy({ mutation: 'nothing.atAll', args: {} })).toBeNull();
    const caseless = MUTATION_NAMES.filter(isCaselessMutation);
    expect(caseless.sort()).toEqual(['areaSupplier.save', 'assignmentRule.set', 'companySettings.update', 'priceList.publish', 'quarantine.update']);
  });
});
