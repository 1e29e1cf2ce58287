// The update logic against a local feed: electron-updater's own NSIS updater and generic provider, reading
// app-update.yml as the packaged desk does, a local HTTP server holding latest.yml, beta.yml and the installers,
// and our channel rule (applyChannel) and view (nextUpdateView) around it. Only Electron's app object (an
// AppAdapter) and its network stack (Node's HTTP instead) are stand-ins: the Electron binary is not here.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHttpExecutor } from 'builder-util';
import { configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime';
import { NsisUpdater, type AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import type { UpdateChannel, UpdateView } from '../../shared/contract/updates';
import { applyChannel, initialUpdateView, nextUpdateView, type UpdaterEvent } from '../../electron/main/updates/updateState';

interface Release {
  version: string;
  installer: string;
  bytes: Buffer;
}

const stable: Release = { version: '0.2.0', installer: 'Saksbehandlerpulten-0.2.0-setup.exe', bytes: Buffer.from('stable installer 0.2.0') };
const beta: Release = { version: '0.3.0-beta.1', installer: 'Saksbehandlerpulten-0.3.0-beta.1-setup.exe', bytes: Buffer.from('beta installer 0.3.0-beta.1') };

/** A channel file as electron-builder writes it. */
function channelFile(release: Release): string {
  const sha512 = createHash('sha512').update(release.bytes).digest('base64');
  return [
    `version: ${release.version}`,
    'files:',
    `  - url: ${release.installer}`,
    `    sha512: ${sha512}`,
    `    size: ${release.bytes.length}`,
    `path: ${release.installer}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-01T08:00:00.000Z'",
    '',
  ].join('\n');
}

/** Node's HTTP with the download() that electron-updater's Electron executor adds (same steps, Node's stack). */
class NodeDownloadExecutor extends NodeHttpExecutor {
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers ?? undefined, redirect: 'manual' };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(requestOptions, {
        destination,
        options,
        onCancel,
        callback: (error) => (error == null ? resolve(destination) : reject(error)),
        responseHandler: null,
      }, 0);
    });
  }
}

let server: http.Server;
let feedUrl: string;
const requested: string[] = [];
const folders: string[] = [];

beforeAll(async () => {
  const files = new Map<string, Buffer | string>([
    ['/desk/latest.yml', channelFile(stable)],
    ['/desk/beta.yml', channelFile(beta)],
    [`/desk/${stable.installer}`, stable.bytes],
    [`/desk/${beta.installer}`, beta.bytes],
  ]);
  server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://feed').pathname;
    requested.push(pathname);
    const body = files.get(pathname);
    if (body === undefined) {
      res.statusCode = 404;
      return res.end();
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/desk`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** An installed desk at `version`: its app-update.yml (as electron-builder writes it) names the local feed. */
function installedDesk(version: string, channel: UpdateChannel): { updater: AppUpdater; views: UpdateView[] } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'desk-update-'));
  folders.push(folder);
  const appUpdateConfigPath = path.join(folder, 'app-update.yml');
  writeFileSync(appUpdateConfigPath, `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: saksbehandlerpulten-updater\n`);
  const app: AppAdapter = {
    version,
    name: 'Saksbehandlerpulten',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: path.join(folder, 'user-data'),
    baseCachePath: path.join(folder, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const updater = new NsisUpdater(null, app);
  // Electron's net module is not here; Node's HTTP fetches the same URLs.
  (updater as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeDownloadExecutor();
  // The channel file names of Windows (latest.yml, not latest-linux.yml) on any test machine; no blockmaps.
  (updater as unknown as { _testOnlyOptions: unknown })._testOnlyOptions = { platform: 'win32', isUseDifferentialDownload: false };
  updater.logger = null;
  applyChannel(updater, channel);
  // The view as updater.ts keeps it, from the same events.
  const views: UpdateView[] = [initialUpdateView(true, channel)];
  const on = (event: UpdaterEvent) => views.push(nextUpdateView(views.at(-1)!, event));
  updater.on('checking-for-update', () => on({ type: 'checking-for-update' }));
  updater.on('update-available', (info: { version: string }) => on({ type: 'update-available', version: info.version }));
  updater.on('update-not-available', () => on({ type: 'update-not-available' }));
  updater.on('update-downloaded', (info: { version: string }) => on({ type: 'update-downloaded', version: info.version }));
  updater.on('error', () => on({ type: 'error' }));
  return { updater, views };
}

describe('updates from a generic feed', () => {
  it('on stable, finds the newer release in latest.yml, downloads its installer and says so', async () => {
    const { updater, views } = installedDesk('0.1.0', 'stable');
    requested.length = 0;
    const result = await updater.checkForUpdates();
    expect(result?.isUpdateAvailable).toBe(true);
    expect(result?.updateInfo.version).toBe('0.2.0');
    const [downloaded] = (await result?.downloadPromise) ?? [];
    expect(readFileSync(downloaded)).toEqual(stable.bytes);
    expect(requested).toContain('/desk/latest.yml');
    expect(requested).toContain(`/desk/${stable.installer}`);
    expect(requested).not.toContain('/desk/beta.yml');
    expect(views.at(-1)).toEqual({ phase: 'downloaded', channel: 'stable', version: '0.2.0' });
    expect(views.map((view) => view.phase)).toEqual(['idle', 'checking', 'downloading', 'downloaded']);
  });

  it('on beta, reads beta.yml and takes the pre-release and its own installer', async () => {
    const { updater, views } = installedDesk('0.1.0', 'beta');
    requested.length = 0;
    const result = await updater.checkForUpdates();
    expect(result?.updateInfo.version).toBe('0.3.0-beta.1');
    const [downloaded] = (await result?.downloadPromise) ?? [];
    expect(readFileSync(downloaded)).toEqual(beta.bytes);
    expect(requested).toContain('/desk/beta.yml');
    expect(requested).toContain(`/desk/${beta.installer}`);
    expect(requested).not.toContain('/desk/latest.yml');
    expect(views.at(-1)).toEqual({ phase: 'downloaded', channel: 'beta', version: '0.3.0-beta.1' });
  });

  it('back on stable from a newer beta, keeps the beta rather than installing an older release', async () => {
    const { updater, views } = installedDesk('0.3.0-beta.1', 'stable');
    const result = await updater.checkForUpdates();
    expect(result?.updateInfo.version).toBe('0.2.0');
    expect(result?.isUpdateAvailable).toBe(false);
    expect(views.at(-1)).toEqual({ phase: 'idle', channel: 'stable', version: null });
  });

  it('already current: nothing to download, the view stays idle', async () => {
    const { updater, views } = installedDesk('0.2.0', 'stable');
    requested.length = 0;
    const result = await updater.checkForUpdates();
    expect(result?.isUpdateAvailable).toBe(false);
    expect(requested).toEqual(['/desk/latest.yml']);
    expect(views.at(-1)?.phase).toBe('idle');
  });
});
