// The supervisors' overview at 100 000 cases (issue 6): opened as a supervisor through the core's dispatch, as the
// screen opens it, for each period. The first open after the seed (every case noted as changed) also fills the
// working-day calendar; it is reported apart (overview.cold_open_ms), and so is the time until its lead times and
// throughput are whole (overview.cold_whole_ms: the core's catch-up works the backlog off in the background).
import { fixedClock } from '../../core/clock';
import { createCore } from '../../core/createCore';
import { OVERVIEW_PERIODS, type Overview } from '../../shared/contract';
import { HARNESS_NOW, MIGRATIONS_FOLDER } from '../../harness/harnessCore';
import { percentile, round, timeRuns, type BenchResult } from './stats';

const SUPERVISOR = 'marit.rosseland';

export async function benchOverview(databaseFile: string, attachmentsDirectory: string, runs = 60): Promise<BenchResult[]> {
  const core = createCore({
    databaseFile,
    migrationsFolder: MIGRATIONS_FOLDER,
    attachmentsDirectory,
    clock: fixedClock(HARNESS_NOW),
    host: { openFile: async () => {} },
    userId: SUPERVISOR,
  });
  const open = async (i: number): Promise<Overview> => {
    const result = await core.dispatch('overview.get', { weeks: OVERVIEW_PERIODS[i % OVERVIEW_PERIODS.length] });
    if (!result.ok) throw new Error(`overview.get failed: ${JSON.stringify(result.error)}`);
    return result.value as Overview;
  };
  try {
    const coldStart = performance.now();
    let overview = await open(1);
    const cold = performance.now() - coldStart;
    // A backlog larger than the open works out itself is left to the core's catch-up: until every figure is whole.
    while (overview.factsPending > 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      overview = await open(1);
    }
    const whole = performance.now() - coldStart;
    const samples = await timeRuns(runs, open);
    return [
      { name: 'overview.cold_open_ms', value: round(cold), unit: 'ms' },
      { name: 'overview.cold_whole_ms', value: round(whole), unit: 'ms' },
      { name: 'overview.open_p95_ms', value: round(percentile(samples, 95)), unit: 'ms' },
    ];
  } finally {
    await core.close();
  }
}
