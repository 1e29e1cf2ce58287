// Who may send which mutation to the service: the first question of every push, built on the life-of-a-case table.
import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_ACTION_NAMES, MUTATION_ROLES, mayRunMutation, rolesForMutation } from '../../shared/rules';

describe('the mutation policy', () => {
  it('lets a reader send nothing at all', () => {
    const names = [...Object.keys(MUTATION_ROLES), ...CASE_ACTION_NAMES.map((action) => `case.${action}`)];
    expect(names.filter((name) => mayRunMutation(name, 'reader'))).toEqual([]);
  });

  it('keeps the company-wide changes and ordering work to supervisors', () => {
    for (const name of ['companySettings.update', 'priceList.publish', 'areaSupplier.save', 'assignmentRule.set', 'case.orderWork']) {
      expect(mayRunMutation(name, 'supervisor'), name).toBe(true);
      expect(mayRunMutation(name, 'case_handler'), name).toBe(false);
    }
  });

  it('takes the people of a status action from the life-of-a-case table, and never the system’s actions', () => {
    expect(rolesForMutation('case.approve')).toEqual(CASE_ACTIONS.approve.by);
    expect(rolesForMutation('case.receiveSupplement')).toEqual([]);
    expect(rolesForMutation('case.approveByRule')).toEqual([]);
    expect(rolesForMutation('case.registerPayment')).toEqual(['case_handler', 'supervisor']);
  });

  it('knows no names outside its own lists, not even the object’s own members', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'case.constructor', 'case.__proto__', 'case.take', '']) {
      expect(rolesForMutation(name), name).toEqual([]);
    }
  });
});
