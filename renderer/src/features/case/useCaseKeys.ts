// Esc leaves the case for the queue, unless the user is typing (menus and selects handle their own Esc).
import { useEffect } from 'react';
import { isTypingTarget } from '../../app/isTypingTarget';

export function useEscapeToQueue(onEscape: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      event.preventDefault();
      onEscape();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onEscape]);
}
