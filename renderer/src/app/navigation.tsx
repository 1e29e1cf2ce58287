// Where the user is: the queue, one case, or the settings. No router: three screens and the ways between them.
// The settings remember where they were opened from, so "Tilbake" (or Esc) returns there.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type WorkView = { name: 'queue' } | { name: 'case'; caseId: number } | { name: 'quarantine' } | { name: 'overview' }
  | { name: 'workload' } | { name: 'areaSuppliers' } | { name: 'priceList' };
export type View = WorkView | { name: 'settings'; back: WorkView };

interface Navigation {
  view: View;
  openCase: (caseId: number) => void;
  openQueue: () => void;
  openQuarantine: () => void;
  openOverview: () => void;
  openWorkload: () => void;
  openAreaSuppliers: () => void;
  openPriceList: () => void;
  openSettings: () => void;
  closeSettings: () => void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<View>({ name: 'queue' });
  const openCase = useCallback((caseId: number) => setView({ name: 'case', caseId }), []);
  const openQueue = useCallback(() => setView({ name: 'queue' }), []);
  const openQuarantine = useCallback(() => setView({ name: 'quarantine' }), []);
  const openOverview = useCallback(() => setView({ name: 'overview' }), []);
  const openWorkload = useCallback(() => setView({ name: 'workload' }), []);
  const openAreaSuppliers = useCallback(() => setView({ name: 'areaSuppliers' }), []);
  const openPriceList = useCallback(() => setView({ name: 'priceList' }), []);
  const openSettings = useCallback(() => setView((current) => (current.name === 'settings' ? current : { name: 'settings', back: current })), []);
  const closeSettings = useCallback(() => setView((current) => (current.name === 'settings' ? current.back : current)), []);
  const value = useMemo(
    () => ({
      view, openCase, openQueue, openQuarantine, openOverview, openWorkload, openAreaSuppliers, openPriceList, openSettings, closeSettings,
    }),
    [view, openCase, openQueue, openQuarantine, openOverview, openWorkload, openAreaSuppliers, openPriceList, openSettings, closeSettings],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside NavigationProvider');
  return navigation;
}
