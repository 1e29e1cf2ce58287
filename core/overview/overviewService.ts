// The supervisors' overview, answered from the local cache in SQL (overviewSql.ts) so it opens at once.
// Who may see it is OVERVIEW_ROLES (contract/overview.ts).
import type Database from 'better-sqlite3';
import {
  BREACH_BUCKETS,
  OVERVIEW_ROLES,
  fail,
  type BreachBucket,
  type LeadTimes,
  type Overview,
  type OverviewWeeks,
  type StatusCount,
  type ThroughputRow,
  type TypeCounts,
} from '../../shared/contract';
import { CASE_STATUSES, REQUEST_TYPES, addCalendarDays, isoWeekOf, mondayOf, type CaseStatus, type RequestType, type UserRole } from '../../shared/rules';
import { OverviewFacts } from './overviewFacts';
import {
  BREACHES_SQL,
  COMPLETENESS_TO_OFFER_SQL,
  COMPLETION_TO_METER_SQL,
  THROUGHPUT_SQL,
  TYPE_STATUS_SQL,
} from './overviewSql';
import { ensureWorkCalendar, nextDayFromUtc } from './workCalendar';

type BreachRow = { requestType: RequestType; count: number; maxDaysPast: number; medianDaysPast: number } & Record<BreachBucket, number>;

interface MedianRow {
  requestType: RequestType | null;
  median: number | null;
  count: number | null;
}

function leadTimes(rows: MedianRow[]): LeadTimes {
  const overall = rows.find((row) => row.requestType === null);
  return {
    overall: { median: overall?.median ?? null, count: overall?.count ?? 0 },
    byType: REQUEST_TYPES.flatMap((requestType) => {
      const row = rows.find((r) => r.requestType === requestType);
      return row ? [{ requestType, median: row.median, count: row.count ?? 0 }] : [];
    }),
  };
}

/** The period: `weeks` ISO weeks ending with today's, from Monday 00:00 in Norway. */
export function overviewPeriod(today: string, weeks: OverviewWeeks) {
  const from = addCalendarDays(mondayOf(today), -7 * (weeks - 1));
  const dayBefore = addCalendarDays(from, -1);
  return {
    from,
    fromUtc: `${dayBefore}T${nextDayFromUtc(dayBefore)}`,
    fromWeek: isoWeekOf(from),
    weekList: Array.from({ length: weeks }, (_, i) => isoWeekOf(addCalendarDays(from, 7 * i))),
  };
}

/** Cases brought up to date per step of the background catch-up: some 50 ms of work at a time. */
const CATCH_UP_CHUNK = 2_000;
const CATCH_UP_EVERY_MS = 2_000;
/** While catching up, the screen hears how far it got at most this often (and once when done). */
const CATCH_UP_PROGRESS_MS = 1_000;
/**
 * The most changed cases the overview brings up to date itself when it opens (a day's work of a whole office is
 * far fewer); a larger backlog — a first download, a large import — is left to the catch-up, so that opening costs
 * the same at a million cases as at a thousand.
 */
const OPEN_REFRESH_LIMIT = CATCH_UP_CHUNK;

const NO_LEAD_TIMES: LeadTimes = { overall: { median: null, count: 0 }, byType: [] };

export class OverviewService {
  private catchUpTimer: ReturnType<typeof setTimeout> | null = null;
  private catchUpTick: (() => void) | null = null;
  private stopped = false;

  private readonly typeStatus: Database.Statement;
  private readonly breaches: Database.Statement;
  private readonly toOffer: Database.Statement;
  private readonly toMeter: Database.Statement;
  private readonly throughput: Database.Statement;
  private readonly todayNo: Database.Statement;
  private readonly facts: OverviewFacts;

  constructor(private readonly sqlite: Database.Database) {
    this.typeStatus = sqlite.prepare(TYPE_STATUS_SQL);
    this.breaches = sqlite.prepare(BREACHES_SQL);
    this.facts = new OverviewFacts(sqlite);
    this.toOffer = sqlite.prepare(COMPLETENESS_TO_OFFER_SQL);
    this.toMeter = sqlite.prepare(COMPLETION_TO_METER_SQL);
    this.throughput = sqlite.prepare(THROUGHPUT_SQL);
    this.todayNo = sqlite.prepare('SELECT working_day_no FROM work_calendar WHERE day = ?').pluck();
  }

