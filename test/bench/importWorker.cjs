// The import bench (importBench.ts) in a worker thread of its own, for mainLoopBench.ts.
require('tsx/cjs/api').register();
const { parentPort, workerData } = require('node:worker_threads');
const { benchImport } = require('./importBench.ts');

parentPort.postMessage(benchImport(workerData.requests));
