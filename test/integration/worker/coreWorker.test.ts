// The real core in its worker thread, from the source (tsx), as the harness and Electron main run it.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateOfferDraftResult, IssueOfferResult } from '../../../shared/contract';
import type { CoreOpenSpec } from '../../../core/worker/protocol';
import { CoreWorkerClient } from '../../../core/worker/coreWorkerClient';
import { noPdfRenderer } from '../../../core/offers/pdfRenderer';
import { memorySettingsHost } from '../../../core/settings/settingsHost';
import { HARNESS_NOW, MIGRATIONS_FOLDER, SOURCE_CORE_WORKER, startHarnessCore, type HarnessCore } from '../../../harness/harnessCore';

const started: HarnessCore[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((harness) => harness.dispose()));
});

function harness(options: Parameters<typeof startHarnessCore>[0] = {}): HarnessCore {
  const running = startHarnessCore({ cases: 20, workerEntry: SOURCE_CORE_WORKER, ...options });
  started.push(running);
  return running;
}

const ok = <T>(result: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};

describe('the core in a worker thread', () => {
  it('answers calls, validating their input there as in process', async () => {
    const { core } = harness();
    expect(ok(await core.dispatch('session.get', {}))).toMatchObject({ mode: 'standalone', today: '2026-11-27' });
    expect(await core.dispatch('case.get', { caseId: 'x' })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(await core.dispatch('no.such.call', {})).toMatchObject({ ok: false, error: { code: 'call.unknown' } });
  });

  it('refuses a malformed message from the shell, answering it when it names a call', async () => {
    const dataDirectory = mkdtempSync(path.join(tmpdir(), 'core-worker-'));
    const spec: CoreOpenSpec = {
      dataDirectory, migrationsFolder: MIGRATIONS_FOLDER, demoCases: 5, clock: { kind: 'fixed', iso: HARNESS_NOW },
      settings: null, canOpenExternal: false, canPrint: false, canSaveCopy: false,
    };
    const worker = new Worker(SOURCE_CORE_WORKER, { workerData: spec });
    try {
      const messages: Array<{ kind: string; id?: number; result?: unknown; message?: string }> = [];
      worker.on('message', (message) => messages.push(message));
      worker.postMessage({ kind: 'call', id: 7, name: 42 });
      worker.postMessage({ kind: 'shutdown-everything' });
      worker.postMessage({ kind: 'call', id: 8, name: 'session.get', input: {} });
      await expect.poll(() => messages.some((message) => message.id === 8), { timeout: 30_000 }).toBe(true);
      expect(messages.find((message) => message.id === 7)).toEqual({ kind: 'answer', id: 7, result: { ok: false, error: { code: 'input.invalid' } } });
      expect(messages.filter((message) => message.kind === 'log' && /refused a malformed message/.test(message.message ?? ''))).toHaveLength(2);
      expect(messages.find((message) => message.id === 8)?.result).toMatchObject({ ok: true });
    } finally {
      await worker.terminate();
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  });

  it('answers the calls in flight across a restart: the old core finishes its own, the new one takes the rest', async () => {
    const { core } = harness();
    const { id: caseId } = core.database.sqlite.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').get() as { id: number };
    const list = () => core.dispatch('case.get', { caseId });
    const before = Array.from({ length: 10 }, list);
    const restarted = core.client.restart();
    const during = Array.from({ length: 10 }, list);
    await restarted;
    const after = Array.from({ length: 5 }, list);
    const answers = await Promise.all([...before, ...during, ...after]);
    expect(answers.filter((answer) => !answer.ok)).toEqual([]);
  });

  it("writes the settings through to the shell's host and restarts there when the core asks", async () => {
    const dataDirectory = mkdtempSync(path.join(tmpdir(), 'core-worker-'));
    const restarts: string[] = [];
    // Saved settings without a token: the worker opens the signed-out desk, which answers the settings calls.
    const settings = memorySettingsHost({ settings: { url: 'https://desk.example.no', username: 'kari' }, token: null }, () => restarts.push('asked'));
    const core = new CoreWorkerClient({
      entry: SOURCE_CORE_WORKER,
      open: () => ({ dataDirectory, migrationsFolder: MIGRATIONS_FOLDER, demoCases: 5, clock: { kind: 'fixed', iso: HARNESS_NOW } }),
      host: { openFile: async () => undefined, settings, pdfRenderer: noPdfRenderer },
    });
    try {
      expect(ok(await core.dispatch('sync.status', {}))).toMatchObject({ reason: 'signedOut', server: 'kari @ https://desk.example.no' });
      expect(ok(await core.dispatch('settings.useStandalone', {}))).toEqual({ restarting: true });
      await expect.poll(() => restarts).toEqual(['asked']);
      expect(settings.load()).toBeNull();
      // The shell restarts the core; the new one reads the settings as the shell now keeps them: standalone.
      await core.restart();
      expect(ok(await core.dispatch('session.get', {}))).toMatchObject({ mode: 'standalone' });
    } finally {
      await core.close();
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  });

  it('renders a letter through the shell: the PDF host call there and back', async () => {
    const rendered: string[] = [];
    const pdf = Buffer.from('%PDF-1.4\n% the shell rendered this\n');
    const { core } = harness({ pdfRenderer: { render: async (html) => (rendered.push(html), pdf), close: async () => undefined } });
    const { id: caseId } = core.database.sqlite
      .prepare("SELECT id FROM cases WHERE request_type = 'new_installation' ORDER BY id LIMIT 1").get() as { id: number };
    const draft = ok<CreateOfferDraftResult>(await core.dispatch('case.createOfferDraft', { caseId }));
    const issued = ok<IssueOfferResult>(await core.dispatch('case.issueOffer', { offerId: draft.offerId }));
    expect(rendered).toHaveLength(1);
    expect(rendered[0]).toMatch(/^<!doctype html>/i);
    expect(issued.pdfSha256).toBe(createHash('sha256').update(pdf).digest('hex'));
  });
});
