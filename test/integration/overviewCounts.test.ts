// The overview's counts are kept by triggers (0023_overview_counts.sql) instead of counted over every case when
// the overview opens. After random changes to random cases — status, request type, due date, cases removed — they
// must equal a count over the cases, and the breaches read from them must equal the breaches counted case by case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OverviewService, overviewPeriod } from '../../core/overview/overviewService';
import {
  BREACHES_SQL,
  COMPLETENESS_TO_OFFER_SQL,
  COMPLETION_TO_METER_SQL,
  TYPE_STATUS_SQL,
} from '../../core/overview/overviewSql';
import { OVERVIEW_PERIODS } from '../../shared/contract';
import { CALENDAR_SPAN_SQL, ensureWorkCalendar } from '../../core/overview/workCalendar';
import { CASE_STATUSES, CLOCK_RUNNING_STATUSES, REQUEST_TYPES } from '../../shared/rules';
import { HARNESS_NOW, startHarnessCore, type HarnessCore } from '../../harness/harnessCore';

let harness: HarnessCore;
const TODAY = HARNESS_NOW.slice(0, 10);
beforeAll(() => {
  harness = startHarnessCore({ cases: 1_000 });
});
afterAll(() => harness.dispose());

/** The breaches as they were counted before the counts were kept: one row per overdue case. */
const BREACHES_CASE_BY_CASE = `WITH spans AS MATERIALIZED (
    SELECT c.request_type,
      @todayNo - (SELECT k.working_day_no FROM work_calendar k WHERE k.day = substr(c.due_date, 1, 10)) AS days
    FROM cases c WHERE c.status IN (${CLOCK_RUNNING_STATUSES.map((s) => `'${s}'`).join(', ')}) AND c.due_date < @today),
  ranked AS (
    SELECT request_type, days, row_number() OVER (PARTITION BY request_type ORDER BY days) AS rn,
      count(*) OVER (PARTITION BY request_type) AS n
    FROM spans)
  SELECT request_type AS requestType, count(*) AS count, max(days) AS maxDaysPast,
    avg(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN days END) AS medianDaysPast,
    sum(days <= 5) AS upTo5, sum(days BETWEEN 6 AND 10) AS "6to10", sum(days BETWEEN 11 AND 20) AS "11to20",
    sum(days > 20) AS over20
  FROM ranked GROUP BY request_type ORDER BY request_type`;

/** A lead time's medians as they were taken before the histograms: one row per case of the period. */
const leadTimeCaseByCase = (kind: 'offer' | 'meter') => `WITH spans AS (
    SELECT request_type, ${kind}_days AS days FROM overview_case_facts WHERE ${kind}_days IS NOT NULL AND ${kind}_at >= @fromUtc),
  per_type AS MATERIALIZED (SELECT request_type, days, count(*) AS n FROM spans GROUP BY request_type, days),
  histogram AS (SELECT request_type, days, n FROM per_type UNION ALL SELECT NULL, days, sum(n) FROM per_type GROUP BY days),
  running AS (
    SELECT request_type, days, sum(n) OVER (PARTITION BY request_type ORDER BY days) AS upto,
      sum(n) OVER (PARTITION BY request_type) AS total
    FROM histogram)
  SELECT request_type AS requestType, max(total) AS count,
    (min(CASE WHEN upto >= (total + 1) / 2 THEN days END) + min(CASE WHEN upto >= (total + 2) / 2 THEN days END)) / 2.0
      AS median
  FROM running GROUP BY request_type ORDER BY request_type`;

describe('the overview counts kept by triggers', () => {
  it('equal a count over the cases after random changes, and give the same breaches as counting case by case', () => {
    const sqlite = harness.core.database.sqlite;
    ensureWorkCalendar(sqlite, TODAY);
    const todayNo = sqlite.prepare('SELECT working_day_no FROM work_calendar WHERE day = ?').pluck().get(TODAY);
    const byKey = (rows: Array<{ requestType: string; status: string; count: number }>) =>
      rows.map((r) => `${r.requestType}/${r.status}=${r.count}`).sort();
    const check = (when: string) => {
      const counted = sqlite
        .prepare('SELECT request_type AS requestType, status, count(*) AS count FROM cases GROUP BY 1, 2')
        .all() as Array<{ requestType: string; status: string; count: number }>;
      expect(byKey(sqlite.prepare(TYPE_STATUS_SQL).all() as typeof counted), when).toEqual(byKey(counted));
      const kept = sqlite.prepare(`${BREACHES_SQL} ORDER BY requestType`).all({ today: TODAY, todayNo });
      const caseByCase = sqlite.prepare(BREACHES_CASE_BY_CASE).all({ today: TODAY, todayNo });
      expect(caseByCase.length, when).toBeGreaterThan(0);
      expect(kept, when).toEqual(caseByCase);
      // The facts brought up to date as the overview does when it opens, then the lead times for every period.
      overview.get(4, TODAY, 'supervisor');
      let compared = 0;
      for (const weeks of OVERVIEW_PERIODS) {
        const period = overviewPeriod(TODAY, weeks);
        for (const [kind, sql] of [['offer', COMPLETENESS_TO_OFFER_SQL], ['meter', COMPLETION_TO_METER_SQL]] as const) {
          const fromHistogram = sqlite.prepare(`${sql} ORDER BY requestType`).all({ fromWeek: period.fromWeek });
          const fromCases = sqlite.prepare(leadTimeCaseByCase(kind)).all({ fromUtc: period.fromUtc });
          expect(fromHistogram, `${when}, ${kind} over ${weeks} weeks`).toEqual(fromCases);
          if (fromCases.length > 0) compared++;
        }
      }
      expect(compared, when).toBeGreaterThan(0);
    };
    const overview = new OverviewService(sqlite);
    check('after seeding');

    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const ids = sqlite.prepare('SELECT id FROM cases').pluck().all() as number[];
    const change = sqlite.prepare('UPDATE cases SET status = ?, request_type = ?, due_date = ? WHERE id = ?');
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 80; i++) {
        const due = random(5) === 0 ? null : `2026-${String(1 + random(11)).padStart(2, '0')}-${String(1 + random(28)).padStart(2, '0')}`;
        change.run(CASE_STATUSES[random(CASE_STATUSES.length)], REQUEST_TYPES[random(REQUEST_TYPES.length)], due, ids[random(ids.length)]);
      }
      check(`after round ${round} of changes`);
    }
    sqlite.pragma('foreign_keys = OFF');
    sqlite.prepare('DELETE FROM cases WHERE id IN (SELECT id FROM cases ORDER BY id DESC LIMIT 25)').run();
    sqlite.pragma('foreign_keys = ON');
    check('after cases were removed');
  });
});

describe('the calendar the overview joins against', () => {
  it('finds the span of the cases’ dates at the ends of two indexes, never by a scan of every case', () => {
    const plan = (harness.core.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${CALENDAR_SPAN_SQL}`).all() as { detail: string }[])
      .map((row) => row.detail).join(' | ');
    expect(plan).toContain('cases_submitted');
    expect(plan).toContain('cases_due');
    expect(plan).not.toMatch(/SCAN cases\b/);
  });
});
