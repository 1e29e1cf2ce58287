// `npm start`: the desktop app in Electron where its binary is installed; where it is not (build and CI
// machines that cannot download it), the same app in your browser through the loopback harness.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);
let electronBinary;
try {
  electronBinary = require('electron');
} catch {
  electronBinary = null;
}
const hasElectron = typeof electronBinary === 'string' && existsSync(electronBinary);
const [command, args] = hasElectron
  ? ['npx', ['--no-install', 'electron-vite', 'preview']]
  : ['npm', ['run', 'dev:browser']];
if (!hasElectron) {
  console.log('No Electron binary on this machine: starting the app in the browser harness instead.');
}
const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
child.on('exit', (code) => process.exit(code ?? 0));
