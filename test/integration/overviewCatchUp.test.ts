// The overview after many cases arrived at once (a first download, a large import): it opens at once with the
// counts and breaches whole, says how many cases its lead times and throughput still wait for instead of showing
// half-counted medians, and the catch-up in the core's worker tells the screen (the change stream) as it goes; the
// figures it ends with are those of every case worked out again from nothing.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osloDate } from '../../core/clock';
import { OverviewFacts } from '../../core/overview/overviewFacts';
import { OverviewService } from '../../core/overview/overviewService';
import { HARNESS_NOW, startHarnessCore, type HarnessCore } from '../../harness/harnessCore';
import type { ChangeBatch, Overview } from '../../shared/contract';
import { ok } from '../support/apiResult';
import { eventually } from '../support/syncClients';

/** More than two steps of the catch-up (2 000 cases each), so a step that ran before the first open leaves enough. */
const CASES = 5_000;

let harness: HarnessCore;
const batches: ChangeBatch[] = [];

beforeAll(() => {
  harness = startHarnessCore({ cases: CASES, userId: 'marit.rosseland' });
  harness.core.onChange((batch) => batches.push(batch));
}, 60_000);
afterAll(async () => {
  await harness.dispose();
});

const open = async () => ok<Overview>(await harness.core.dispatch('overview.get', { weeks: 52 }));

const TODAY = osloDate(new Date(HARNESS_NOW));

/** `use` on a copy of the core's database file (the worker's catch-up does not touch it). */
async function onCopy<T>(use: (copy: Database.Database) => T): Promise<T> {
  const directory = mkdtempSync(path.join(tmpdir(), 'overview-truth-'));
  try {
    const file = path.join(directory, 'copy.sqlite');
    await harness.core.database.sqlite.backup(file);
    const copy = new Database(file);
    try {
      return use(copy);
    } finally {
      copy.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The overview of the same cases with every case's facts worked out again, synchronously, on a copy of the file. */
const fromNothing = () =>
  onCopy((copy) => {
    copy.exec('INSERT OR IGNORE INTO overview_dirty_cases (case_id) SELECT id FROM cases');
    return new OverviewService(copy).get(52, TODAY, 'supervisor');
  });

describe('the overview while its figures catch up', () => {
  it('opens with the counts whole and the lead times pending, and ends with the figures of every case', async () => {
    // Every case noted as changed, as after a first download.
    harness.core.database.sqlite.exec('INSERT OR IGNORE INTO overview_dirty_cases (case_id) SELECT id FROM cases');
    const first = await open();
    expect(first.factsPending).toBeGreaterThan(2_000);
    expect(first.factsPending).toBeLessThanOrEqual(CASES);
    expect(first.completenessToOffer).toEqual({ overall: { median: null, count: 0 }, byType: [] });
    expect(first.completionToMeter).toEqual({ overall: { median: null, count: 0 }, byType: [] });
    expect(first.throughput).toEqual([]);
    expect(first.byStatus.reduce((total, row) => total + row.count, 0)).toBe(CASES);

    let last = first;
    await eventually(async () => (last = await open()).factsPending === 0, 30_000, 'the catch-up');
    expect(batches.some((batch) => batch.tables.includes('overviewFacts'))).toBe(true);

    const truth = await fromNothing();
    expect(truth.completenessToOffer.overall.count).toBeGreaterThan(0);
    expect(truth.throughput.length).toBeGreaterThan(0);
    expect(last.completenessToOffer).toEqual(truth.completenessToOffer);
    expect(last.completionToMeter).toEqual(truth.completionToMeter);
    expect(last.throughput).toEqual(truth.throughput);
    expect(last.byStatus).toEqual(first.byStatus);
    expect(last.breaches).toEqual(first.breaches);
  });

  it('works every case out again when the calendar grows', async () => {
    await onCopy((copy) => {
      const overview = new OverviewService(copy);
      overview.get(52, TODAY, 'supervisor');
      const fact = () => copy.prepare('SELECT offer_days FROM overview_case_facts WHERE offer_days IS NOT NULL ORDER BY case_id LIMIT 1');
      const { offer_days: right } = fact().get() as { offer_days: number };
      copy.exec(`UPDATE overview_case_facts SET offer_days = offer_days + 1000
        WHERE case_id = (SELECT min(case_id) FROM overview_case_facts WHERE offer_days IS NOT NULL)`);
      expect(new OverviewFacts(copy).pending()).toBe(false);
      // Days the calendar lacks (as when a new year comes into reach): filled again, and every answer with them.
      copy.exec(`DELETE FROM work_calendar WHERE day >= '${TODAY.slice(0, 4)}-12-01'`);
      overview.get(52, TODAY, 'supervisor');
      expect(fact().get()).toEqual({ offer_days: right });
    });
  });

  it('works a small backlog out when it opens', async () => {
    harness.core.database.sqlite.exec('INSERT OR IGNORE INTO overview_dirty_cases (case_id) SELECT id FROM cases LIMIT 500');
    const opened = await open();
    expect(opened.factsPending).toBe(0);
    expect(opened.completenessToOffer).toEqual((await fromNothing()).completenessToOffer);
  });
});
