// Keyboard and mouse multi-selection over a list, as pure state changes: arrows move the active row, Space toggles
// it, Shift with a move (or a click) selects the range from the anchor, Ctrl/Cmd+A selects all (or none when all
// were). Rows are told apart by id, so a selection survives the list being read again.

export interface Selection {
  active: number;
  /** Where a Shift range starts: the row last toggled or moved to without Shift. */
  anchor: number;
  selected: ReadonlySet<number>;
  /** What was selected when the anchor was set: a Shift range is added to it, and shrinks back to it. */
  base: ReadonlySet<number>;
}

export const emptySelection: Selection = { active: 0, anchor: 0, selected: new Set(), base: new Set() };

interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const clamp = (index: number, count: number) => Math.max(0, Math.min(count - 1, index));

function rangeOf(ids: readonly number[], from: number, to: number): number[] {
  const [low, high] = from <= to ? [from, to] : [to, from];
  return ids.slice(low, high + 1);
}

/** Moves the active row; with Shift, the selection becomes the base plus the range from the anchor. */
export function moveTo(state: Selection, ids: readonly number[], index: number, extend: boolean): Selection {
  if (ids.length === 0) return state;
  const active = clamp(index, ids.length);
  if (!extend) return { ...state, active, anchor: active, base: state.selected };
  const selected = new Set(state.base);
  for (const id of rangeOf(ids, state.anchor, active)) selected.add(id);
  return { ...state, active, selected };
}

export function toggle(state: Selection, ids: readonly number[], index: number): Selection {
  const id = ids[index];
  if (id === undefined) return state;
  const selected = new Set(state.selected);
  if (selected.has(id)) selected.delete(id);
  else selected.add(id);
  return { active: index, anchor: index, selected, base: selected };
}

export function selectAll(state: Selection, ids: readonly number[]): Selection {
  const all = ids.length > 0 && ids.every((id) => state.selected.has(id));
  const selected = new Set(all ? [] : ids);
  return { ...state, selected, base: selected };
}

/** The new selection after a key, or null when the key is not the list's. */
export function selectionKey(state: Selection, ids: readonly number[], event: KeyLike, pageRows: number): Selection | null {
  if (event.altKey || ids.length === 0) return null;
  const command = event.ctrlKey || event.metaKey;
  if (command) return event.key === 'a' || event.key === 'A' ? selectAll(state, ids) : null;
  const extend = event.shiftKey;
  switch (event.key) {
    case 'ArrowDown':
      return moveTo(state, ids, state.active + 1, extend);
    case 'ArrowUp':
      return moveTo(state, ids, state.active - 1, extend);
    case 'PageDown':
      return moveTo(state, ids, state.active + pageRows, extend);
    case 'PageUp':
      return moveTo(state, ids, state.active - pageRows, extend);
    case 'Home':
      return moveTo(state, ids, 0, extend);
    case 'End':
      return moveTo(state, ids, ids.length - 1, extend);
    case ' ':
      return toggle(state, ids, state.active);
    default:
      return null;
  }
}

/** A click: toggles the row, or with Shift selects the range from the anchor. */
export function selectionClick(state: Selection, ids: readonly number[], index: number, shiftKey: boolean): Selection {
  return shiftKey ? moveTo(state, ids, index, true) : toggle(state, ids, index);
}

/** The selection kept to the rows still in the list (after it was read again). */
export function keepListed(state: Selection, ids: readonly number[]): Selection {
  const listed = new Set(ids);
  const selected = new Set([...state.selected].filter((id) => listed.has(id)));
  const active = clamp(state.active, Math.max(1, ids.length));
  return { active, anchor: clamp(state.anchor, Math.max(1, ids.length)), selected, base: selected };
}
