// Brings the overview's derived tables (0012_overview.sql) up to date for the cases the triggers noted as changed:
// per case its lead times, per case, person and week its decisions and closings, and the weekly sums of the
// (week, person) pairs those touched. A few cases after a day's work; every case once, after the first download.
// Derived data, local only: written directly, not as mutations, and the same every time it is recomputed.
import type Database from 'better-sqlite3';
import { isoWeekOfMoment, utc, workingDayNo } from './overviewSql';

/**
 * All the history the overview reads: status changes to these statuses (an offer sent, the completion reported, the
 * meter mounted, a pause begun, a decision, a closing), those out of `waiting_for_info` (where a pause ends) and
 * offers issued. A first download sends closed cases no more of their history than this
 * (service/sync/closedCaseDetail.ts): a reader added below must be added here.
 */
export const OVERVIEW_HISTORY = {
  movesTo: ['offer_sent', 'completion_reported', 'meter_mounted', 'waiting_for_info', 'approved', 'rejected', 'closed'],
  movesFrom: ['waiting_for_info'],
  kinds: ['offer_issued'],
} as const;

/** The cases being brought up to date now: a chunk of the noted ones (temp table, this connection only). */
const DIRTY = 'SELECT case_id FROM temp.overview_chunk';

/** A status change's target (NULL for other events). */
const target = (event: string): string => `CASE WHEN ${event}.kind = 'status_changed' THEN json_extract(${event}.data, '$.to') END`;

/**
 * Per case: the first offer (an `offer_issued` event or the move to `offer_sent`) and the working days from
 * completeness to it, less the working days the case waited for the installer in between — a pause runs from the
 * move to `waiting_for_info` to the next status change, and only its part between completeness and the offer
 * counts (a request can be asked for more before it is complete); the meter mounted and the working days from
 * the completion notice to it (the state machine lets a case reach each of the two once).
 */
const FACTS_SQL = `INSERT INTO overview_case_facts (case_id, request_type, offer_at, offer_days, meter_at, meter_days)
  WITH base AS MATERIALIZED (
    SELECT c.id, c.request_type, ${utc('c.complete_at')} AS complete_u,
      min(CASE WHEN e.kind = 'offer_issued' OR ${target('e')} = 'offer_sent' THEN ${utc('e.at')} END) AS offer_u,
      min(CASE WHEN ${target('e')} = 'meter_mounted' THEN ${utc('e.at')} END) AS meter_u,
      min(CASE WHEN ${target('e')} = 'completion_reported' THEN ${utc('e.at')} END) AS reported_u
    FROM cases c LEFT JOIN case_events e ON e.case_id = c.id AND e.kind IN ('status_changed', 'offer_issued')
    WHERE c.id IN (${DIRTY}) GROUP BY c.id),
  pauses AS (
    SELECT b.id, max(${utc('p.at')}, b.complete_u) AS start_u,
      min(coalesce((SELECT ${utc('n.at')} FROM case_events n WHERE n.case_id = b.id AND n.kind = 'status_changed' AND n.id > p.id
          ORDER BY n.id LIMIT 1), b.offer_u), b.offer_u) AS end_u
    FROM base b CROSS JOIN case_events p ON p.case_id = b.id AND ${target('p')} = 'waiting_for_info'
    WHERE b.offer_u IS NOT NULL AND b.complete_u IS NOT NULL),
  paused AS (
    SELECT id, sum(max(0, ${workingDayNo('end_u')} - ${workingDayNo('start_u')})) AS days
    FROM pauses WHERE end_u > start_u GROUP BY id)
  SELECT b.id, b.request_type, b.offer_u,
    CASE WHEN b.offer_u IS NOT NULL AND b.complete_u IS NOT NULL
      THEN ${workingDayNo('b.offer_u')} - ${workingDayNo('b.complete_u')} - coalesce(p.days, 0) END,
    b.meter_u,
    CASE WHEN b.meter_u IS NOT NULL AND b.reported_u IS NOT NULL AND b.reported_u <= b.meter_u
      THEN ${workingDayNo('b.meter_u')} - ${workingDayNo('b.reported_u')} END
  FROM base b LEFT JOIN paused p ON p.id = b.id`;

/**
 * Per case, actor and ISO week (Monday to Sunday, Norwegian dates): whether the actor decided the case (approved
 * or rejected it) and whether they closed it. Every actor is kept; the overview shows those in the users table.
 */
