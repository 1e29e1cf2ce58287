// The packaging config as electron-builder itself reads it (its own validateConfiguration, against its
// scheme.json), what goes into the package, and the fuses the afterPack hook sets. Nothing here needs the
// Electron binary, which cannot be downloaded where these tests run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration, FileSet } from 'app-builder-lib';

const require = createRequire(import.meta.url);
/** The glob matcher electron-builder itself uses for `files` and `asarUnpack`. */
const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))('minimatch') as {
  minimatch: (file: string, glob: string, options: { dot: boolean }) => boolean;
};
const root = path.resolve(__dirname, '../..');
const CONFIG = path.join(root, 'electron-builder.config.cjs');

/** The config as `npm run dist` would load it, with DESK_UPDATE_URL as given. */
function loadConfig(feedUrl: string | undefined): Configuration {
  const previous = process.env.DESK_UPDATE_URL;
  if (feedUrl === undefined) delete process.env.DESK_UPDATE_URL;
  else process.env.DESK_UPDATE_URL = feedUrl;
  try {
    delete require.cache[require.resolve(CONFIG)];
    return require(CONFIG) as Configuration;
  } finally {
    if (previous === undefined) delete process.env.DESK_UPDATE_URL;
    else process.env.DESK_UPDATE_URL = previous;
  }
}

const validate = (config: Configuration) => validateConfiguration(config, new DebugLogger(false));

function patterns(config: Configuration): { globs: string[]; fileSets: FileSet[] } {
  const files = (config.files ?? []) as Array<string | FileSet>;
  return {
    globs: files.filter((entry): entry is string => typeof entry === 'string'),
    fileSets: files.filter((entry): entry is FileSet => typeof entry !== 'string'),
  };
}

/** Whether the top-level `files` globs take this path (electron-builder's rule: last match wins, `!` excludes). */
function packaged(config: Configuration, file: string): boolean {
  let taken = false;
  for (const glob of patterns(config).globs) {
    if (glob.startsWith('!')) {
      if (minimatch(file, glob.slice(1), { dot: true })) taken = false;
    } else if (minimatch(file, glob, { dot: true })) {
      taken = true;
    }
  }
  return taken;
}

// Loading and compiling electron-builder's schema takes seconds on a busy machine.
describe('electron-builder config', { timeout: 30_000 }, () => {
  it('passes electron-builder’s own validation, with and without the company’s feed', async () => {
    await expect(validate(loadConfig(undefined))).resolves.toBeUndefined();
    await expect(validate(loadConfig('https://oppdatering.nettselskap.example/desk'))).resolves.toBeUndefined();
  });

  it('is refused by that validation when an option is misspelt (the check is real)', async () => {
    const config = loadConfig(undefined);
    await expect(validate({ ...config, nsis: { ...config.nsis, oneClik: false } as Configuration['nsis'] })).rejects.toThrow(/configuration\.nsis/);
    await expect(validate({ ...config, asarUnpak: ['x'] } as Configuration)).rejects.toThrow(/asarUnpak/);
  });

  it('publishes to the generic feed named at build time, leaving the channel to the version', () => {
    expect(loadConfig(undefined).publish).toBeNull();
    expect(loadConfig('https://oppdatering.nettselskap.example/desk').publish).toEqual([
      { provider: 'generic', url: 'https://oppdatering.nettselskap.example/desk' },
    ]);
    expect(loadConfig(undefined).generateUpdatesFilesForAllChannels).toBe(true);
  });

  it('builds NSIS for Windows and deb and AppImage for Linux', () => {
    const config = loadConfig(undefined);
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux?.target).toEqual(['deb', 'AppImage']);
  });

  it('packages what the app runs and nothing of the tests, the harness or the portal', () => {
    const config = loadConfig(undefined);
    for (const file of ['package.json', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html',
      'db/local/migrations/0000_init.sql', 'resources/letterhead/logo.svg']) {
      expect(packaged(config, file), file).toBe(true);
    }
    for (const file of ['harness/harnessCore.ts', 'test/e2e/case.spec.ts', 'playwright.config.ts', 'electron/main/index.ts',
      'renderer/src/main.tsx', 'service/main.ts', 'out/portal/index.html', 'db/local/schema.ts', 'scripts/start.mjs',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node']) {
      expect(packaged(config, file), file).toBe(false);
    }
  });

  it('ships the Electron build of better-sqlite3 unpacked, where electronNativeBinding() looks for it', () => {
    const config = loadConfig(undefined);
    const native = 'node_modules/.electron-native/better-sqlite3/build/Release/better_sqlite3.node';
    const [fileSet] = patterns(config).fileSets;
    expect(fileSet).toBeDefined();
    expect(path.posix.join(fileSet.to!, 'better_sqlite3.node')).toBe(native);
    expect(path.posix.join(fileSet.from!, 'better_sqlite3.node')).toBe(native);
    const unpack = ([] as string[]).concat(config.asarUnpack ?? []);
    expect(unpack.some((glob) => minimatch(native, glob, { dot: true }))).toBe(true);
    expect(config.npmRebuild).toBe(false);
    // The main process's lookup, relative to the app's root (app.getAppPath() is app.asar when packaged).
    expect(readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8')).toContain(`'${native}'`);
  });
});

describe('Electron fuses', () => {
  const fuseList = () => import(path.join(root, 'build/electronFuses.mjs')) as Promise<{ DESK_FUSES: Record<string, boolean> }>;
  const hook = () => import(path.join(root, 'build/afterPack.mjs')) as Promise<{ deskFuseConfig: () => Record<string, unknown> }>;

  it('turns off Node in the shipped app and requires the app from an intact asar', async () => {
    const { DESK_FUSES } = await fuseList();
    expect(DESK_FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
    });
  });

  it('becomes the @electron/fuses config the afterPack hook flips, fuse by fuse', async () => {
    const config = (await hook()).deskFuseConfig();
    expect(config.version).toBe(FuseVersion.V1);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });

  it('is the hook the builder config runs', () => {
    expect(loadConfig(undefined).afterPack).toBe('./build/afterPack.mjs');
  });
});
