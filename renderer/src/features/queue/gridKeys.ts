// Which row a key moves to in the queue grid; null when the key is not the grid's.
export type GridKeyAction = { move: number } | { open: true } | null;

interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export function gridKeyAction(event: KeyLike, active: number, total: number, pageRows: number): GridKeyAction {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const last = Math.max(0, total - 1);
  switch (event.key) {
    case 'ArrowDown':
    case 'j':
      return { move: Math.min(last, active + 1) };
    case 'ArrowUp':
    case 'k':
      return { move: Math.max(0, active - 1) };
    case 'PageDown':
      return { move: Math.min(last, active + pageRows) };
    case 'PageUp':
      return { move: Math.max(0, active - pageRows) };
    case 'Home':
      return { move: 0 };
    case 'End':
      return { move: last };
    case 'Enter':
      return { open: true };
    default:
      return null;
  }
}

/** The scrollTop that brings row `index` fully into view under a sticky header, or null when it already is. */
export function scrollTopToShow(
  index: number,
  rowHeight: number,
  headerHeight: number,
  scrollTop: number,
  clientHeight: number,
): number | null {
  const top = index * rowHeight;
  const viewHeight = clientHeight - headerHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewHeight) return top + rowHeight - viewHeight;
  return null;
}
