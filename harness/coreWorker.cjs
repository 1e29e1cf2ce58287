// The core's worker thread under plain Node (tests, the harness, the bench): the same entry Electron runs as
// out/main/coreWorker.js, compiled on the fly by tsx.
require('tsx/cjs/api').register();
require('../core/worker/coreWorker.ts');
