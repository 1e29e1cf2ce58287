/** True while the user is typing in a field, when single-letter shortcuts and Esc must leave the keys alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range'].includes(type);
}

/**
 * True while a dialog (the connection panel, a confirmation) is open, or the key comes from inside one: the
 * dialog handles its keys, Esc included. Checked on the open dialog too, because focus may have fallen back to
 * the page when the element that had it inside the dialog went away.
 */
export function isInDialog(target: EventTarget | null): boolean {
  if (target instanceof Element && target.closest('[role="dialog"], [aria-modal="true"]') !== null) return true;
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}
