// What an area supplier may answer a work order with (rules/workOrderAnswers.ts): the planned date's window, the
// day done, which work needs the meter's number and reading. Central migration 0023 holds the same limits.
import { describe, expect, it } from 'vitest';
import {
  doneOnProblem, METER_NUMBER_PATTERN, plannedDateProblem, reportNeedsMeter,
} from '../../shared/rules/workOrderAnswers';

describe('the planned date', () => {
  it('is from today to 90 days ahead, across a year end', () => {
    expect(plannedDateProblem('2026-12-05', '2026-12-05')).toBeNull();
    expect(plannedDateProblem('2026-12-04', '2026-12-05')).toBe('past');
    expect(plannedDateProblem('2027-03-05', '2026-12-05')).toBeNull();
    expect(plannedDateProblem('2027-03-06', '2026-12-05')).toBe('tooFarAhead');
  });
});

describe('the day done', () => {
  it('is today or before, at most a year back', () => {
    expect(doneOnProblem('2026-12-05', '2026-12-05')).toBeNull();
    expect(doneOnProblem('2026-12-06', '2026-12-05')).toBe('future');
    expect(doneOnProblem('2025-12-05', '2026-12-05')).toBeNull();
    expect(doneOnProblem('2025-12-04', '2026-12-05')).toBe('tooLongAgo');
  });
});

describe('the report', () => {
  it('asks for the meter only when a meter was mounted', () => {
    expect(reportNeedsMeter('direct_meter_mounting')).toBe(true);
    expect(reportNeedsMeter('service_cable_connection')).toBe(false);
    expect(reportNeedsMeter('construction_power_connection')).toBe(false);
  });

  it('takes a meter number as printed: letters, digits, hyphens', () => {
    expect(METER_NUMBER_PATTERN.test('7359992912345')).toBe(true);
    expect(METER_NUMBER_PATTERN.test('KAM-6970631')).toBe(true);
    expect(METER_NUMBER_PATTERN.test('12 34')).toBe(false);
    expect(METER_NUMBER_PATTERN.test("1'; DROP")).toBe(false);
    expect(METER_NUMBER_PATTERN.test('')).toBe(false);
  });
});
