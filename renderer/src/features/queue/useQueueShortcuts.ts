// Keys that work anywhere on the queue screen, except while typing or in a dialog: `/` to search, `n` to fetch
// the next case.
import { useEffect } from 'react';
import { isInDialog, isTypingTarget } from '../../app/isTypingTarget';

export function useQueueShortcuts(actions: { focusSearch: () => void; fetchNext: () => void }): void {
  const { focusSearch, fetchNext } = actions;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTypingTarget(event.target) || isInDialog(event.target)) return;
      if (event.key === '/') {
        event.preventDefault();
        focusSearch();
      } else if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        fetchNext();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [focusSearch, fetchNext]);
}
