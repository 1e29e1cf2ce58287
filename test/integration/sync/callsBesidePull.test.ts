// A pull holds the sync engine's lock for as long as it runs (a company's first download: minutes). What writes none
// of the rows it writes — a file's content, the portal's lists and a supervisor's decisions — goes at once, beside it
// (SyncEngine.alongside). What writes them (Fetch next, a closed case's detail, renewing claims) waits, but a long
// pull makes room for it between two pages and then goes on where it stopped (pullChanges' yieldTo). Proved with real
// pulls whose requests to the service are held until the test lets them through, through a real service into a real
// cache.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { portalPlugin } from '../../../service/portal';
import { ServiceConnection } from '../../../core/service/serviceConnection';
import { readSyncState } from '../../../core/sync/syncState';
import type { CaseDetail, FetchNextResult, PortalFirmsView, SupportRequestsView } from '../../../shared/contract';
import { ok } from '../../support/apiResult';
import { useCentralDatabase } from '../../support/centralDatabase';
import { startService, type RunningService } from '../../support/serviceInstances';
import { differencesFromCentral, eventually } from '../../support/syncClients';
import { PORTAL_URL } from '../portal/portalFixture';

let service: RunningService;
const central = useCentralDatabase('sync_beside_pull', {
  seedCases: 30,
  async setup({ db }) {
    service = await startService(db, { plugins: [portalPlugin({ portalUrl: PORTAL_URL })] });
  },
});

afterEach(() => vi.restoreAllMocks());

const pullOf = Object.getOwnPropertyDescriptors(ServiceConnection.prototype).pull.value as ServiceConnection['pull'];

/**
 * From now on every page a pull asks for (not the count beside it) waits at a gate until the test lets it through:
 * one at a time (`admitOne`), or all from then on (`open`).
 */
function gatePulls() {
  const held: Array<() => void> = [];
  let opened = false;
  vi.spyOn(ServiceConnection.prototype, 'pull').mockImplementation(async function (this: ServiceConnection, query, onSent) {
    if (!opened && !query.count) await new Promise<void>((resolve) => held.push(resolve));
    return pullOf.call(this, query, onSent);
  });
  return {
    get waiting() {
      return held.length;
    },
    admitOne: () => held.shift()?.(),
    open() {
      opened = true;
      held.splice(0).forEach((admit) => admit());
    },
  };
}

type Gate = ReturnType<typeof gatePulls>;

/**
 * Lets a pull's pages through one at a time until `done` holds (calling `after` after each), and fails naming `what`
 * if it takes more than `most`.
 */
async function admitUntil(gate: Gate, done: () => boolean, most: number, what: string, after: () => void = () => undefined) {
  for (let admitted = 0; !done(); admitted++) {
    if (admitted === most) throw new Error(`${what} took more than ${most} pages`);
    await eventually(() => done() || gate.waiting > 0, 5_000, 'the next page to be asked for');
    gate.admitOne();
    await new Promise((resolve) => setTimeout(resolve, 50));
    after();
  }
}

/** Lets `pages` of a pull's pages through, one at a time. */
async function admitPages(gate: Gate, pages: number, after?: () => void) {
  let admitted = 0;
  await admitUntil(gate, () => admitted === pages, pages, 'admitting', () => {
    admitted++;
    after?.();
  });
}

