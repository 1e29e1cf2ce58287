// electron-builder's afterPack hook: refuses a package without the Electron build of better-sqlite3 (the desk
// would start and find no database driver), then sets the desk's Electron fuses (build/electronFuses.mjs) in the
// packaged binary, before electron-builder signs it (flipping fuses changes the binary, so it must come first).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { DESK_FUSES } from './electronFuses.mjs';

/** The @electron/fuses config for DESK_FUSES; throws on a name that is no fuse, rather than ship without it. */
export function deskFuseConfig() {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: true };
  for (const [name, value] of Object.entries(DESK_FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`No Electron fuse is called ${name}`);
    config[index] = value;
  }
  return config;
}

/** Where electron-builder.config.cjs puts it, unpacked beside app.asar; electronNativeBinding() reads it there. */
const ELECTRON_NATIVE = 'node_modules/.electron-native/better-sqlite3/build/Release/better_sqlite3.node';

/** @param {import('app-builder-lib').AfterPackContext} context */
function assertElectronNative(context) {
  const unpacked = path.join(context.packager.getResourcesDir(context.appOutDir), 'app.asar.unpacked', ELECTRON_NATIVE);
  if (!existsSync(unpacked)) {
    throw new Error(
      `The Electron build of better-sqlite3 is missing (${ELECTRON_NATIVE}): the packaged desk could not open its database. ` +
        'Run `npm install` on a machine that can download Electron (scripts/electron-native.mjs builds it), then `npm run dist` again.',
    );
  }
}

/** @param {import('app-builder-lib').AfterPackContext} context */
export default async function afterPack(context) {
  assertElectronNative(context);
  await context.packager.addElectronFuses(context, deskFuseConfig());
}
