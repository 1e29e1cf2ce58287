// The preload exposes exactly the contract's calls, one function each, and the core's change stream as
// `deskChanges.subscribe` — nothing else: no ipcRenderer, no generic invoke or listen, no Node. It runs sandboxed;
// electron-vite bundles the names list into it.
import { contextBridge, ipcRenderer } from 'electron';
import { API_NAMES, CHANGES_CHANNEL } from '../../shared/contract/names';

const api = Object.freeze(
  Object.fromEntries(API_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)])),
);

contextBridge.exposeInMainWorld('api', api);

// The desk's updates (DeskUpdates in shared/contract/updates.ts; the channel names are UPDATE_IPC there, spelt
// out here because the preload imports nothing else): the state, the channel setting, restart to update.
contextBridge.exposeInMainWorld(
  'deskUpdates',
  Object.freeze({
    view: () => ipcRenderer.invoke('updates.view'),
    setChannel: (channel: unknown) => ipcRenderer.invoke('updates.setChannel', channel),
    restartToUpdate: () => ipcRenderer.invoke('updates.restart'),
    onChange(listener: (view: unknown) => void) {
      const relay = (_event: unknown, view: unknown) => listener(view);
      ipcRenderer.on('updates.changed', relay);
      return () => void ipcRenderer.removeListener('updates.changed', relay);
    },
  }),
);

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
