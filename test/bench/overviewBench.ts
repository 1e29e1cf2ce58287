// The supervisors' overview at 100 000 cases (issue 6): opened as a supervisor through the core's dispatch, as the
// screen opens it, for each period. The first open also fills the working-day calendar; it is reported apart.
import { fixedClock } from '../../core/clock';
import { createCore } from '../../core/createCore';
import { OVERVIEW_PERIODS } from '../../shared/contract';
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
  const open = async (i: number) => {
    const result = await core.dispatch('overview.get', { weeks: OVERVIEW_PERIODS[i % OVERVIEW_PERIODS.length] });
    if (!result.ok) throw new Error(`overview.get failed: ${JSON.stringify(result.error)}`);
  };
  try {
    const coldStart = performance.now();
    await open(1);
    const cold = performance.now() - coldStart;
    const samples = await timeRuns(runs, open);
    return [
      { name: 'overview.cold_open_ms', value: round(cold), unit: 'ms' },
      { name: 'overview.open_p95_ms', value: round(percentile(samples, 95)), unit: 'ms' },
    ];
  } finally {
    await core.close();
  }
}
