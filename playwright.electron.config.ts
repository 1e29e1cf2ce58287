import { defineConfig } from '@playwright/test';

/** The Electron smoke test: only where the Electron binary is installed (see test/electron/smoke.spec.ts). */
export default defineConfig({
  testDir: 'test/electron',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
});
