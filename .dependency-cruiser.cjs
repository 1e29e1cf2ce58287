// The layering of architecture.md, enforced in `npm test` (npm run lint:layers). What runs where:
//   electron/ (main, preload) is the Electron shell; core/ runs in the desk's worker thread (and the service runs
//   its shared domains: sync appliers, mutations, import, letters); renderer/ in the desk's window; service/ on the
//   server; portal/ in the installers' browsers; shared/ (contract, rules, API schemas) everywhere; db/ is schemas,
//   migrations and roles; cli/ the npm run commands; harness/ the browser stand-in for Electron that e2e and bench
//   drive.
// Packages are matched as (^|/)node_modules/ so that a symlinked node_modules (worktrees) resolves the same.
/** @type {import('dependency-cruiser').IConfiguration} */
const NODE_MODULES = '(^|/)node_modules/';
const pkg = (names) => `${NODE_MODULES}(${names})/`;

module.exports = {
  forbidden: [
    {
      name: 'renderer-stays-in-the-browser',
      comment: 'The renderer reaches the core only through window.api; it shares the contract and the pure rules.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { pathNot: ['^renderer/', '^shared/(contract|rules|serviceApi|portalApi)/', NODE_MODULES] },
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
      to: { path: pkg('electron|better-sqlite3|drizzle-orm|pg|electron-updater') },
    },
    {
      name: 'portal-stays-in-the-browser',
      comment: "The portal's web app reaches the service only over HTTP; it shares the pure rules and the portal API's schemas.",
      severity: 'error',
      from: { path: '^portal/src/' },
      to: { pathNot: ['^portal/src/', '^shared/rules/', '^shared/portalApi/', NODE_MODULES] },
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
      to: { path: pkg('electron|better-sqlite3|drizzle-orm|pg|electron-updater|fastify|@fastify') },
    },
    {
      name: 'core-is-electron-free',
      comment: 'The core runs in a worker thread under plain Node (and partly in the service): no Electron, no renderer.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: ['^electron/', '^renderer/', '^portal/', pkg('electron'), '^electron$'] },
    },
    {
      name: 'shared-runs-in-desk-and-service',
      comment: 'shared/ (contract, rules, API schemas) runs everywhere: it imports none of the parts of the app that run.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: ['^electron/', '^core/', '^renderer/', '^service/', '^portal/', '^cli/', '^harness/', '^db/', '^test/', pkg('electron'), '^electron$'] },
    },
    {
      name: 'db-imports-nothing-of-the-app',
      comment: 'db/ holds schemas, migrations and roles: it imports packages and itself only.',
      severity: 'error',
      from: { path: '^db/' },
      to: { pathNot: ['^db/', NODE_MODULES], dependencyTypesNot: ['core'] },
    },
    {
      name: 'nothing-imports-the-cli',
      comment: 'cli/ holds the npm run commands: they may import anything, nothing imports them.',
      severity: 'error',
      from: { pathNot: '^cli/' },
      to: { path: '^cli/' },
    },
    {
      name: 'harness-is-for-tests-and-bench',
      comment: 'The browser harness stands in for Electron in e2e, integration and bench, and in npm start without Electron.',
      severity: 'error',
      from: { pathNot: ['^harness/', '^test/', '^cli/'] },
      to: { path: '^harness/' },
    },
    {
      name: 'nothing-reaches-into-the-service',
      comment: 'The central service runs on a server: the desk (core, main, renderer), shared code and db never import it.',
      severity: 'error',
      from: { path: '^(electron|core|renderer|portal|db|shared)/' },
      to: { path: '^service/' },
    },
    {
      name: 'service-is-electron-free',
      comment: 'The service runs shared/, db/ and the shared domains of the core, never Electron, main, preload or the renderer.',
      severity: 'error',
      from: { path: '^service/' },
      to: { path: ['^electron/', '^renderer/', '^harness/', pkg('electron'), '^electron$'] },
    },
    {
      name: 'service-api-is-a-contract',
      comment: 'The service API schemas depend on zod and the pure rules only: desk and service take their types from them.',
      severity: 'error',
      from: { path: '^shared/serviceApi/' },
      to: { pathNot: ['^shared/(rules|contract|serviceApi|portalApi)/', pkg('zod')] },
    },
    {
      name: 'core-no-electron-module',
      severity: 'error',
      from: { path: '^(core|shared|db)/' },
      to: { dependencyTypes: ['core'], path: '^electron$' },
    },
    {
      name: 'rules-are-pure',
      comment: 'Pure rules import nothing but each other.',
      severity: 'error',
      from: { path: '^shared/rules/' },
      to: { pathNot: '^shared/rules/' },
    },
    {
      name: 'contract-depends-on-rules-and-zod-only',
      severity: 'error',
      from: { path: '^shared/contract/' },
      to: { pathNot: ['^shared/(rules|contract|serviceApi|portalApi)/', pkg('zod')] },
    },
    {
      name: 'preload-is-thin',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { pathNot: ['^shared/contract/names\\.ts$', pkg('electron'), '^electron$'] },
    },
    {
      name: 'db-schema-stands-alone',
      severity: 'error',
      from: { path: '^db/local/schema\\.ts$' },
      to: { pathNot: [pkg('drizzle-orm')] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(electron|core|renderer|portal|db|service|shared|cli|harness)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^out/|\\.d\\.ts$)' },
    tsPreCompilationDeps: true,
  },
};
