// Esc leaves a screen (the case for the queue, the settings for where they were opened from), unless the user
// is typing or a dialog is open: menus, selects and dialogs handle their own Esc.
import { useEffect } from 'react';
import { isInDialog, isTypingTarget } from './isTypingTarget';

export function useEscapeKey(onEscape: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (isTypingTarget(event.target) || isInDialog(event.target)) return;
      event.preventDefault();
      onEscape();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onEscape]);
}
