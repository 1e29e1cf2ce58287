// A stand-in core worker that speaks the protocol and can be told to misbehave, to test the shell's client:
// 'who' answers with this thread's id, 'slow' after 300 ms, 'crash' ends the thread unanswered, 'garbled'
// answers with an error code the protocol does not know, 'pdf' asks the shell for a letter and answers its size.
// workerData.failToOpen: the thread ends at once, as a core that cannot open.
const { parentPort, threadId, workerData } = require('node:worker_threads');

if (workerData.failToOpen) {
  parentPort.postMessage({ kind: 'failed', message: 'cannot open' });
  process.exit(1);
}
const hostCalls = new Map();
const inFlight = new Set();
const answer = (id, result) => parentPort.postMessage({ kind: 'answer', id, result });
parentPort.on('message', (message) => {
  if (message.kind === 'hostAnswer') return hostCalls.get(message.id)?.(message);
  if (message.kind === 'close') {
    // As the real worker: the calls taken are answered before it says it has closed.
    Promise.allSettled([...inFlight]).then(() => parentPort.postMessage({ kind: 'closed' }));
    return;
  }
  if (message.kind !== 'call') return;
  const { id, name } = message;
  if (name === 'who') answer(id, { ok: true, value: { threadId } });
  if (name === 'slow') {
    const slow = new Promise((resolve) => setTimeout(resolve, 300)).then(() => answer(id, { ok: true, value: { threadId } }));
    inFlight.add(slow);
  }
  if (name === 'crash') process.exit(3);
  if (name === 'garbled') answer(id, { ok: false, error: { code: 'no.such.code' } });
  if (name === 'pdf') {
    hostCalls.set(1000 + id, (reply) => answer(id, { ok: true, value: reply.ok ? { bytes: reply.value.length } : { failed: reply.message } }));
    parentPort.postMessage({ kind: 'hostCall', id: 1000 + id, name: 'renderPdf', args: [message.input.html] });
  }
});
parentPort.postMessage({ kind: 'ready' });
