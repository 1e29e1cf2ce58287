// After `npm install`: give Electron its own build of better-sqlite3 (Electron's ABI differs from Node's),
// leaving the Node build in node_modules for tests, scripts and the browser harness. Skips cleanly where
// the Electron binary is absent (CI and build machines that cannot download it).
import { existsSync, mkdirSync, cpSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const target = path.join(root, 'node_modules', '.electron-native', 'better-sqlite3');

// npm 11 runs no dependency install scripts unless allowed; Electron's is not, so that a machine without
// access to Electron's download host still installs. Try the download here and carry on without it.
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
  try {
    const installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
    execFileSync(process.execPath, [installer], { stdio: 'inherit', timeout: 120_000 });
  } catch {
    console.log('[electron-native] the Electron binary could not be downloaded: `npm start` will use the browser harness.');
  }
}

let electronBinary;
let electronVersion = null;
try {
  electronBinary = require('electron'); // the package's index returns the binary path, throws if not downloaded
  electronVersion = require('electron/package.json').version;
} catch {
  electronBinary = null;
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || !electronBinary || !existsSync(electronBinary)) {
  console.log('[electron-native] no Electron binary here: skipping the Electron build of better-sqlite3.');
  process.exit(0);
}

const source = path.dirname(require.resolve('better-sqlite3/package.json'));
mkdirSync(path.dirname(target), { recursive: true });
cpSync(source, target, { recursive: true });
const run = (cmd, args) => execFileSync(cmd, args, { cwd: target, stdio: 'inherit', shell: process.platform === 'win32' });
try {
  run('npx', ['--no-install', 'prebuild-install', '--runtime', 'electron', '--target', electronVersion]);
} catch {
  run('npx', ['--yes', 'node-gyp', 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`,
    '--dist-url=https://electronjs.org/headers']);
}
console.log(`[electron-native] better-sqlite3 built for Electron ${electronVersion} in ${target}`);
