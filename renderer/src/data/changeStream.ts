// The core's change stream as the page gets it (window.deskChanges, from the preload or the harness). A page
// without one (an old harness) simply hears nothing.
import type { ChangeBatch } from '../api/contract';

export function subscribeToChanges(listener: (batch: ChangeBatch) => void): () => void {
  const stream = window.deskChanges;
  if (!stream) {
    console.warn('[changes] no change stream: screens will show what changes only when opened again');
    return () => undefined;
  }
  return stream.subscribe((batch) => {
    // From our own preload, but checked anyway: a malformed batch must not break every screen.
    if (!batch || !Array.isArray(batch.tables) || !Array.isArray(batch.caseIds)) return;
    listener(batch);
  });
}
