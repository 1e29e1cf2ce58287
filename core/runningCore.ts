// A running core as the shell sees it: calls in, change batches out, and closing. The in-process core, the
// signed-out desk and the worker client that relays to a core in a worker thread all are one.
import type { ApiResult } from '../shared/contract';
import type { ChangeBatch } from '../shared/contract/changes';

export interface RunningCore {
  dispatch(name: string, rawInput: unknown): Promise<ApiResult<unknown>>;
  onChange(listener: (batch: ChangeBatch) => void): () => void;
  close(): Promise<void>;
}
