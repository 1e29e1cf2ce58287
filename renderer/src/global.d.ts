// The doors to the core: the preload (or the browser harness) puts exactly the contract's calls here, and the
// core's change stream (one batch after each commit that changes what a screen shows).
import type { ChangeBatch, WindowApi } from '../../shared/contract';

export interface DeskChanges {
  /** Calls `listener` with every batch from now on; returns the unsubscribe. */
  subscribe(listener: (batch: ChangeBatch) => void): () => void;
}

declare global {
  interface Window {
    api: WindowApi;
    deskChanges?: DeskChanges;
  }
}

export {};
