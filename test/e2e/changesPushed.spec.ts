// Changes pushed, not polled: a change another desk commits through the central service is painted in this desk's
// open queue and open case view without a reload — and while nothing changes, the page asks its core for nothing
// (the old screens re-read the case every 2 s, the queue every 10 s).
import type { Page } from '@playwright/test';
import type { HarnessCore } from '../../harness/harnessCore';
import type { SyncStatusView } from '../../shared/contract';
import { expect, test } from './fixtures';

interface CaseRef {
  id: number;
  case_number: string;
}

function newFreeCase(harness: HarnessCore, skip: number): CaseRef {
  return harness.core.database.sqlite
    .prepare(`SELECT id, case_number FROM cases WHERE status = 'new' AND claimed_by IS NULL ORDER BY submitted_at, id LIMIT 1 OFFSET ?`)
    .get(skip) as CaseRef;
}

/** Counts the reads the page asks of this desk's core, from now on. */
function countReads(harness: HarnessCore): { reads: () => string[] } {
  const seen: string[] = [];
  const core = harness.core;
  const dispatch = core.dispatch.bind(core);
  core.dispatch = (name, input) => {
    seen.push(name);
    return dispatch(name, input);
  };
  return { reads: () => [...seen] };
}

const quietly = (page: Page) => page.waitForTimeout(3_000);

/** Waits until the page has asked its core for nothing for a second (what typing set off has arrived), at most 15 s. */
async function settled(harness: HarnessCore, page: Page): Promise<void> {
  const reads = countReads(harness);
  const until = Date.now() + 15_000;
  let seen = -1;
  while (Date.now() < until && reads.reads().length !== seen) {
    seen = reads.reads().length;
    await page.waitForTimeout(1_000);
  }
}
const queueRow = (page: Page, caseNumber: string) =>
  page.getByRole('grid', { name: 'Arbeidskø' }).getByRole('row').filter({ hasText: caseNumber });

async function ok(harness: HarnessCore, name: string, input: unknown): Promise<void> {
  const result = await harness.core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
}

test('another desk’s change appears in the open queue and the open case view, and nothing polls meanwhile', async ({ central }) => {
  const { anne, bjorn } = central;
  const target = newFreeCase(bjorn.harness, 0);

  // Bjørn's queue, narrowed to the case: a new case nobody works on.
  await bjorn.page.getByRole('searchbox', { name: 'Søk i saker' }).fill(target.case_number);
  await expect(queueRow(bjorn.page, target.case_number)).toContainText('Ny');
  // The per-status counts follow 150 ms after typing stops: let them arrive before listening.
  await settled(bjorn.harness, bjorn.page);

  const queueReads = countReads(bjorn.harness);
  await quietly(bjorn.page);
  expect(queueReads.reads(), 'reads while nothing changed').toEqual([]);

  // Anne, at her own desk, takes the case and starts reviewing it.
  await ok(anne.harness, 'case.claim', { caseId: target.id });
  // Her claim must reach the central service before her next change (the outbox sends in order anyway).
  await expect
    .poll(async () => {
      const status = await anne.harness.core.dispatch('sync.status', {});
      return status.ok && (status.value as SyncStatusView).mode === 'central' ? (status.value as { pending: number }).pending : -1;
    })
    .toBe(0);
  await ok(anne.harness, 'case.act', { caseId: target.id, action: 'startReview' });
  await expect(queueRow(bjorn.page, target.case_number)).toContainText('Under behandling', { timeout: 5_000 });
  // Only the queue's own reads followed: no screen was reloaded.
  expect(new Set(queueReads.reads())).not.toContain('session.get');

  // Bjørn opens it; Anne writes a note at her desk.
  await queueRow(bjorn.page, target.case_number).click();
  await expect(bjorn.page.getByRole('heading', { level: 1, name: target.case_number })).toBeVisible();
  await settled(bjorn.harness, bjorn.page);
  const caseReads = countReads(bjorn.harness);
  await quietly(bjorn.page);
  expect(caseReads.reads(), 'reads while nothing changed').toEqual([]);

  const text = 'Anne: installatøren sender nytt enlinjeskjema i morgen.';
  await ok(anne.harness, 'case.addNote', { caseId: target.id, body: text });
  const notes = bjorn.page.getByRole('region', { name: 'Interne notater' });
  await expect(notes).toContainText(text, { timeout: 5_000 });
  await expect(notes.getByRole('listitem').filter({ hasText: text })).toContainText('Anne Hansen');
  // The case view read what the batch named, not everything: no queue page, no session.
  expect(caseReads.reads()).toContain('case.get');
  expect(caseReads.reads()).not.toContain('queue.list');
  expect(caseReads.reads()).not.toContain('session.get');
});
