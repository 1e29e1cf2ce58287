// The header's count follows changes made on the quarantine screen at once, not at its next poll.
const listeners = new Set<() => void>();

export function onQuarantineChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function quarantineChanged(): void {
  for (const listener of listeners) listener();
}
