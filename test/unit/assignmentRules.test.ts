// Which handler the assignment rules suggest: a municipality rule before a request-type rule; for a selection,
// the one suggestion all share, else none.
import { describe, expect, it } from 'vitest';
import { commonSuggestion, ruleLookup, suggestedAssignee, type AssignmentRule } from '../../shared/rules';

const rules: AssignmentRule[] = [
  { criterion: 'municipality', value: '4204', assigneeId: 'kari' },
  { criterion: 'request_type', value: 'temporary_installation', assigneeId: 'per' },
  { criterion: 'request_type', value: 'street_lighting', assigneeId: 'ingrid' },
];
const lookup = ruleLookup(rules);

describe('suggestedAssignee', () => {
  it.each([
    ['4204', 'new_installation', 'kari'],
    // Both match: the municipality wins.
    ['4204', 'temporary_installation', 'kari'],
    ['4203', 'temporary_installation', 'per'],
    ['4203', 'street_lighting', 'ingrid'],
    ['4203', 'fuse_change', null],
  ] as const)('in %s, %s → %s', (municipalityNumber, requestType, expected) => {
    expect(suggestedAssignee(lookup, { municipalityNumber, requestType })).toBe(expected);
  });

  it('suggests nobody without rules', () => {
    expect(suggestedAssignee(ruleLookup([]), { municipalityNumber: '4204', requestType: 'fuse_change' })).toBeNull();
  });
});

describe('commonSuggestion', () => {
  it('is the one suggestion every selected case has', () => {
    expect(commonSuggestion(['kari', 'kari', 'kari'])).toBe('kari');
  });
  it('is none when they differ, when one has none, or when nothing is selected', () => {
    expect(commonSuggestion(['kari', 'per'])).toBeNull();
    expect(commonSuggestion(['kari', null])).toBeNull();
    expect(commonSuggestion([null, null])).toBeNull();
    expect(commonSuggestion([])).toBeNull();
  });
});