  /**
   * Keeps the derived tables current in the background, a chunk at a time with the event loop free in between,
   * for people who may open the overview — so that after the first download (every case changed) it still opens
   * at once. Case handlers' desks never do this work.
   */
  startCatchUp(roleOf: () => UserRole, today: () => string, progressed: () => void = () => undefined): void {
    let toldAt = 0;
    const tick = () => {
      this.catchUpTimer = null;
      if (this.stopped) return;
      let more = false;
      try {
        if (OVERVIEW_ROLES.includes(roleOf()) && this.facts.pending()) {
          if (ensureWorkCalendar(this.sqlite, today())) this.facts.markAll();
          more = !this.facts.refresh(CATCH_UP_CHUNK);
          if (!more || performance.now() - toldAt >= CATCH_UP_PROGRESS_MS) {
            toldAt = performance.now();
            progressed();
          }
        }
      } catch (error) {
        // Never fatal: the overview brings everything up to date itself when it opens.
        console.error('[overview] background catch-up failed', error);
      }
      this.schedule(more ? 0 : CATCH_UP_EVERY_MS);
    };
    this.catchUpTick = tick;
    this.schedule(CATCH_UP_EVERY_MS);
  }

  private schedule(ms: number): void {
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = setTimeout(this.catchUpTick!, ms);
    this.catchUpTimer.unref?.();
  }

  stopCatchUp(): void {
    this.stopped = true;
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    this.catchUpTimer = null;
  }

  /**
   * The overview. Counts and breaches are kept by triggers and always whole; the lead times and throughput come from
   * per-case facts, brought up to date here for a small backlog. A large one is left to the catch-up (started now if
   * it was waiting): until it is through, those figures are not given and `factsPending` says how many cases are
   * left, so no half-counted median is ever shown. Without a catch-up running, everything is done here.
   */
  get(weeks: OverviewWeeks, today: string, role: UserRole): Overview {
    if (!OVERVIEW_ROLES.includes(role)) fail('permission.denied');
    if (ensureWorkCalendar(this.sqlite, today)) this.facts.markAll();
    const backlog = this.facts.backlog();
    const catchingUp = backlog > OPEN_REFRESH_LIMIT && this.catchUpTick !== null && !this.stopped;
    if (catchingUp) this.schedule(0);
    else this.facts.refresh();
    const period = overviewPeriod(today, weeks);
    const todayNo = this.todayNo.get(today) as number;
    const window = { fromWeek: period.fromWeek };

    const typeStatus = this.typeStatus.all() as Array<{ requestType: string; status: string; count: number }>;
    const breaches = this.breaches.all({ today, todayNo }) as BreachRow[];

    return {
      today,
      weeks,
      from: period.from,
      byStatus: statusCounts(typeStatus),
      byType: typeCounts(typeStatus, breaches),
      breaches: breachSummary(typeStatus, breaches),
      factsPending: catchingUp ? backlog : 0,
      completenessToOffer: catchingUp ? NO_LEAD_TIMES : leadTimes(this.toOffer.all(window) as MedianRow[]),
      completionToMeter: catchingUp ? NO_LEAD_TIMES : leadTimes(this.toMeter.all(window) as MedianRow[]),
      throughputWeeks: period.weekList,
      throughput: catchingUp ? [] : (this.throughput.all({ fromWeek: period.fromWeek }) as ThroughputRow[]),
    };
  }
}

function statusCounts(rows: Array<{ status: string; count: number }>): StatusCount[] {
  const byStatus = new Map<string, number>();
  for (const row of rows) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.count);
  return CASE_STATUSES.map((status: CaseStatus) => ({ status, count: byStatus.get(status) ?? 0 }));
}

function typeCounts(rows: Array<{ requestType: string; status: string; count: number }>, breaches: BreachRow[]): TypeCounts[] {
  return REQUEST_TYPES.map((requestType) => {
    const ofType = rows.filter((row) => row.requestType === requestType);
    const sum = (where: (status: string) => boolean) =>
      ofType.filter((row) => where(row.status)).reduce((total, row) => total + row.count, 0);
    return {
      requestType,
      open: sum((status) => status !== 'closed'),
      overdue: breaches.find((row) => row.requestType === requestType)?.count ?? 0,
      waiting: sum((status) => status === 'waiting_for_info'),
      closed: sum((status) => status === 'closed'),
      total: sum(() => true),
    };
  });
}

function breachSummary(typeStatus: Array<{ status: string; count: number }>, breaches: BreachRow[]): Overview['breaches'] {
  return {
    total: breaches.reduce((total, row) => total + row.count, 0),
    waitingForInstaller: typeStatus
      .filter((row) => row.status === 'waiting_for_info')
      .reduce((total, row) => total + row.count, 0),
    byBucket: BREACH_BUCKETS.map((bucket) => ({ bucket, count: breaches.reduce((total, row) => total + row[bucket], 0) })),
    byType: REQUEST_TYPES.flatMap((requestType) => {
      const row = breaches.find((r) => r.requestType === requestType);
      return row
        ? [{ requestType, count: row.count, medianDaysPast: row.medianDaysPast, maxDaysPast: row.maxDaysPast }]
        : [];
    }),
  };
}
