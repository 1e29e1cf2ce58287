// How the desk is packaged and where it finds its updates (`npm run dist`; README, "Shipping the desk").
//
// The update feed is the company's: DESK_UPDATE_URL at build time (an https folder holding latest.yml,
// beta.yml and the installers). electron-builder writes it into the app's app-update.yml; without it the app is
// built without updates (electron/main/updater.ts then stays inactive).
//
// better-sqlite3: the Electron-ABI build that scripts/electron-native.mjs makes at `npm install` (in
// node_modules/.electron-native, so the Node build stays in node_modules for tests and scripts) is shipped at
// the same path inside the app, unpacked from the asar, where electron/main/index.ts's electronNativeBinding()
// looks for it. electron-builder's own rebuild (npmRebuild) is off: it would rebuild node_modules/better-sqlite3
// in place for Electron, and the Node build that tests and scripts need on the same machine would be gone.
const ELECTRON_NATIVE = 'node_modules/.electron-native/better-sqlite3/build/Release';

const feedUrl = process.env.DESK_UPDATE_URL;

/** @type {import('app-builder-lib').Configuration} */
const config = {
  appId: 'no.nettmelding.desk',
  productName: 'Saksbehandlerpulten',
  executableName: 'saksbehandlerpulten',
  copyright: 'Copyright © the grid company',
  directories: { output: 'dist/desk', buildResources: 'build' },
  files: [
    'package.json',
    'out/**',
    // The portal is served by the central service, not run by the desk.
    '!out/portal/**',
    'db/local/migrations/**',
    'resources/**',
    // The Node build of better-sqlite3 and its sources: the desk loads only the Electron build below.
    '!node_modules/better-sqlite3/{build,deps,src}/**',
    { from: ELECTRON_NATIVE, to: ELECTRON_NATIVE, filter: ['better_sqlite3.node'] },
  ],
  asar: true,
  asarUnpack: ['node_modules/.electron-native/**/*.node'],
  npmRebuild: false,
  afterPack: './build/afterPack.mjs',
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    // Signed when CSC_LINK and CSC_KEY_PASSWORD name the company's code-signing certificate.
    signtoolOptions: { signingHashAlgorithms: ['sha256'] },
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    artifactName: '${productName}-${version}-setup.${ext}',
  },
  linux: {
    target: ['deb', 'AppImage'],
    category: 'Office',
    maintainer: 'The grid company <it@nettselskap.example>',
    synopsis: "The case handler's desk for connection requests",
  },
  deb: { artifactName: '${name}_${version}_${arch}.${ext}' },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  // The channel file follows the version: 1.4.0 writes latest.yml, 1.5.0-beta.1 beta.yml (no channel is set
  // here, or it would override that). A stable release also writes beta.yml, so beta is never behind stable.
  detectUpdateChannel: true,
  generateUpdatesFilesForAllChannels: true,
  publish: feedUrl ? [{ provider: 'generic', url: feedUrl }] : null,
};

module.exports = config;
