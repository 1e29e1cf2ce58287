// The overview's figures over a small cache whose answers were worked out by hand: a holiday (Easter 2026) and
// Christmas inside spans, a paused clock, a pause that began before completeness, timestamps with the portal's
// offset and moments that are already the next day in Norway, medians of odd and even counts, weeks across a
// year end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalDatabase, type LocalDatabase } from '../../core/db/openLocalDatabase';
import { OverviewService } from '../../core/overview/overviewService';
import { AppFailure } from '../../shared/contract';
import { workingDaysBetween } from '../../shared/rules';
import { MIGRATIONS_FOLDER } from '../../harness/harnessCore';

const TODAY = '2026-04-15'; // a Wednesday, the week after Easter
let directory: string;
let database: LocalDatabase;
let overview: OverviewService;
let nextEventId = 1;

interface CaseSpec {
  id: number;
  type?: string;
  status: string;
  completeAt?: string;
  dueDate?: string;
}

function addCase({ id, type = 'new_installation', status, completeAt, dueDate }: CaseSpec): void {
  database.sqlite
    .prepare(
      `INSERT INTO cases (id, case_number, message_id, request_type, status, submitted_at, complete_at, due_date, address,
         postcode, post_town, municipality_number, building_use, network_system, phases, owner_name, owner_id_kind,
         installer_id, updated_at)
       VALUES (?, ?, ?, ?, ?, '2025-12-01T08:00:00.000Z', ?, ?, 'Markens gate 1', '4611', 'Kristiansand', '4204',
         'house', '230V_IT', 1, 'Ola Nordmann', 'national_id', 1, '2026-04-01T08:00:00.000Z')`,
    )
    .run(id, `T-${id}`, `MSG-${id}`, type, status, completeAt ?? null, dueDate ?? null);
}

/** Events in the order given, so their ids follow the history as the app writes it. */
function event(caseId: number, at: string, actorId: string, kind: string, data: Record<string, unknown> = {}): void {
  database.sqlite
    .prepare('INSERT INTO case_events (id, case_id, at, actor_id, kind, data) VALUES (?, ?, ?, ?, ?, ?)')
    .run(nextEventId++, caseId, at, actorId, kind, JSON.stringify(data));
}
const move = (caseId: number, at: string, actorId: string, from: string, to: string) =>
  event(caseId, at, actorId, 'status_changed', { from, to });

beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'desk-overview-'));
  database = openLocalDatabase({ file: path.join(directory, 'overview.sqlite'), migrationsFolder: MIGRATIONS_FOLDER });
  const { sqlite } = database;
  sqlite.exec(`INSERT INTO municipalities (number, name) VALUES ('4204', 'Kristiansand');
    INSERT INTO installers (id, organisation_number, name) VALUES (1, '923609016', 'Sørlandet Elektro AS');
    INSERT INTO users (id, display_name, role) VALUES ('kari', 'Kari Nordmann', 'case_handler'),
      ('per', 'Per Tønnessen', 'case_handler'), ('marit', 'Marit Rosseland', 'supervisor');`);

  // Completeness to offer.
  // A: Monday 30 March to Wednesday 8 April 2026 over Easter (2, 3 and 6 April are holidays): 4 working days.
  addCase({ id: 1, status: 'offer_sent', completeAt: '2026-03-30T08:00:00.000Z' });
  move(1, '2026-04-08T09:00:00.000Z', 'kari', 'approved', 'offer_sent');
  // B: 2 to 16 March is 10 working days, 5 of them waiting for the installer (4 to 11 March): 5.
  addCase({ id: 2, status: 'offer_sent', completeAt: '2026-03-02T09:00:00.000Z' });
  move(2, '2026-03-04T10:00:00.000Z', 'kari', 'in_review', 'waiting_for_info');
  move(2, '2026-03-11T10:00:00.000Z', 'elsmart', 'waiting_for_info', 'in_review');
  event(2, '2026-03-16T10:00:00.000Z', 'kari', 'offer_issued', { offerId: 'x', version: 1 });
  // C: over Christmas and New Year (25, 26 December and 1 January): 22 December to 5 January is 7 working days.
  // The first offer counts; the later move to offer_sent does not.
  addCase({ id: 3, type: 'fuse_change', status: 'offer_sent', completeAt: '2025-12-22T09:00:00.000Z' });
  event(3, '2026-01-05T09:00:00.000Z', 'kari', 'offer_issued', { offerId: 'y', version: 1 });
  move(3, '2026-01-06T09:00:00.000Z', 'kari', 'approved', 'offer_sent');
  // D: complete late on Monday 2 February in the portal's offset; offer issued 00:15 on Friday 6 February in
  // Norway (still Thursday in UTC): 4 working days.
  addCase({ id: 4, type: 'fuse_change', status: 'offer_sent', completeAt: '2026-02-02T23:30:00+01:00' });
  move(4, '2026-02-05T23:15:00.000Z', 'kari', 'approved', 'offer_sent');
  // E: asked for more before it was complete; the pause ends as it becomes complete, so none of it counts:
  // 19 to 26 January is 5 working days.
  addCase({ id: 5, type: 'production', status: 'offer_sent', completeAt: '2026-01-19T09:00:00.000Z' });
  move(5, '2026-01-12T09:00:00.000Z', 'kari', 'new', 'waiting_for_info');
  move(5, '2026-01-19T09:05:00.000Z', 'elsmart', 'waiting_for_info', 'in_review');
  move(5, '2026-01-26T09:00:00.000Z', 'kari', 'approved', 'offer_sent');
  // Never complete (keyed in by hand): not measured.
  addCase({ id: 6, status: 'offer_sent' });
  move(6, '2026-03-20T09:00:00.000Z', 'kari', 'approved', 'offer_sent');

  // Completion notice to meter.
  // G: Friday 27 March to Tuesday 7 April over Easter: 4. H: Monday 9 to Wednesday 11 March: 2.
  // I: Monday 2 to Monday 9 March: 5.
  addCase({ id: 7, status: 'meter_mounted' });
  move(7, '2026-03-27T10:00:00.000Z', 'elsmart', 'paid', 'completion_reported');
  move(7, '2026-04-07T10:00:00.000Z', 'kari', 'completion_reported', 'meter_mounted');
  addCase({ id: 8, status: 'meter_mounted' });
  move(8, '2026-03-09T10:00:00+01:00', 'elsmart', 'paid', 'completion_reported');
  move(8, '2026-03-11T10:00:00.000Z', 'kari', 'completion_reported', 'meter_mounted');
  addCase({ id: 9, type: 'fuse_change', status: 'meter_mounted' });
  move(9, '2026-03-02T10:00:00.000Z', 'elsmart', 'approved', 'completion_reported');
  move(9, '2026-03-09T10:00:00.000Z', 'kari', 'completion_reported', 'meter_mounted');

  // Service-level breaches, as the queue counts overdue: past the due date with the clock running.
  addCase({ id: 10, status: 'in_review', dueDate: '2026-04-01' }); // 7 working days past (Easter)
  addCase({ id: 11, status: 'new', dueDate: '2026-04-14' }); // 1
  addCase({ id: 12, status: 'waiting_for_info', dueDate: '2026-03-01' }); // the clock stands still
  addCase({ id: 13, type: 'fuse_change', status: 'completion_reported', dueDate: '2026-02-02' }); // 49
  addCase({ id: 14, status: 'approved', dueDate: '2026-01-01' }); // decided: the clock does not run
  addCase({ id: 15, status: 'in_review', dueDate: TODAY }); // due today, not past

  // Throughput across the year end. ISO week 2026-W01 runs from Monday 29 December 2025.
  addCase({ id: 20, status: 'approved' });
  move(20, '2025-12-30T10:00:00.000Z', 'kari', 'in_review', 'approved');
  addCase({ id: 21, status: 'closed' });
  move(21, '2026-01-02T10:00:00.000Z', 'kari', 'in_review', 'rejected');
  move(21, '2026-01-03T10:00:00.000Z', 'kari', 'rejected', 'closed'); // decided and closed: one case
  addCase({ id: 22, status: 'approved' });
  // 23:30 UTC on Sunday 28 December is 00:30 on Monday 29 December in Norway: week 1 of 2026.
  move(22, '2025-12-28T23:30:00.000Z', 'kari', 'in_review', 'approved');
  addCase({ id: 23, status: 'approved' });
  move(23, '2025-12-24T10:00:00.000Z', 'per', 'in_review', 'approved');
  addCase({ id: 24, status: 'closed' });
  move(24, '2026-01-02T11:00:00.000Z', 'elsmart', 'metering_point_registered', 'closed'); // not a person
  move(24, '2026-01-02T10:00:00.000Z', 'per', 'new', 'in_review'); // not a decision

  overview = new OverviewService(database.sqlite);
});

