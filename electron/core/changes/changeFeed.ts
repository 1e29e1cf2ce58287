// Placeholder for part B's change feed: the core's listeners for change batches.
import type { ChangeBatch } from '../../shared/contract/changes';

export class ChangeFeed {
  private readonly listeners = new Set<(batch: ChangeBatch) => void>();

  subscribe(listener: (batch: ChangeBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(batch: ChangeBatch): void {
    for (const listener of this.listeners) listener(batch);
  }
}
