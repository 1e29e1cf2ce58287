// electron-builder's afterPack hook: sets the desk's Electron fuses (build/electronFuses.mjs) in the packaged
// binary, before electron-builder signs it (flipping fuses changes the binary, so it must come first).
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

/** @param {import('app-builder-lib').AfterPackContext} context */
export default async function afterPack(context) {
  await context.packager.addElectronFuses(context, deskFuseConfig());
}
