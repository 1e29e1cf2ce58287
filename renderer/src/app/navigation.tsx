// Where the user is: a screen (the queue, the quarantine, the overview, …), one case, or the settings. No router:
// a handful of screens and the ways between them. A case remembers the screen it was opened from, and the
// settings where they were opened from, so "back" (or Esc) returns there.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export const SCREENS = ['queue', 'quarantine', 'overview', 'workload', 'areaSuppliers', 'priceList', 'portalFirms', 'supportRequests'] as const;
export type ScreenName = (typeof SCREENS)[number];

/** Each screen's name on its header button (the queue has none: it is where the others return to). */
export const SCREEN_TITLE_KEYS: Record<Exclude<ScreenName, 'queue'>, string> = {
  quarantine: 'quarantine.title',
  overview: 'overview.title',
  workload: 'workload.title',
  areaSuppliers: 'areaSuppliers.navLabel',
  priceList: 'priceLists.title',
  portalFirms: 'portalFirms.navLabel',
  supportRequests: 'supportRequests.navLabel',
};

export type WorkView = { name: ScreenName } | { name: 'case'; caseId: number; back: ScreenName };
export type View = WorkView | { name: 'settings'; back: WorkView };

interface Navigation {
  view: View;
  openScreen: (screen: ScreenName) => void;
  openQueue: () => void;
  openCase: (caseId: number) => void;
  /** Back from a case to the screen it was opened from. */
  leaveCase: () => void;
  openSettings: () => void;
  closeSettings: () => void;
}

const NavigationContext = createContext<Navigation | null>(null);

/** The screen a case opened from `view` returns to. */
function screenBehind(view: View): ScreenName {
  if (view.name === 'settings') return screenBehind(view.back);
  return view.name === 'case' ? view.back : view.name;
}

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<View>({ name: 'queue' });
  const openScreen = useCallback((screen: ScreenName) => setView({ name: screen }), []);
  const openQueue = useCallback(() => setView({ name: 'queue' }), []);
  const openCase = useCallback((caseId: number) => setView((current) => ({ name: 'case', caseId, back: screenBehind(current) })), []);
  const leaveCase = useCallback(() => setView((current) => (current.name === 'case' ? { name: current.back } : current)), []);
  const openSettings = useCallback(() => setView((current) => (current.name === 'settings' ? current : { name: 'settings', back: current })), []);
  const closeSettings = useCallback(() => setView((current) => (current.name === 'settings' ? current.back : current)), []);
  const value = useMemo(
    () => ({ view, openScreen, openQueue, openCase, leaveCase, openSettings, closeSettings }),
    [view, openScreen, openQueue, openCase, leaveCase, openSettings, closeSettings],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside NavigationProvider');
  return navigation;
}
