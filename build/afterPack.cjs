// electron-builder's afterPack hook: sets the desk's Electron fuses (build/electronFuses.cjs) in the packaged
// binary, before electron-builder signs it (flipping fuses changes the binary, so it must come first).
const { DESK_FUSES } = require('./electronFuses.cjs');

/** The @electron/fuses config for DESK_FUSES; throws on a name that is no fuse, rather than ship without it. */
async function deskFuseConfig() {
  const { FuseVersion, FuseV1Options } = await import('@electron/fuses');
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: true };
  for (const [name, value] of Object.entries(DESK_FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`No Electron fuse is called ${name}`);
    config[index] = value;
  }
  return config;
}

/** @param {import('app-builder-lib').AfterPackContext} context */
async function afterPack(context) {
  await context.packager.addElectronFuses(context, await deskFuseConfig());
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.deskFuseConfig = deskFuseConfig;
