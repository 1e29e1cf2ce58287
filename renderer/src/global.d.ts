// The one door to the core: the preload (or the browser harness) puts exactly the contract's calls here.
import type { WindowApi } from '../../electron/shared/contract';

declare global {
  interface Window {
    api: WindowApi;
  }
}

export {};
