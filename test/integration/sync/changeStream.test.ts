// The change stream in central mode: a change another desk commits through the central service reaches this desk
// as a batch naming the case and what changed in it — pushed when the cache has the rows, so the open screens can
// re-read exactly that, with no timer of their own. And this desk's own write is announced at once, before it
// has even reached the service.
import { describe, expect, it } from 'vitest';
import type { ChangeBatch } from '../../../shared/contract';
import { ok } from '../../support/apiResult';
import { useCentralDatabase } from '../../support/centralDatabase';
import { eventually, type Client } from '../../support/syncClients';

const central = useCentralDatabase('sync_change_stream', { seedCases: 40 });

async function desk(name: string): Promise<Client> {
  // A poll far beyond the test's patience: whatever arrives comes through the live notice, not the safety net.
  const client = await central.startClient(name, 'case_handler', { pollIntervalMs: 3_600_000 });
  await client.core.central!.engine.whenIdle();
  return client;
}

function record(client: Client): ChangeBatch[] {
  const batches: ChangeBatch[] = [];
  client.core.onChange((batch) => batches.push(batch));
  return batches;
}

describe('the change stream of a desk working against the central service', () => {
  it('publishes a batch naming the case when another desk’s note is pulled into the cache', async () => {
    const anne = await desk('anne');
    const bjorn = await desk('bjorn');
    const seenByAnne = record(anne);
    const caseId = 7;
    ok(await bjorn.core.dispatch('case.addNote', { caseId, body: 'Kunden ringte om måleren.' }));

    const batch = await eventually(
      () => seenByAnne.find((b) => b.caseIds.includes(caseId) && b.tables.includes('history')),
      5_000,
      'a batch naming the case on the other desk',
    );
    // When the batch arrives, the note is already readable: a screen re-reading on it shows the new value.
    const detail = ok<{ notes: Array<{ body: string }> }>(await anne.core.dispatch('case.get', { caseId }));
    expect(detail.notes.map((note) => note.body)).toContain('Kunden ringte om måleren.');
    expect(batch.allCases).toBe(false);
    // Versions only grow.
    const versions = seenByAnne.map((b) => b.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('announces the desk’s own write in the next tick, naming the case and the outbox', async () => {
    const [anne] = central.clients;
    // What the first test set off is announced first (its case 7 is closed: opening it fetched its detail).
    await new Promise((resolve) => setImmediate(resolve));
    const seen = record(anne);
    ok(await anne.core.dispatch('case.addNote', { caseId: 9, body: 'Venter på svar fra installatør.' }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen[0]).toMatchObject({ caseIds: [9], allCases: false });
    expect(seen[0].tables).toEqual(expect.arrayContaining(['cases', 'history', 'outbox', 'syncStatus']));
  });
});
