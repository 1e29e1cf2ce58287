// The core's change stream. Writers say what a commit changed (`publish`, many times in a burst: every row of a
// pull page, every case of an import); listeners get one batch per tick with the union of it, so a 10 000-row
// pull repaints once, not 10 000 times. A listener that throws is logged and does not stop the others.
import type { ChangeBatch, ChangeListener, ChangeTable } from '../../shared/contract';

export interface Change {
  tables: readonly ChangeTable[];
  /** Cases whose rows changed; 'all' when too many to name (an initial pull, a cache reset). */
  caseIds?: readonly number[] | 'all';
}

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private version = 0;
  private pendingTables = new Set<ChangeTable>();
  private pendingCases = new Set<number>();
  private pendingAll = false;
  private scheduled = false;

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(change: Change): void {
    for (const table of change.tables) this.pendingTables.add(table);
    if (change.caseIds === 'all') this.pendingAll = true;
    else for (const id of change.caseIds ?? []) this.pendingCases.add(id);
    if (this.pendingTables.size === 0 && this.pendingCases.size === 0 && !this.pendingAll) return;
    if (this.scheduled) return;
    this.scheduled = true;
    // After the writer's synchronous work (its transaction and whatever else it commits in the same turn).
    setImmediate(() => this.flush());
  }

  /** A closing core: nobody is told of anything any more (a listener would read from a closed database). */
  close(): void {
    this.listeners.clear();
  }

  /** Publishes what is pending now rather than at the next tick. */
  flush(): void {
    this.scheduled = false;
    if (this.pendingTables.size === 0 && this.pendingCases.size === 0 && !this.pendingAll) return;
    const batch: ChangeBatch = {
      version: ++this.version,
      tables: [...this.pendingTables],
      caseIds: this.pendingAll ? [] : [...this.pendingCases],
      allCases: this.pendingAll,
    };
    this.pendingTables = new Set();
    this.pendingCases = new Set();
    this.pendingAll = false;
    for (const listener of this.listeners) {
      try {
        listener(batch);
      } catch (error) {
        console.error('[changes] a listener failed', error);
      }
    }
  }
}