const OUTCOMES_SQL = `INSERT INTO overview_outcomes (case_id, actor_id, week, decided, closed)
  SELECT case_id, actor_id, week, max(decided), max(closed) FROM (
    SELECT case_id, actor_id, decided, closed, ${isoWeekOfMoment('u')} AS week FROM (
      SELECT case_id, actor_id, ${utc('at')} AS u,
        json_extract(data, '$.to') IN ('approved', 'rejected') AS decided, json_extract(data, '$.to') = 'closed' AS closed
      FROM case_events
      WHERE case_id IN (${DIRTY}) AND kind = 'status_changed'
        AND json_extract(data, '$.to') IN ('approved', 'rejected', 'closed')))
  WHERE week IS NOT NULL
  GROUP BY case_id, actor_id, week`;

const TOUCHED = `SELECT DISTINCT week, actor_id FROM overview_outcomes WHERE case_id IN (${DIRTY})`;

// CROSS JOIN keeps SQLite's join order: from the few changed cases (or touched weeks) into the big tables, never
// a scan of the big table probing the few.
export class OverviewFacts {
  private readonly steps: Database.Statement[];
  private readonly anyDirty: Database.Statement;
  private readonly countDirty: Database.Statement;
  private readonly takeChunk: Database.Statement;

  constructor(private readonly sqlite: Database.Database) {
    sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS overview_touched (week TEXT, actor_id TEXT, PRIMARY KEY (week, actor_id));
      CREATE TEMP TABLE IF NOT EXISTS overview_chunk (case_id INTEGER PRIMARY KEY)`);
    this.anyDirty = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM overview_dirty_cases)').pluck();
    this.countDirty = sqlite.prepare('SELECT count(*) FROM overview_dirty_cases').pluck();
    this.takeChunk = sqlite.prepare(
      'INSERT INTO temp.overview_chunk (case_id) SELECT case_id FROM overview_dirty_cases ORDER BY case_id LIMIT ?',
    );
    this.steps = [
      'DELETE FROM temp.overview_touched',
      `INSERT OR IGNORE INTO temp.overview_touched ${TOUCHED}`,
      `DELETE FROM overview_case_facts WHERE case_id IN (${DIRTY})`,
      `DELETE FROM overview_outcomes WHERE case_id IN (${DIRTY})`,
      FACTS_SQL,
      OUTCOMES_SQL,
      `INSERT OR IGNORE INTO temp.overview_touched ${TOUCHED}`,
      `DELETE FROM overview_throughput WHERE (week, actor_id) IN (SELECT week, actor_id FROM temp.overview_touched)`,
      `INSERT INTO overview_throughput (week, actor_id, decided, closed, cases)
         SELECT o.week, o.actor_id, sum(o.decided), sum(o.closed), count(*)
         FROM temp.overview_touched t CROSS JOIN overview_outcomes o ON o.week = t.week AND o.actor_id = t.actor_id
         GROUP BY o.week, o.actor_id`,
      `DELETE FROM overview_dirty_cases WHERE case_id IN (${DIRTY})`,
      'DELETE FROM temp.overview_chunk',
    ].map((sql) => sqlite.prepare(sql));
  }

  pending(): boolean {
    return Boolean(this.anyDirty.get());
  }

  /** How many cases are noted as changed and not yet brought up to date. */
  backlog(): number {
    return this.countDirty.get() as number;
  }

  /**
   * Recomputes up to `limit` of the noted cases (all of them by default), in one transaction; nothing to do (one
   * lookup) when none changed. True when none are left.
   */
  refresh(limit = -1): boolean {
    if (!this.pending()) return true;
    this.sqlite.transaction(() => {
      this.takeChunk.run(limit);
      for (const step of this.steps) step.run();
    })();
    return !this.pending();
  }

  /**
   * Every case again: after the calendar grew, the working-day numbers of older answers may have been missing. A case
   * is either noted already or has its facts row (0012 noted every case, the triggers note every new one, and a
   * refresh writes a row for each case it takes), so noting those with a row is enough — after a bulk load, when the
   * calendar is filled for the first time, that is none of a million instead of a million lookups.
   */
  markAll(): void {
    this.sqlite.prepare(`INSERT OR IGNORE INTO overview_dirty_cases (case_id) SELECT case_id FROM overview_case_facts`).run();
  }
}
