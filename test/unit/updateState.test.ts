// The update view's rules and the kept channel, without Electron (the feed itself: test/integration/updateFeed.test.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_FILE, fileChannelStore } from '../../electron/main/updates/channelStore';
import { applyChannel, initialUpdateView, nextUpdateView } from '../../electron/main/updates/updateState';
import { UPDATE_IPC } from '../../shared/contract/updates';

describe('the bridge', () => {
  it('uses in the preload (which imports nothing to share them) the IPC channels main answers on', () => {
    const preload = readFileSync(path.resolve(__dirname, '../../electron/preload/index.ts'), 'utf8');
    const spelt = [...preload.matchAll(/'(updates\.[a-zA-Z]+)'/g)].map((match) => match[1]);
    expect(new Set(spelt)).toEqual(new Set(Object.values(UPDATE_IPC)));
  });
});

describe('the update view', () => {
  const downloaded = { phase: 'downloaded', channel: 'stable', version: '1.2.0' } as const;

  it('keeps a downloaded version whatever a later check or its failure says', () => {
    expect(nextUpdateView(downloaded, { type: 'checking-for-update' })).toEqual(downloaded);
    expect(nextUpdateView(downloaded, { type: 'error' })).toEqual(downloaded);
    expect(nextUpdateView(downloaded, { type: 'update-not-available' })).toEqual(downloaded);
    expect(nextUpdateView(downloaded, { type: 'update-downloaded', version: '1.3.0' })).toEqual({ ...downloaded, version: '1.3.0' });
  });

  it('goes quietly idle after an error in a check or a download', () => {
    const downloading = nextUpdateView(initialUpdateView(true, 'beta'), { type: 'update-available', version: '1.3.0-beta.1' });
    expect(downloading).toEqual({ phase: 'downloading', channel: 'beta', version: '1.3.0-beta.1' });
    expect(nextUpdateView(downloading, { type: 'error' })).toEqual({ phase: 'idle', channel: 'beta', version: null });
  });

  it('stays inactive where updates do not run, whatever arrives', () => {
    const inactive = initialUpdateView(false, 'stable');
    expect(inactive.phase).toBe('inactive');
    expect(nextUpdateView(inactive, { type: 'update-downloaded', version: '9.0.0' })).toEqual(inactive);
  });
});

describe('the channel', () => {
  it('maps stable to latest.yml and beta to beta.yml, and never allows a downgrade', () => {
    const target = { channel: null as string | null, allowPrerelease: false, allowDowngrade: true };
    applyChannel(target, 'beta');
    expect(target).toEqual({ channel: 'beta', allowPrerelease: true, allowDowngrade: false });
    applyChannel(target, 'stable');
    expect(target).toEqual({ channel: 'latest', allowPrerelease: false, allowDowngrade: false });
  });

  const folders: string[] = [];
  const folder = () => {
    const made = mkdtempSync(path.join(os.tmpdir(), 'desk-channel-'));
    folders.push(made);
    return made;
  };
  afterEach(() => {
    for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
  });

  it('is kept in the settings folder and read back', () => {
    const dir = folder();
    const store = fileChannelStore(dir);
    expect(store.load()).toBe('stable');
    store.save('beta');
    expect(fileChannelStore(dir).load()).toBe('beta');
  });

  it('reads a damaged or unknown file as stable, and refuses to keep an unknown channel', () => {
    const dir = folder();
    writeFileSync(path.join(dir, CHANNEL_FILE), '{"channel":');
    expect(fileChannelStore(dir).load()).toBe('stable');
    writeFileSync(path.join(dir, CHANNEL_FILE), '{"channel":"nightly"}');
    expect(fileChannelStore(dir).load()).toBe('stable');
    expect(() => fileChannelStore(dir).save('nightly' as 'beta')).toThrow(/nightly/);
  });
});