/** A new case handler's desk, whose first download (pages of 20 rows) has begun: its first page asked for. */
async function deskDownloading(name: string) {
  const login = await central.db.createLogin(name, 'case_handler');
  const client = await central.startClient(name, 'case_handler', { pollIntervalMs: 60_000, pull: { pageSize: 20 } }, {
    login,
    directory: mkdtempSync(path.join(tmpdir(), 'desk-beside-pull-')),
    service,
  });
  return { login, client, cache: client.core.database.sqlite, engine: client.core.central!.engine };
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
    const gate = gatePulls();
    await central.admin.query('UPDATE cases SET main_fuse_a = main_fuse_a WHERE id = 1');
    engine.nudge();
    await eventually(() => gate.waiting > 0, 5_000, 'the pull to start');
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
      gate.open();
    }
    await exclusive;
    expect(exclusiveDone).toBe(true);
    await engine.whenIdle();
  });

  it('Fetch next during a first download gets its case between two pages, and the download goes on after it', async () => {
    // One case waiting to be fetched: new, complete, nobody's.
    await central.admin.query(`UPDATE cases SET status = 'new', assignee_id = NULL, claimed_by = NULL, complete_at = now()
      WHERE id = (SELECT min(id) FROM cases WHERE status IN ('new', 'in_review'))`);
    const gate = gatePulls();
    const henrik = await deskDownloading('henrik');
    const { cache, engine } = henrik;
    // The progress the desk shows, after each page: it never goes back, the room made for Fetch next included.
    const shown: number[] = [];
    const progressShown = () => {
      const status = engine.status();
      if (status.state === 'syncing') shown.push(status.done);
    };
    try {
      // The first download under way: a few pages in, the next asked for.
      await admitPages(gate, 6, progressShown);
      const fetched: { case: FetchNextResult | null } = { case: null };
      const fetching = henrik.client.core.dispatch('queue.fetchNext', {}).then((result) => (fetched.case = ok<FetchNextResult>(result)));
      // The case comes after the page being asked for now (and the one asked for beside it), not after the
      // download's thirty-odd pages.
      await admitUntil(gate, () => fetched.case !== null, 5, 'Fetch next', progressShown);
      const { caseId } = await fetching;
      // The download has not ended (its position is kept), and the case is here, held by Henrik.
      expect(readSyncState(cache).cursor).toBe(0);
      expect(readSyncState(cache).progress).not.toBeNull();
      expect(cache.prepare('SELECT claimed_by FROM cases WHERE id = ?').pluck().get(caseId)).toBe(henrik.login);
      // The download goes on from where it was, page by page.
      await admitPages(gate, 3, progressShown);
      expect(readSyncState(cache).progress).not.toBeNull();
      expect(shown.length).toBeGreaterThan(6);
      expect(shown).toEqual([...shown].sort((a, b) => a - b));
    } finally {
      gate.open();
    }
    // The download ends level with the service, the case still Henrik's.
    await engine.whenIdle();
    expect(readSyncState(cache).progress).toBeNull();
    expect(await differencesFromCentral(henrik.client.core, central.db.adminUrl)).toEqual([]);
  });

  it('a closed case opened during a first download says its detail is on its way, and gets it between two pages', async () => {
    const gate = gatePulls();
    const { client: olga, cache, engine } = await deskDownloading('olga');
    const marked = () => cache.prepare('SELECT case_id FROM case_detail_on_server ORDER BY case_id').pluck().all() as number[];
    let caseId = 0;
    try {
      // Page by page until a closed case is here: marked with the page that brought it, not at the download's end.
      await admitUntil(gate, () => marked().length > 0, 40, 'a closed case marked');
      caseId = marked()[0];
      expect(readSyncState(cache).progress).not.toBeNull();
      const { rows: [whole] } = await central.admin.query<{ owner_email: string | null; events: string }>(
        "SELECT owner_email, (SELECT count(*) FROM case_events WHERE case_id = $1) AS events FROM cases WHERE id = $1 AND status = 'closed'",
        [caseId]);
      expect(Number(whole.events)).toBeGreaterThan(0);
      const events = () => cache.prepare('SELECT count(*) FROM case_events WHERE case_id = ?').pluck().get(caseId) as number;
      expect(events()).toBe(0);

      const opened = ok<CaseDetail>(await olga.core.dispatch('case.get', { caseId }));
      expect(opened.detailOnServer).toBe('fetching');
      // The detail comes after the page being asked for now (and the one asked for beside it), while the download
      // still runs.
      await admitUntil(gate, () => !marked().includes(caseId), 5, "The closed case's detail");
      expect(readSyncState(cache).progress).not.toBeNull();
      expect(events()).toBe(Number(whole.events));
      expect(cache.prepare('SELECT owner_email FROM cases WHERE id = ?').pluck().get(caseId)).toBe(whole.owner_email);
      expect(ok<CaseDetail>(await olga.core.dispatch('case.get', { caseId })).detailOnServer).toBeNull();
    } finally {
      gate.open();
    }
    // The download ends without marking it again, level with the service.
    await engine.whenIdle();
    expect(readSyncState(cache).progress).toBeNull();
    expect(marked()).not.toContain(caseId);
    expect(marked().length).toBeGreaterThan(0);
    expect(await differencesFromCentral(olga.core, central.db.adminUrl)).toEqual([]);
  });
});
