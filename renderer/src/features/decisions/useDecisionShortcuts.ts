// Alt+letter takes a decision from anywhere on the case screen, except while a dialog is open (it has its own keys).
import { useEffect } from 'react';
import type { DecisionAction } from '../../api/contract';
import { isInDialog } from '../../app/isTypingTarget';
import { actionForKey } from './decisionKeys';

export function useDecisionShortcuts(offered: readonly DecisionAction[], onAction: (action: DecisionAction) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isInDialog(event.target)) return;
      const action = actionForKey(event);
      if (action === null || !offered.includes(action)) return;
      event.preventDefault();
      onAction(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [offered, onAction]);
}