afterAll(() => {
  database.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('the overview figures', () => {
  it('counts every case by status and by request type', () => {
    const figures = overview.get(52, TODAY, 'supervisor');
    const count = (status: string) => figures.byStatus.find((row) => row.status === status)?.count;
    expect(count('offer_sent')).toBe(6);
    expect(count('meter_mounted')).toBe(3);
    expect(count('in_review')).toBe(2);
    expect(count('closed')).toBe(2);
    expect(count('developer_project')).toBe(0);
    expect(figures.byStatus.reduce((total, row) => total + row.count, 0)).toBe(20);
    expect(figures.byType.find((row) => row.requestType === 'fuse_change')).toEqual({
      requestType: 'fuse_change', open: 4, overdue: 1, waiting: 0, closed: 0, total: 4,
    });
    expect(figures.byType.find((row) => row.requestType === 'new_installation')).toEqual({
      requestType: 'new_installation', open: 13, overdue: 2, waiting: 1, closed: 2, total: 15,
    });
  });

  it('counts service-level breaches as the queue counts overdue, in working days past the due date', () => {
    const { breaches } = overview.get(13, TODAY, 'supervisor');
    expect(workingDaysBetween('2026-02-02', TODAY)).toBe(49); // the hand count agrees with the rule
    expect(breaches.total).toBe(3);
    expect(breaches.waitingForInstaller).toBe(1);
    expect(breaches.byBucket).toEqual([
      { bucket: 'upTo5', count: 1 },
      { bucket: '6to10', count: 1 },
      { bucket: '11to20', count: 0 },
      { bucket: 'over20', count: 1 },
    ]);
    expect(breaches.byType).toEqual([
      { requestType: 'new_installation', count: 2, medianDaysPast: 4, maxDaysPast: 7 },
      { requestType: 'fuse_change', count: 1, medianDaysPast: 49, maxDaysPast: 49 },
    ]);
  });

  it('takes the median working days from completeness to the first offer, without the paused clock', () => {
    const { completenessToOffer } = overview.get(52, TODAY, 'supervisor');
    // 4, 4, 5, 5, 7: odd count.
    expect(completenessToOffer.overall).toEqual({ median: 5, count: 5 });
    expect(completenessToOffer.byType).toEqual([
      { requestType: 'new_installation', median: 4.5, count: 2 }, // 4 and 5: even count
      { requestType: 'fuse_change', median: 5.5, count: 2 }, // 7 and 4
      { requestType: 'production', median: 5, count: 1 },
    ]);
  });

  it('takes the median working days from completion notice to meter', () => {
    const { completionToMeter } = overview.get(52, TODAY, 'supervisor');
    expect(completionToMeter.overall).toEqual({ median: 4, count: 3 }); // 2, 4, 5
    expect(completionToMeter.byType).toEqual([
      { requestType: 'new_installation', median: 3, count: 2 },
      { requestType: 'fuse_change', median: 5, count: 1 },
    ]);
  });

  it('looks only at the steps finished within the period for the lead times', () => {
    const figures = overview.get(4, TODAY, 'supervisor');
    expect(figures.from).toBe('2026-03-23');
    expect(figures.completenessToOffer.overall).toEqual({ median: 4, count: 1 }); // A only
    expect(figures.completionToMeter.overall).toEqual({ median: 4, count: 1 }); // G only
  });

  it('counts throughput per person and ISO week, a case decided and closed in one week once', () => {
    const figures = overview.get(52, TODAY, 'supervisor');
    expect(figures.throughput).toEqual([
      { week: '2025-W52', userId: 'per', displayName: 'Per Tønnessen', decided: 1, closed: 0, cases: 1 },
      { week: '2026-W01', userId: 'kari', displayName: 'Kari Nordmann', decided: 3, closed: 1, cases: 3 },
    ]);
    expect(figures.throughputWeeks).toHaveLength(52);
    expect(figures.throughputWeeks[0]).toBe('2025-W17');
    expect(figures.throughputWeeks.at(-1)).toBe('2026-W16');
    expect(figures.throughputWeeks).toContain('2026-W01');
  });

  it('is not shown to a case handler', () => {
    expect(() => overview.get(13, TODAY, 'case_handler')).toThrow(AppFailure);
    expect(overview.get(13, TODAY, 'reader').today).toBe(TODAY);
  });

  it('follows changes to the history: events added, removed and rewritten, and a case made complete later', () => {
    overview.get(52, TODAY, 'supervisor');
    // Kari closes case 20 in the same week she approved it: still one case, now also closed.
    move(20, '2026-01-01T12:00:00.000Z', 'kari', 'approved', 'closed');
    // Case 8's meter event is taken back (as a rebase does with an optimistic event): 4 and 5 remain.
    database.sqlite.prepare("DELETE FROM case_events WHERE case_id = 8 AND json_extract(data, '$.to') = 'meter_mounted'").run();
    // Case 6 becomes complete on Monday 16 March; its offer on Friday 20 March: 4 working days.
    database.sqlite.prepare("UPDATE cases SET complete_at = '2026-03-16T08:00:00.000Z' WHERE id = 6").run();
    const figures = overview.get(52, TODAY, 'supervisor');
    expect(figures.throughput.find((row) => row.week === '2026-W01')).toMatchObject({ decided: 3, closed: 2, cases: 3 });
    expect(figures.completionToMeter.overall).toEqual({ median: 4.5, count: 2 });
    expect(figures.completenessToOffer.overall).toEqual({ median: 4.5, count: 6 }); // 4, 4, 4, 5, 5, 7
    expect(database.sqlite.prepare('SELECT count(*) FROM overview_dirty_cases').pluck().get()).toBe(0);
  });

  it('fills a calendar whose working-day numbers agree with the pure rules on every day', () => {
    const days = database.sqlite
      .prepare("SELECT day, working_day_no AS no FROM work_calendar WHERE day BETWEEN '2025-01-01' AND '2027-12-31' ORDER BY day")
      .all() as Array<{ day: string; no: number }>;
    expect(days.length).toBe(365 * 3);
    for (let i = 0; i < days.length; i += 37) {
      for (const j of [i + 1, i + 6, i + 200]) {
        if (j < days.length) expect(days[j].no - days[i].no).toBe(workingDaysBetween(days[i].day, days[j].day));
      }
    }
  });
});
