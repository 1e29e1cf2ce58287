// The overview's SQL. Working days are counted with the calendar table (workCalendar.ts): the working days from
// moment a to moment b are `no(b) - no(a)`, where `no` is the working-day number of the moment's date in Norway —
// the same count as rules/workingDays.ts `workingDaysBetween` (b counts, a does not). The lead times and the
// throughput are read from the derived tables overviewFacts.ts keeps; the counts and breaches from the counts the
// triggers of 0023_overview_counts.sql keep.
import { CLOCK_RUNNING_STATUSES } from '../../shared/rules';
import { sqlStringList } from '../db/sqlList';

/**
 * A stored timestamp in one form, UTC `YYYY-MM-DDTHH:MM:SS`: imported messages keep the portal's offset
 * (`+01:00`), our own writes end in `Z`, and only one form compares correctly as text.
 */
export const utc = (timestamp: string): string => `strftime('%Y-%m-%dT%H:%M:%S', ${timestamp})`;

/** The working-day number of the Norwegian date of a UTC moment (a column or expression from `utc`). */
export const workingDayNo = (utcMoment: string): string =>
  `(SELECT CASE WHEN substr(${utcMoment}, 12) >= k.next_day_from_utc THEN k.next_working_day_no ELSE k.working_day_no END
    FROM work_calendar k WHERE k.day = substr(${utcMoment}, 1, 10))`;

/** The ISO week of the Norwegian date of a UTC moment. */
export const isoWeekOfMoment = (utcMoment: string): string =>
  `(SELECT CASE WHEN substr(${utcMoment}, 12) >= k.next_day_from_utc THEN k.next_iso_week ELSE k.iso_week END
    FROM work_calendar k WHERE k.day = substr(${utcMoment}, 1, 10))`;


/** The statuses whose service clock runs: a case in one of them past its due day is overdue (as in the queue). */
const CLOCK_RUNNING = sqlStringList(CLOCK_RUNNING_STATUSES);

/** Every case by type and status, from the counts the triggers of 0023_overview_counts.sql keep. */
export const TYPE_STATUS_SQL = `SELECT request_type AS requestType, status, n AS count FROM overview_type_status WHERE n > 0`;

/**
 * The median of `days` overall (request_type NULL) and per request type, over a CTE `spans(request_type, days, n)`
 * (n cases took that many days).
 * Days are few distinct whole numbers, so the rows are counted per value first and the median read off the
 * running count: the values at positions (n + 1) / 2 and (n + 2) / 2, one and the same for an odd n, averaged.
 */
const MEDIANS = `, per_type AS MATERIALIZED (
    SELECT request_type, days, sum(n) AS n FROM spans GROUP BY request_type, days),
  histogram AS (
    SELECT request_type, days, n FROM per_type
    UNION ALL SELECT NULL, days, sum(n) FROM per_type GROUP BY days),
  running AS (
    SELECT request_type, days, sum(n) OVER (PARTITION BY request_type ORDER BY days) AS upto,
      sum(n) OVER (PARTITION BY request_type) AS total
    FROM histogram)
  SELECT request_type AS requestType, max(total) AS count,
    (min(CASE WHEN upto >= (total + 1) / 2 THEN days END) + min(CASE WHEN upto >= (total + 2) / 2 THEN days END)) / 2.0
      AS median
  FROM running GROUP BY request_type`;

/**
 * Overdue cases per request type: how many, the median and the largest number of working days past the due
 * date, and how many are up to 5, 6–10, 11–20 and over 20 working days past. Read from the cases per status, type
 * and due day (0023_overview_counts.sql): a row per due day, not per case; the median off the running count as in
 * MEDIANS.
 */
export const BREACHES_SQL = `WITH per_day AS MATERIALIZED (
    SELECT d.request_type, @todayNo - k.working_day_no AS days, sum(d.n) AS n
    FROM overview_due_days d JOIN work_calendar k ON k.day = d.due_day
    WHERE d.status IN (${CLOCK_RUNNING}) AND d.due_day < @today AND d.n > 0
    GROUP BY d.request_type, days),
  running AS (
    SELECT request_type, days, n, sum(n) OVER (PARTITION BY request_type ORDER BY days) AS upto,
      sum(n) OVER (PARTITION BY request_type) AS total
    FROM per_day)
  SELECT request_type AS requestType, max(total) AS count, max(days) AS maxDaysPast,
    (min(CASE WHEN upto >= (total + 1) / 2 THEN days END) + min(CASE WHEN upto >= (total + 2) / 2 THEN days END)) / 2.0
      AS medianDaysPast,
    sum(CASE WHEN days <= 5 THEN n ELSE 0 END) AS upTo5, sum(CASE WHEN days BETWEEN 6 AND 10 THEN n ELSE 0 END) AS "6to10",
    sum(CASE WHEN days BETWEEN 11 AND 20 THEN n ELSE 0 END) AS "11to20", sum(CASE WHEN days > 20 THEN n ELSE 0 END) AS over20
  FROM running GROUP BY request_type`;

/** From completeness to the first offer, for the first offers issued in the period's weeks (0024's histogram). */
export const COMPLETENESS_TO_OFFER_SQL = `WITH spans AS (
    SELECT request_type, days, n FROM overview_lead_days WHERE kind = 'offer' AND week >= @fromWeek AND n > 0)
  ${MEDIANS}`;

/** From the completion notice to the meter mounted, for meters mounted in the period's weeks (0024's histogram). */
export const COMPLETION_TO_METER_SQL = `WITH spans AS (
    SELECT request_type, days, n FROM overview_lead_days WHERE kind = 'meter' AND week >= @fromWeek AND n > 0)
  ${MEDIANS}`;

/** Throughput per person and ISO week from the period's first week (weekly sums kept by overviewFacts.ts). */
export const THROUGHPUT_SQL = `SELECT t.week, t.actor_id AS userId, u.display_name AS displayName, t.decided, t.closed, t.cases
  FROM overview_throughput t JOIN users u ON u.id = t.actor_id
  WHERE t.week >= @fromWeek
  ORDER BY t.week, u.display_name`;
