// The Electron fuses the shipped desk is packaged with, by @electron/fuses' FuseV1Options names: flipped in the
// binary itself, so no command line, environment variable or stray file can turn them back at run time.
// Read by the afterPack hook (build/afterPack.mjs) and checked by test/unit/electronBuilderConfig.test.ts.
/** @type {Readonly<Record<string, boolean>>} */
export const DESK_FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would make the signed desk a general Node.js interpreter.
  RunAsNode: false,
  // NODE_OPTIONS could preload any script into the app.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends would open a debugger on the main process.
  EnableNodeCliInspectArguments: false,
  // app.asar must match the hash in the signed binary (Windows and macOS; Electron does not check it on Linux).
  EnableEmbeddedAsarIntegrityValidation: true,
  // No loose app/ folder beside app.asar can replace the app.
  OnlyLoadAppFromAsar: true,
  // Cookies encrypted at rest with the operating system's keychain.
  EnableCookieEncryption: true,
});
