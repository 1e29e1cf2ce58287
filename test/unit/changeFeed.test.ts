// The change stream's feed: a burst of writes in one turn is one batch holding all of them, the version grows with
// each batch, 'all' cases wins over named ones, and a listener that throws does not silence the others.
import { describe, expect, it, vi } from 'vitest';
import { ChangeFeed } from '../../core/changes/changeFeed';
import { CHANGES_BY_CALL, caseIdOf } from '../../core/changes/callChanges';
import { changeTablesOfPulled } from '../../core/changes/pulledTables';
import { SYNCED_TABLES } from '../../core/sync/syncedTables';
import { ChangeBatchSchema, type ChangeBatch } from '../../shared/contract';

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

function listen(feed: ChangeFeed): ChangeBatch[] {
  const batches: ChangeBatch[] = [];
  feed.subscribe((batch) => batches.push(batch));
  return batches;
}

describe('ChangeFeed', () => {
  it('coalesces a burst of publishes in one turn into one batch with the union of tables and cases', async () => {
    const feed = new ChangeFeed();
    const batches = listen(feed);
    for (let id = 1; id <= 1_000; id++) feed.publish({ tables: ['cases', 'history'], caseIds: [id] });
    feed.publish({ tables: ['syncStatus'] });
    expect(batches).toEqual([]); // not per row, not synchronously inside the writer's transaction
    await nextTick();
    expect(batches).toHaveLength(1);
    expect(new Set(batches[0].tables)).toEqual(new Set(['cases', 'history', 'syncStatus']));
    expect(batches[0].caseIds).toHaveLength(1_000);
    expect(batches[0].allCases).toBe(false);
    expect(ChangeBatchSchema.parse(batches[0])).toEqual(batches[0]);
  });

  it('numbers batches in increasing order and sends nothing when nothing changed', async () => {
    const feed = new ChangeFeed();
    const batches = listen(feed);
    feed.publish({ tables: ['quarantine'] });
    await nextTick();
    feed.publish({ tables: [] });
    await nextTick();
    feed.publish({ tables: ['outbox'], caseIds: [3] });
    await nextTick();
    expect(batches.map((batch) => batch.version)).toEqual([1, 2]);
    expect(batches[1]).toEqual({ version: 2, tables: ['outbox'], caseIds: [3], allCases: false });
  });

  it("says allCases (and names none) when any write in the burst changed too many cases to name", async () => {
    const feed = new ChangeFeed();
    const batches = listen(feed);
    feed.publish({ tables: ['cases'], caseIds: [1, 2] });
    feed.publish({ tables: ['cases'], caseIds: 'all' });
    await nextTick();
    expect(batches).toEqual([{ version: 1, tables: ['cases'], caseIds: [], allCases: true }]);
  });

  it('keeps delivering to the other listeners when one throws, and stops after unsubscribe', async () => {
    const feed = new ChangeFeed();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    feed.subscribe(() => {
      throw new Error('broken screen');
    });
    const seen: number[] = [];
    const stop = feed.subscribe((batch) => seen.push(batch.version));
    feed.publish({ tables: ['cases'] });
    await nextTick();
    stop();
    feed.publish({ tables: ['cases'] });
    await nextTick();
    expect(seen).toEqual([1]);
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});

describe('what a call and a pull change', () => {
  it('names a change table for every table the cache mirrors', () => {
    // A table the map does not know falls back to 'cases', which would hide e.g. a pulled price list from its screen.
    for (const table of SYNCED_TABLES) {
      const tables = changeTablesOfPulled([table.local]);
      if (table.local !== 'cases') expect(tables, table.local).not.toEqual(['cases']);
    }
    expect(changeTablesOfPulled(['notes', 'case_events', 'work_orders'])).toEqual(['history', 'workOrders']);
  });

  it('has every write name what it changes, and reads nothing', () => {
    expect(CHANGES_BY_CALL['case.addNote']).toContain('cases');
    expect(CHANGES_BY_CALL['quarantine.discard']).toContain('quarantine');
    expect(CHANGES_BY_CALL['case.get']).toEqual([]);
    expect(caseIdOf({ caseId: 7, body: 'x' })).toBe(7);
    expect(caseIdOf({ id: 7 })).toBeNull();
  });
});
