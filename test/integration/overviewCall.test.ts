// The overview through the core's dispatch, as the renderer calls it: the input validated, the role checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

let supervisor: InProcessHarness;
let handler: InProcessHarness;

beforeAll(() => {
  supervisor = startInProcessHarness({ cases: 200, userId: 'marit.rosseland' });
  handler = startInProcessHarness({ cases: 0 });
});
afterAll(async () => {
  await supervisor.dispose();
  await handler.dispose();
});

describe('overview.get', () => {
  it('answers a supervisor, with 13 weeks when no period is given', async () => {
    const result = await supervisor.core.dispatch('overview.get', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { weeks: number; throughputWeeks: string[]; byStatus: Array<{ count: number }> };
    expect(value.weeks).toBe(13);
    expect(value.throughputWeeks).toHaveLength(13);
    expect(value.byStatus.reduce((total, row) => total + row.count, 0)).toBe(200);
  });

  it('refuses a period it does not offer, and unknown fields, naming the field', async () => {
    expect(await supervisor.core.dispatch('overview.get', { weeks: 7 })).toMatchObject({
      ok: false,
      error: { code: 'input.invalid', issues: [{ path: 'weeks' }] },
    });
    expect(await supervisor.core.dispatch('overview.get', { weeks: 4, sql: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });
  });

  it('refuses a case handler', async () => {
    expect(await handler.core.dispatch('overview.get', { weeks: 4 })).toEqual({ ok: false, error: { code: 'permission.denied' } });
  });
});
