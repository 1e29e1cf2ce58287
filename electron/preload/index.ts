// The preload exposes exactly the contract's calls, one function each, and nothing else: no ipcRenderer,
// no generic invoke, no Node. It runs sandboxed; electron-vite bundles the names list into it.
import { contextBridge, ipcRenderer } from 'electron';
import { API_NAMES } from '../shared/contract/names';

const api = Object.freeze(
  Object.fromEntries(API_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)])),
);

contextBridge.exposeInMainWorld('api', api);
