// The shell's client of the core's worker, against a stand-in worker that can be told to crash, answer garbage or
// be slow: every call is answered, whatever the worker does.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreWorkerClient } from '../../../core/worker/coreWorkerClient';
import { CORE_STOPPED } from '../../../core/worker/protocol';

const FAKE_WORKER = path.resolve(__dirname, 'fakeCoreWorker.cjs');
const clients: CoreWorkerClient[] = [];
const logged: string[] = [];

function client(options: { failToOpen?: boolean; render?: (html: string) => Promise<Buffer> } = {}): CoreWorkerClient {
  const started = new CoreWorkerClient({
    entry: FAKE_WORKER,
    // The stand-in reads only failToOpen; the real spec's fields are checked by the real worker.
    open: () => ({ dataDirectory: '/nowhere', migrationsFolder: '/nowhere', clock: { kind: 'system' }, ...(options.failToOpen ? { failToOpen: true } : {}) }),
    host: {
      openFile: async () => undefined,
      pdfRenderer: { render: options.render ?? (async () => Buffer.from('%PDF-1.4')), close: async () => undefined },
    },
    log: (message) => logged.push(message),
  });
  clients.push(started);
  return started;
}

const threadOf = async (core: CoreWorkerClient, name = 'who') => {
  const result = await core.dispatch(name, {});
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { threadId: number }).threadId;
};

afterEach(async () => {
  await Promise.all(clients.splice(0).map((started) => started.close()));
  logged.length = 0;
});

describe('CoreWorkerClient', () => {
  it('relays a call and answers it by id', async () => {
    const core = client();
    const [a, b] = await Promise.all([threadOf(core), threadOf(core, 'slow')]);
    expect(a).toBeGreaterThan(0);
    expect(b).toBe(a);
  });

  it('answers a call whose answer breaks the protocol with an error, and says so', async () => {
    const core = client();
    expect(await core.dispatch('garbled', {})).toEqual({ ok: false, error: { code: 'internal' } });
    expect(logged).toContain('[core worker] refused a malformed message from the core');
    expect(await threadOf(core)).toBeGreaterThan(0);
  });

  it('answers the calls a crashed worker took with CORE_STOPPED and starts a new one', async () => {
    const core = client();
    const before = await threadOf(core);
    const [crashed, slow] = await Promise.all([core.dispatch('crash', {}), core.dispatch('slow', {})]);
    expect(crashed).toEqual(CORE_STOPPED);
    expect(slow).toEqual(CORE_STOPPED);
    const after = await threadOf(core);
    expect(after).not.toBe(before);
    expect(logged.some((line) => /exited with code 3/.test(line))).toBe(true);
  });

  it('stops restarting a worker that keeps failing, and answers every call', async () => {
    const core = client({ failToOpen: true });
    const answers = await Promise.all(Array.from({ length: 6 }, () => core.dispatch('who', {})));
    expect(answers.every((answer) => JSON.stringify(answer) === JSON.stringify(CORE_STOPPED))).toBe(true);
    await expect.poll(() => logged.some((line) => /not started again/.test(line)), { timeout: 10_000 }).toBe(true);
    expect(await core.dispatch('who', {})).toEqual(CORE_STOPPED);
  });

  it('lets the old core finish what it took during a restart and gives newer calls to the new one', async () => {
    const core = client();
    const before = await threadOf(core);
    const inFlight = core.dispatch('slow', {});
    const restarted = core.restart();
    const during = core.dispatch('who', {});
    expect(await inFlight).toEqual({ ok: true, value: { threadId: before } });
    const answered = await during;
    expect(answered.ok).toBe(true);
    expect((answered as { value: { threadId: number } }).value.threadId).not.toBe(before);
    await restarted;
  });

  it('answers the worker\'s host call for a letter with the shell\'s renderer', async () => {
    const rendered: string[] = [];
    const core = client({ render: async (html) => (rendered.push(html), Buffer.from('%PDF-1.4 twelve')) });
    expect(await core.dispatch('pdf', { html: '<p>Tilbud</p>' })).toEqual({ ok: true, value: { bytes: 15 } });
    expect(rendered).toEqual(['<p>Tilbud</p>']);
  });

  it('passes a failing host call back to the worker as a failure, not a hang', async () => {
    const core = client({ render: async () => { throw new Error('printToPDF failed'); } });
    expect(await core.dispatch('pdf', { html: '<p/>' })).toEqual({ ok: true, value: { failed: 'printToPDF failed' } });
  });
});
