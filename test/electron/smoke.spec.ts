// Runs the real Electron app, where the Electron binary exists (`npm run test:electron` on a developer's
// machine; it cannot be downloaded on our build machines, so `npm test` does not include it): the window opens
// on the queue, in Norwegian, with the preload's API and nothing more.
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

test('the desktop app opens on the queue with only the contract exposed', async () => {
  const userData = mkdtempSync(path.join(tmpdir(), 'desk-electron-'));
  const app = await electron.launch({
    args: [path.resolve(__dirname, '../..'), `--user-data-dir=${userData}`],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1, name: 'Arbeidskø' })).toBeVisible({ timeout: 60_000 });
    const exposed = await window.evaluate(() => ({
      api: Object.keys((window as unknown as { api: object }).api).sort(),
      node: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed.node).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.api).toContain('queue.list');
    expect(exposed.api).not.toContain('invoke');
  } finally {
    await app.close();
  }
});
