// Where the connection to the central database stands, read from the core about once a second (a cheap, local
// call) and shared by the shell's indicator, the queue and the case view. An answer equal to the last changes
// nothing, so a steady connection redraws nothing. `refresh` reads at once, e.g. right after a change was made,
// so the count of waiting changes follows the click.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { call } from '../../api/call';
import type { SyncStatusView } from '../../api/contract';

const POLL_MS = 1_000;

interface SyncStatusContextValue {
  /** Null until the first answer. */
  status: SyncStatusView | null;
  refresh: () => void;
}

const SyncStatusContext = createContext<SyncStatusContextValue | null>(null);
/** The refresh alone, which never changes: for writers that need not redraw when the status does. */
const SyncRefreshContext = createContext<() => void>(() => undefined);

export function SyncStatusProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const readNow = useRef<() => void>(() => undefined);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reading = false;
    let again = false;
    let shown = '';
    const read = async () => {
      clearTimeout(timer);
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      const result = await call('sync.status', {});
      reading = false;
      if (stopped) return;
      // A failed read keeps the last state on screen: the bridge's own failures are reported where they happen.
      if (result.ok) {
        const json = JSON.stringify(result.value);
        if (json !== shown) {
          shown = json;
          setStatus(result.value);
        }
      }
      if (again) {
        again = false;
        void read();
      } else {
        timer = setTimeout(() => void read(), POLL_MS);
      }
    };
    readNow.current = () => void read();
    void read();
    return () => {
      stopped = true;
      clearTimeout(timer);
      readNow.current = () => undefined;
    };
  }, []);

  const refresh = useCallback(() => readNow.current(), []);
  const value = useMemo(() => ({ status, refresh }), [status, refresh]);
  return (
    <SyncRefreshContext.Provider value={refresh}>
      <SyncStatusContext.Provider value={value}>{children}</SyncStatusContext.Provider>
    </SyncRefreshContext.Provider>
  );
}

export function useSyncStatus(): SyncStatusContextValue {
  const value = useContext(SyncStatusContext);
  if (!value) throw new Error('useSyncStatus outside SyncStatusProvider');
  return value;
}

export function useSyncRefresh(): () => void {
  return useContext(SyncRefreshContext);
}

/** The central status, or null when standalone or not yet known. */
export function useCentralStatus(): Extract<SyncStatusView, { mode: 'central' }> | null {
  const { status } = useSyncStatus();
  return status?.mode === 'central' ? status : null;
}
