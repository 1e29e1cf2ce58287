// The desk's update state from `window.deskUpdates` (the preload's bridge in the app, a stand-in in the harness;
// absent in a plain browser, where there is nothing to show). Follows every change main reports.
import { useEffect, useState } from 'react';
import type { DeskUpdates, UpdateChannel, UpdateView } from '../../../../shared/contract/updates';

declare global {
  interface Window {
    deskUpdates?: DeskUpdates;
  }
}

export interface DeskUpdatesState {
  /** Null until main has answered. */
  view: UpdateView | null;
  setChannel(channel: UpdateChannel): Promise<void>;
  restart(): Promise<void>;
}

/** Null where the app has no update bridge at all. */
export function useDeskUpdates(): DeskUpdatesState | null {
  const bridge = window.deskUpdates;
  const [view, setView] = useState<UpdateView | null>(null);

  useEffect(() => {
    if (!bridge) return undefined;
    let current = true;
    const unsubscribe = bridge.onChange((next) => setView(next));
    bridge
      .view()
      .then((first) => {
        // A change reported meanwhile is newer than this answer.
        if (current) setView((seen) => seen ?? first);
      })
      .catch(() => undefined);
    return () => {
      current = false;
      unsubscribe();
    };
  }, [bridge]);

  if (!bridge) return null;
  return {
    view,
    async setChannel(channel) {
      setView(await bridge.setChannel(channel));
    },
    restart: () => bridge.restartToUpdate(),
  };
}
