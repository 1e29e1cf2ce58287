// What an area supplier may answer a work order with (issue 12, item 4): a planned date when it confirms, and when it
// reports the work done the day, and for meter mounting the meter's number and reading. Central migration 0023
// (portal_confirm_work_order, portal_report_work_order) holds the same limits. Pure: no I/O.
import type { GridWorkKind } from './domain';
import { addCalendarDays } from './isoWeek';

/**
 * How far ahead a planned date may lie. The longest agreement is 60 working days (AGREEMENT_DAYS_LIMITS), about 84
 * calendar days; a date further out is a typing error, not a plan. A date after the due date is allowed (the order
 * is then overdue, and the desk sees it), a date in the past is not.
 */
export const PLANNED_DATE_MAX_DAYS_AHEAD = 90;

/** A report may name a day up to a year back (a late report), never a day still to come. */
export const DONE_ON_MAX_DAYS_BACK = 365;

/** A meter number as printed on the meter: letters, digits and hyphens. */
export const METER_NUMBER_PATTERN = /^[0-9A-Za-z-]{1,40}$/;

export type PlannedDateProblem = 'past' | 'tooFarAhead' | null;

export function plannedDateProblem(plannedDate: string, today: string): PlannedDateProblem {
  if (plannedDate < today) return 'past';
  if (plannedDate > addCalendarDays(today, PLANNED_DATE_MAX_DAYS_AHEAD)) return 'tooFarAhead';
  return null;
}

export type DoneOnProblem = 'future' | 'tooLongAgo' | null;

export function doneOnProblem(doneOn: string, today: string): DoneOnProblem {
  if (doneOn > today) return 'future';
  if (doneOn < addCalendarDays(today, -DONE_ON_MAX_DAYS_BACK)) return 'tooLongAgo';
  return null;
}

/** Meter mounting is reported with the new meter's number and its reading; other work with neither required. */
export const reportNeedsMeter = (kind: GridWorkKind): boolean => kind === 'direct_meter_mounting';
