// Where the user is: the queue, or one case. No router: two screens and a way between them.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type View = { name: 'queue' } | { name: 'case'; caseId: number };

interface Navigation {
  view: View;
  openCase: (caseId: number) => void;
  openQueue: () => void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<View>({ name: 'queue' });
  const openCase = useCallback((caseId: number) => setView({ name: 'case', caseId }), []);
  const openQueue = useCallback(() => setView({ name: 'queue' }), []);
  const value = useMemo(() => ({ view, openCase, openQueue }), [view, openCase, openQueue]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside NavigationProvider');
  return navigation;
}
