// The working-day calendar the overview joins against (table work_calendar, 0012_overview.sql), filled from the
// pure rules so SQL and the queue agree on every holiday. Derived data, local only: it is not casework, so it is
// written directly rather than as a mutation, and can be filled again at any time with the same result.
import type Database from 'better-sqlite3';
import { addCalendarDays, isWorkingDay, isoWeekOf, workingDaysBetween } from '../../shared/rules';
import { osloDate } from '../clock';

/** Day 0 of `working_day_no`: any fixed date works, the numbers are only ever subtracted. */
export const WORKING_DAY_EPOCH = '2000-01-01';

export interface CalendarRow {
  day: string;
  isWorkingDay: number;
  workingDayNo: number;
  isoWeek: string;
  nextDayFromUtc: string;
  nextWorkingDayNo: number;
  nextIsoWeek: string;
}

/** The UTC time of day on `day` from which it is already the next day in Norway (22:00 in summer, 23:00 in winter). */
export function nextDayFromUtc(day: string): string {
  return osloDate(new Date(`${day}T22:00:00Z`)) === day ? '23:00:00' : '22:00:00';
}

/** One row per calendar day of the years `fromYear`…`toYear`. */
export function calendarRows(fromYear: number, toYear: number): CalendarRow[] {
  const rows: CalendarRow[] = [];
  const first = `${fromYear}-01-01`;
  const end = `${toYear + 1}-01-01`;
  let number = workingDaysBetween(WORKING_DAY_EPOCH, first);
  let week = isoWeekOf(first);
  for (let day = first; day < end; ) {
    const next = addCalendarDays(day, 1);
    const nextWorking = isWorkingDay(next);
    const nextWeek = isoWeekOf(next);
    const row: CalendarRow = {
      day,
      isWorkingDay: isWorkingDay(day) ? 1 : 0,
      workingDayNo: number,
      isoWeek: week,
      nextDayFromUtc: nextDayFromUtc(day),
      nextWorkingDayNo: number + (nextWorking ? 1 : 0),
      nextIsoWeek: nextWeek,
    };
    rows.push(row);
    [day, number, week] = [next, row.nextWorkingDayNo, nextWeek];
  }
  return rows;
}

/**
 * The span of the cases' dates, read at every overview open and every step of its catch-up: one lookup at an end of
 * each of the indexes cases_submitted and cases_due, where a scan costs 400 ms at a million cases.
 */
export const CALENDAR_SPAN_SQL = `SELECT (SELECT min(submitted_at) FROM cases) AS first, (SELECT max(due_date) FROM cases) AS lastDue`;

/**
 * Makes sure the calendar covers the years from the oldest case to a year past the latest due date or today.
 * Cheap when it already does (two index lookups and a count); a new year costs a few milliseconds once.
 * True when it wrote days.
 */
export function ensureWorkCalendar(sqlite: Database.Database, today: string): boolean {
  const span = sqlite.prepare(CALENDAR_SPAN_SQL).get() as { first: string | null; lastDue: string | null };
  const todayYear = Number(today.slice(0, 4));
  const fromYear = Math.min(todayYear, span.first ? Number(span.first.slice(0, 4)) : todayYear);
  const toYear = Math.max(todayYear, span.lastDue ? Number(span.lastDue.slice(0, 4)) : todayYear) + 1;
  const expected = (Date.UTC(toYear + 1, 0, 1) - Date.UTC(fromYear, 0, 1)) / 86_400_000;
  const have = sqlite
    .prepare('SELECT count(*) FROM work_calendar WHERE day BETWEEN ? AND ?')
    .pluck()
    .get(`${fromYear}-01-01`, `${toYear}-12-31`) as number;
  if (have === expected) return false;
  const insert = sqlite.prepare(
    `INSERT OR REPLACE INTO work_calendar (day, is_working_day, working_day_no, iso_week, next_day_from_utc,
       next_working_day_no, next_iso_week)
     VALUES (@day, @isWorkingDay, @workingDayNo, @isoWeek, @nextDayFromUtc, @nextWorkingDayNo, @nextIsoWeek)`,
  );
  sqlite.transaction(() => {
    for (const row of calendarRows(fromYear, toYear)) insert.run(row);
  })();
  return true;
}
