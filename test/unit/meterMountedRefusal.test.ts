// The meter waits for the grid customer: one rule (mutations/caseActions.ts actionRefusal) for desk and service.
import { describe, expect, it } from 'vitest';
import { actionRefusal, type ActionFacts } from '../../core/mutations/caseActions';

const facts = (more: Partial<ActionFacts>): ActionFacts => ({
  status: 'completion_reported', role: 'case_handler', reason: undefined, approvalBlockers: () => [],
  meteringPointIds: [], gridCustomerNamed: true, offerValidUntil: () => null, today: '2026-03-02', ...more,
});

describe('registering the meter mounted', () => {
  it('is refused while no grid customer is named', () => {
    expect(actionRefusal('registerMeterMounted', facts({ gridCustomerNamed: false }))).toEqual({ code: 'decision.gridCustomerMissing' });
  });

  it('is allowed once the grid customer is named', () => {
    expect(actionRefusal('registerMeterMounted', facts({}))).toBeNull();
  });

  it('asks nothing of the grid customer for the other actions', () => {
    expect(actionRefusal('approve', facts({ status: 'in_review', gridCustomerNamed: false }))).toBeNull();
  });
});
