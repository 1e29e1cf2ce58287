// The layering of architecture.md, enforced in `npm test`:
//   renderer → only itself, the contract and the pure rules (no Node, no core, no db, no electron);
//   core → never electron, main, preload or renderer;
//   pure rules → nothing of the app and no package at all;
//   contract → only the rules and zod;
//   preload → only electron and the contract's names;
//   portal (the installers' web app) → only itself, the pure rules and the portal API's schemas.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'renderer-stays-in-the-browser',
      comment: 'The renderer reaches the core only through window.api.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { pathNot: ['^renderer/', '^electron/shared/', '^node_modules/'] },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-native-or-server-packages',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: 'node_modules/(electron|better-sqlite3|drizzle-orm|pg|electron-updater)/' },
    },
    {
      name: 'portal-stays-in-the-browser',
      comment: "The portal's web app reaches the service only over HTTP; it shares the pure rules and the portal API's schemas.",
      severity: 'error',
      from: { path: '^portal/src/' },
      to: { pathNot: ['^portal/src/', '^electron/shared/rules/', '^electron/shared/portalApi/', '^node_modules/'] },
    },
    {
      name: 'portal-no-node-builtins',
      severity: 'error',
      from: { path: '^portal/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'portal-no-native-or-server-packages',
      severity: 'error',
      from: { path: '^portal/src/' },
      to: { path: 'node_modules/(electron|better-sqlite3|drizzle-orm|pg|electron-updater|fastify|@fastify)/' },
    },
    {
      name: 'core-is-electron-free',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: ['^electron/main/', '^electron/preload/', '^renderer/', 'node_modules/electron/'] },
    },
    {
      name: 'nothing-reaches-into-the-service',
      comment: 'The central service runs on a server: the desk (core, main, renderer) and db never import it.',
      severity: 'error',
      from: { path: '^(electron|renderer|portal|db)/' },
      to: { path: '^service/' },
    },
    {
      name: 'service-is-electron-free',
      comment: 'The service shares the desk core and rules, never Electron, main, preload or the renderer.',
      severity: 'error',
      from: { path: '^service/' },
      to: { path: ['^electron/main/', '^electron/preload/', '^renderer/', 'node_modules/electron/', '^electron$'] },
    },
    {
      name: 'service-api-is-a-contract',
      comment: 'The service API schemas depend on zod and the pure rules only: desk and service take their types from them.',
      severity: 'error',
      from: { path: '^electron/shared/serviceApi/' },
      to: { pathNot: ['^electron/shared/', '^node_modules/zod/'] },
    },
    {
      name: 'core-no-electron-module',
      severity: 'error',
      from: { path: '^(electron/core|electron/shared|db)/' },
      to: { dependencyTypes: ['core'], path: '^electron$' },
    },
    {
      name: 'rules-are-pure',
      comment: 'Pure rules import nothing but each other.',
      severity: 'error',
      from: { path: '^electron/shared/rules/' },
      to: { pathNot: '^electron/shared/rules/' },
    },
    {
      name: 'contract-depends-on-rules-and-zod-only',
      severity: 'error',
      from: { path: '^electron/shared/contract/' },
      to: { pathNot: ['^electron/shared/', '^node_modules/zod/'] },
    },
    {
      name: 'preload-is-thin',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { pathNot: ['^electron/shared/contract/names\\.ts$', '^node_modules/electron/', '^electron$'] },
    },
    {
      name: 'db-schema-stands-alone',
      severity: 'error',
      from: { path: '^db/local/schema\\.ts$' },
      to: { pathNot: ['^node_modules/drizzle-orm/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(electron|renderer|portal|db|service)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^out/|\\.d\\.ts$)' },
    tsPreCompilationDeps: true,
  },
};
