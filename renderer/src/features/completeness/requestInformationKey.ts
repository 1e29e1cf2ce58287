// Alt+B ("Be om opplysninger") opens the request for information. The decision buttons use other Alt+letters
// (decisions/decisionKeys.ts) and the queue single letters, so nothing clashes. Matched on the physical key.
import { useEffect } from 'react';
import { isInDialog } from '../../app/isTypingTarget';

export const REQUEST_INFORMATION_SHORTCUT = 'Alt+B';

export function useRequestInformationKey(enabled: boolean, onPress: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isInDialog(event.target)) return;
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.code !== 'KeyB') return;
      event.preventDefault();
      onPress();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled, onPress]);
}
