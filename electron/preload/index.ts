// The preload exposes exactly the contract's calls, one function each, and the core's change stream as
// `deskChanges.subscribe` — nothing else: no ipcRenderer, no generic invoke or listen, no Node. It runs sandboxed;
// electron-vite bundles the names list into it.
import { contextBridge, ipcRenderer } from 'electron';
import { API_NAMES, CHANGES_CHANNEL } from '../shared/contract/names';

const api = Object.freeze(
  Object.fromEntries(API_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)])),
);

contextBridge.exposeInMainWorld('api', api);

// One IPC listener for the page, however many screens subscribe: a listener the page registers never sees the
// IPC event (which would hand it the sender), only the batch.
type Listener = (batch: unknown) => void;
const listeners = new Set<Listener>();
ipcRenderer.on(CHANGES_CHANNEL, (_event, batch: unknown) => {
  for (const listener of listeners) listener(batch);
});

contextBridge.exposeInMainWorld(
  'deskChanges',
  Object.freeze({
    subscribe(listener: Listener): () => void {
      if (typeof listener !== 'function') throw new TypeError('deskChanges.subscribe needs a function');
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  }),
);
