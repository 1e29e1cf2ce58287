// Which requests need a recorded grid assessment before approval (NEM-forskriften § 3-7), and what a recorded one
// says about approving.
import { describe, expect, it } from 'vitest';
import {
  REQUEST_TYPES,
  gridAssessmentBlocker,
  gridAssessmentNoteMissing,
  gridAssessmentRequired,
  parseGridAssessment,
  type GridAssessment,
} from '../../shared/rules';

const facts = (requestType: string, more: Partial<Parameters<typeof gridAssessmentRequired>[0]> = {}) =>
  ({ requestType, hasProduction: false, mainFuseA: 25, ...more });
const assessed = (outcome: GridAssessment['outcome']): GridAssessment => ({ outcome, note: 'n', by: 'u', at: '2026-12-01T10:00:00.000Z' });

describe('gridAssessmentRequired', () => {
  it('asks for an assessment where the request connects something new or adds load', () => {
    const needed = REQUEST_TYPES.filter((type) => gridAssessmentRequired(facts(type)));
    expect(needed).toEqual(['new_installation', 'new_metering_point', 'temporary_installation', 'fuse_change', 'production',
      'join_split', 'street_lighting']);
  });

  it('needs none for work at the metering point alone, but does when it brings production', () => {
    expect(gridAssessmentRequired(facts('metering_point_work'))).toBe(false);
    expect(gridAssessmentRequired(facts('metering_point_work', { hasProduction: true }))).toBe(true);
  });

  it('assesses a fuse change that goes up or whose old fuse is unknown, not one that goes down or stays', () => {
    expect(gridAssessmentRequired(facts('fuse_change', { mainFuseA: 40, previousMainFuseA: 25 }))).toBe(true);
    expect(gridAssessmentRequired(facts('fuse_change', { mainFuseA: 40, previousMainFuseA: null }))).toBe(true);
    expect(gridAssessmentRequired(facts('fuse_change', { mainFuseA: 25, previousMainFuseA: 40 }))).toBe(false);
    expect(gridAssessmentRequired(facts('fuse_change', { mainFuseA: 25, previousMainFuseA: 25 }))).toBe(false);
  });
});

describe('gridAssessmentBlocker', () => {
  it('blocks approval without an assessment where one is required, not where none is', () => {
    expect(gridAssessmentBlocker(true, null)).toBe('decision.gridAssessmentMissing');
    expect(gridAssessmentBlocker(false, null)).toBeNull();
  });

  it('lets sound and sound-with-conditions through, never not sound', () => {
    expect(gridAssessmentBlocker(true, assessed('sound'))).toBeNull();
    expect(gridAssessmentBlocker(true, assessed('sound_with_conditions'))).toBeNull();
    expect(gridAssessmentBlocker(true, assessed('not_sound'))).toBe('decision.gridAssessmentNotSound');
    expect(gridAssessmentBlocker(false, assessed('not_sound'))).toBe('decision.gridAssessmentNotSound');
  });

  it('wants the conditions or the reasons written when the connection is not simply sound', () => {
    expect(gridAssessmentNoteMissing('sound', '')).toBe(false);
    expect(gridAssessmentNoteMissing('sound_with_conditions', '  ')).toBe(true);
    expect(gridAssessmentNoteMissing('not_sound', '')).toBe(true);
    expect(gridAssessmentNoteMissing('not_sound', 'Trafoen er full')).toBe(false);
  });
});

describe('parseGridAssessment', () => {
  it('reads back what was stored and takes anything else as none', () => {
    expect(parseGridAssessment(JSON.stringify(assessed('sound')))).toEqual(assessed('sound'));
    expect(parseGridAssessment(null)).toBeNull();
    expect(parseGridAssessment('{"outcome":"maybe","by":"u","at":"x"}')).toBeNull();
    expect(parseGridAssessment('{"outcome":"sound"}')).toBeNull();
    expect(parseGridAssessment('not json')).toBeNull();
  });
});
