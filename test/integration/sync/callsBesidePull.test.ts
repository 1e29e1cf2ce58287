// A pull holds the sync engine's lock for as long as it runs (a company's first download: minutes), and what writes
// the rows it writes waits for it (Fetch next, a closed case's detail, renewing claims). What writes none of them —
// a file's content, the portal's lists and a supervisor's decisions — goes at once, beside it
// (SyncEngine.alongside). Proved with a real pull held mid-way (its request to the service delayed until released),
// through a real service into a real cache.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PortalFirmsView, SupportRequestsView } from '../../../shared/contract';
import { portalPlugin } from '../../../service/portal';
import { ServiceConnection } from '../../../core/service/serviceConnection';
import { ok } from '../../support/apiResult';
import { useCentralDatabase } from '../../support/centralDatabase';
import { startService, type RunningService } from '../../support/serviceInstances';
import { eventually } from '../../support/syncClients';
import { PORTAL_URL } from '../portal/portalFixture';

let service: RunningService;
const central = useCentralDatabase('sync_beside_pull', {
  seedCases: 30,
  async setup({ db }) {
    service = await startService(db, { plugins: [portalPlugin({ portalUrl: PORTAL_URL })] });
  },
});

afterEach(() => vi.restoreAllMocks());

/** Holds every pull asked for from now on until `release()`; `asked` counts those held. */
function holdPulls() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const state = { asked: 0, release };
  const { pull } = Object.getOwnPropertyDescriptors(ServiceConnection.prototype);
  vi.spyOn(ServiceConnection.prototype, 'pull').mockImplementation(async function (this: ServiceConnection, ...args) {
    state.asked++;
    await released;
    return (pull.value as ServiceConnection['pull']).apply(this, args);
  });
  return state;
}

/** The call's answer, or a failure naming it if it is still waiting after a few seconds (behind the pull). */
function soon<T>(call: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} waited for the pull`)), 5_000)));
  return Promise.race([call, late]).finally(() => clearTimeout(timer));
}

describe('while a pull runs', () => {
  it("a file's content and the portal's screens come at once; what writes the pull's rows waits for it", async () => {
    const sara = await central.startClient('sara', 'supervisor', { pollIntervalMs: 60_000 }, {
      login: await central.db.createLogin('sara', 'supervisor'),
      directory: mkdtempSync(path.join(tmpdir(), 'desk-beside-pull-')),
      service,
    });
    const engine = sara.core.central!.engine;
    await engine.whenIdle();
    const cache = sara.core.database.sqlite;
    // A file the first download listed and whose content only the service has: fetched the first time it is opened.
    const file = cache.prepare('SELECT id, sha256 FROM attachments WHERE id > 0 ORDER BY id LIMIT 1').get() as { id: number; sha256: string };
    const stored = path.join(sara.directory, 'attachments', file.sha256);
    expect(existsSync(stored)).toBe(false);

    // Another desk's change arrives; the pull that brings it is held on its way to the service.
    const held = holdPulls();
    await central.admin.query('UPDATE cases SET main_fuse_a = main_fuse_a WHERE id = 1');
    engine.nudge();
    await eventually(() => held.asked > 0, 5_000, 'the pull to start');
    let exclusiveDone = false;
    const exclusive = engine.online(async () => (exclusiveDone = true));
    exclusive.catch(() => undefined); // awaited below; cut off only if the test fails before

    try {
      ok(await soon(sara.core.dispatch('attachment.open', { attachmentId: file.id }), 'opening a file'));
      expect(existsSync(stored)).toBe(true);
      const firms = ok<PortalFirmsView>(await soon(sara.core.dispatch('portalFirm.list', {}), 'the firms'));
      expect(firms.applied).toEqual([]);
      const requests = ok<SupportRequestsView>(await soon(sara.core.dispatch('supportRequest.list', {}), 'the support requests'));
      expect(requests.open).toEqual([]);
      // The pull still runs, and still holds what must wait for it.
      expect(exclusiveDone).toBe(false);
    } finally {
      held.release();
    }
    await exclusive;
    expect(exclusiveDone).toBe(true);
    await engine.whenIdle();
  });
});
