// A link that stalls silently (connections stay open, nothing gets through) must not leave a desk believing it is
// connected: the live socket's watchdog (stallMs) hears no heartbeat, takes the desk offline, and changes made
// meanwhile wait in the outbox until the link forwards again. Proved here with a short stallMs; the default is
// checked to stay within 30 s (three of the service's 10-second beats).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../core/createCore';
import { ServiceConnection, type LiveOptions } from '../../../core/service/serviceConnection';
import { ServiceUnreachable } from '../../../core/service/serviceHttp';
import { MIGRATIONS_FOLDER } from '../../../harness/harnessCore';
import { ok } from '../../support/apiResult';
import { useCentralDatabase } from '../../support/centralDatabase';
import { startService, type RunningService } from '../../support/serviceInstances';
import { differencesFromCentral, eventually } from '../../support/syncClients';
import { startTcpProxy, type TcpProxy } from '../../support/tcpProxy';

const STALL_MS = 1_500;

let service: RunningService;
let proxy: TcpProxy;
const central = useCentralDatabase('sync_stall', {
  seedCases: 20,
  async setup({ db }) {
    // Beats well within the desk's stall limit, as the defaults are (10 s against 30 s).
    service = await startService(db, { heartbeatMs: 250 });
    proxy = await startTcpProxy('127.0.0.1', Number(new URL(service.url).port));
  },
});

afterAll(async () => {
  await proxy?.close();
});

describe('a link that stalls without closing', () => {
  it('takes the desk offline within stallMs; changes made meanwhile stay pending and land once it forwards again', async () => {
    const anne = await central.startClient('anne', 'case_handler', { stallMs: STALL_MS, callTimeoutMs: 3_000, pollIntervalMs: 60_000 }, {
      login: await central.db.createLogin('anne', 'case_handler'),
      directory: mkdtempSync(path.join(tmpdir(), 'desk-stall-anne-')),
      url: (target) => proxy.urlFor(target),
      service,
    });
    const engine = anne.core.central!.engine;
    await engine.whenIdle();
    expect(engine.status().state).toBe('connected');
    // Quiet for longer than the stall limit: the heartbeats keep the connection alive.
    await new Promise((resolve) => setTimeout(resolve, STALL_MS * 2));
    expect(engine.status().state).toBe('connected');

    proxy.stall();
    const stalledAt = Date.now();
    // The watchdog drops the connection after stallMs of silence, and the desk says at once that it is offline (not
    // "connecting" for as long as a reconnect through the stalled link takes to fail).
    await eventually(() => engine.status().state !== 'connected', STALL_MS * 3, 'the desk to notice the stall');
    const noticedAfter = Date.now() - stalledAt;
    expect(noticedAfter).toBeGreaterThanOrEqual(STALL_MS - 300);
    expect(noticedAfter).toBeLessThan(STALL_MS * 2);
    expect(engine.status()).toMatchObject({ state: 'offline', reason: 'timeout' });
    await new Promise((resolve) => setTimeout(resolve, STALL_MS));
    expect(engine.status().state).toBe('offline');
    console.log(`stall: offline after ${noticedAfter} ms`);

    const body = 'Skrevet mens linjen sto stille.';
    ok(await anne.core.dispatch('case.addNote', { caseId: 4, body }));
    await new Promise((resolve) => setTimeout(resolve, STALL_MS));
    expect(engine.pendingCount()).toBe(1);
    expect(engine.status().state).not.toBe('connected');
    const notes = async () => Number((await central.admin.query('SELECT count(*) AS n FROM notes WHERE body = $1', [body])).rows[0].n);
    expect(await notes()).toBe(0);

    proxy.restore();
    await eventually(() => engine.pendingCount() === 0 && engine.status().state === 'connected', 20_000, 'the note to land');
    expect(await notes()).toBe(1);
    await engine.whenIdle();
    expect(await differencesFromCentral(anne.core, central.db.adminUrl)).toEqual([]);
  });
});

describe("the engine's defaults", () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'desk-stall-defaults-'));
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('take a silent live socket as stalled within 30 s unless told otherwise', async () => {
    const asked: LiveOptions[] = [];
    vi.spyOn(ServiceConnection.prototype, 'openLive').mockImplementation(async (_notice, _lost, options) => {
      asked.push(options);
      throw new ServiceUnreachable('unreachable', 'not in this test');
    });
    const core = createCore({
      databaseFile: path.join(directory, 'cache.sqlite'),
      migrationsFolder: MIGRATIONS_FOLDER,
      attachmentsDirectory: path.join(directory, 'attachments'),
      host: { openFile: async () => {} },
      central: { service: { url: 'http://127.0.0.1:1' }, token: 'unused', userId: 'nobody' },
    });
    try {
      await eventually(() => asked.length > 0, 5_000, 'the engine to open its live socket');
    } finally {
      await core.close();
    }
    expect(asked[0].stallMs).toBeGreaterThan(0);
    expect(asked[0].stallMs).toBeLessThanOrEqual(30_000);
  });
});
