// electron-builder run for real with the desk's config, on a small stand-in project (a few built files, a
// migration, a resource, a test and the portal that must stay out, better-sqlite3's Node build and the Electron
// build beside it) and a stand-in Electron (a file carrying Electron's fuse wire, since the real binary cannot be
// downloaded here). Then the package is read back: what is in app.asar, what is unpacked, which fuses are set.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform, type Configuration } from 'electron-builder';

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '../..');

const NATIVE = 'node_modules/.electron-native/better-sqlite3/build/Release/better_sqlite3.node';
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 40's wire as shipped, by FuseV1Options index: '1' on, '0' off. */
const SHIPPED_WIRE = '101100011';

let folder: string;
let appOutDir: string;

function write(file: string, content: string | Buffer, mode?: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content, { mode });
}

/** The config as `npm run dist` loads it, built without a feed. */
function deskConfig(): Configuration {
  const previous = process.env.DESK_UPDATE_URL;
  delete process.env.DESK_UPDATE_URL;
  try {
    delete require.cache[require.resolve(path.join(root, 'electron-builder.config.cjs'))];
    return require(path.join(root, 'electron-builder.config.cjs')) as Configuration;
  } finally {
    if (previous !== undefined) process.env.DESK_UPDATE_URL = previous;
  }
}

/** A stand-in project and Electron under `name`, packaged with the desk's config; returns the unpacked app's folder. */
async function pack(name: string, options: { electronNative: boolean }): Promise<string> {
  const base = path.join(folder, name);
  const project = path.join(base, 'project');
  const files: Record<string, string> = {
    'package.json': JSON.stringify({
      name: 'nettmelding-desk', productName: 'Saksbehandlerpulten', version: '0.1.0', description: 'The desk',
      author: 'The grid company', main: 'out/main/index.js', dependencies: { 'better-sqlite3': '12.11.1' },
    }),
    'out/main/index.js': 'require("better-sqlite3");\n',
    'out/preload/index.js': '// preload\n',
    'out/renderer/index.html': '<!doctype html>\n',
    'out/portal/index.html': '<!doctype html>\n',
    'db/local/migrations/0000_init.sql': 'CREATE TABLE cases (id TEXT);\n',
    'resources/rules/completeness.json': '{}\n',
    'test/e2e/queue.spec.ts': '// a test\n',
    'playwright.config.ts': '// playwright\n',
    'node_modules/better-sqlite3/package.json': JSON.stringify({ name: 'better-sqlite3', version: '12.11.1', main: 'lib/index.js' }),
    'node_modules/better-sqlite3/lib/index.js': 'module.exports = {};\n',
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node': 'node abi build',
    'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c': '/* sqlite */\n',
  };
  if (options.electronNative) files[NATIVE] = 'electron abi build';
  for (const [file, content] of Object.entries(files)) write(path.join(project, file), content);
  const electronDist = path.join(base, 'electron');
  write(path.join(electronDist, 'electron'), Buffer.concat([
    Buffer.alloc(256), Buffer.from(FUSE_SENTINEL), Buffer.from([1, SHIPPED_WIRE.length]), Buffer.from(SHIPPED_WIRE), Buffer.alloc(256),
  ]), 0o755);
  write(path.join(electronDist, 'LICENSE'), 'MIT');
  write(path.join(electronDist, 'version'), '40.8.5');
  const config = deskConfig();
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget(['dir'], Arch.x64),
    publish: 'never',
    config: {
      ...config,
      electronVersion: '40.8.5',
      electronDist,
      // The same hook, by absolute path: electron-builder resolves './build/…' from the project, here a stand-in.
      afterPack: path.join(root, 'build/afterPack.mjs'),
      directories: { ...config.directories, output: path.join(base, 'dist') },
    },
  });
  return path.join(base, 'dist/linux-unpacked');
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'desk-package-'));
  appOutDir = await pack('complete', { electronNative: true });
}, 120_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the packaged desk', () => {
  it('holds what the app runs and nothing else: no tests, no Playwright, no portal, no Node build of the driver', () => {
    const packaged = listPackage(path.join(appOutDir, 'resources/app.asar'), { isPack: false })
      .map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''))
      .filter((entry) => path.extname(entry) !== '');
    expect(packaged.sort()).toEqual([
      'db/local/migrations/0000_init.sql',
      'node_modules/.electron-native/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/better-sqlite3/lib/index.js',
      'node_modules/better-sqlite3/package.json',
      'out/main/index.js',
      'out/preload/index.js',
      'out/renderer/index.html',
      'package.json',
      'resources/rules/completeness.json',
    ]);
  });

  it('has the Electron build of better-sqlite3 unpacked from the asar, where electronNativeBinding() looks', () => {
    expect(readFileSync(path.join(appOutDir, 'resources/app.asar.unpacked', NATIVE), 'utf8')).toBe('electron abi build');
  });

  it('has its fuses set by the afterPack hook, and the rest as Electron ships them', async () => {
    const { DESK_FUSES } = (await import(path.join(root, 'build/electronFuses.mjs'))) as { DESK_FUSES: Record<string, boolean> };
    const wire = await getCurrentFuseWire(path.join(appOutDir, 'saksbehandlerpulten'));
    for (const [name, on] of Object.entries(DESK_FUSES)) {
      const index = FuseV1Options[name as keyof typeof FuseV1Options];
      expect(wire[index], name).toBe(on ? FuseState.ENABLE : FuseState.DISABLE);
    }
    // GrantFileProtocolExtraPrivileges stays on: the renderer is a file: URL.
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.ENABLE);
  });

  it('is refused when the Electron build of better-sqlite3 was never made, saying what to do', async () => {
    await expect(pack('without-driver', { electronNative: false })).rejects.toThrow(/Electron build of better-sqlite3 is missing.*npm install/s);
  }, 120_000);
});
