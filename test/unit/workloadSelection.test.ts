// Multi-selection in the workload view's lists: arrows move without selecting, Space toggles, Shift+arrows select a
// range from the anchor (and shrink it going back), Ctrl/Cmd+A selects all or none, Shift+click selects a range.
import { describe, expect, it } from 'vitest';
import {
  emptySelection,
  keepListed,
  selectionClick,
  selectionKey,
  type Selection,
} from '../../renderer/src/features/workload/selection';

const ids = [11, 12, 13, 14, 15, 16];
const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const press = (state: Selection, ...keys: ReturnType<typeof key>[]) =>
  keys.reduce((current, k) => selectionKey(current, ids, k, 3) ?? current, state);
const selected = (state: Selection) => [...state.selected].sort((a, b) => a - b);

describe('selectionKey', () => {
  it('moves with the arrows without selecting, and toggles with Space', () => {
    const state = press(emptySelection, key('ArrowDown'), key('ArrowDown'), key(' '), key('ArrowDown'), key(' '), key(' '));
    expect(state.active).toBe(3);
    expect(selected(state)).toEqual([13]);
  });

  it('selects a range with Shift+arrows from the anchor, added to what was selected, and shrinks it going back', () => {
    let state = press(emptySelection, key(' '), key('ArrowDown'), key('ArrowDown'));
    state = press(state, key('ArrowDown', { shiftKey: true }), key('ArrowDown', { shiftKey: true }));
    expect(selected(state)).toEqual([11, 13, 14, 15]);
    state = press(state, key('ArrowUp', { shiftKey: true }));
    expect(selected(state)).toEqual([11, 13, 14]);
    // Upwards past the anchor: the range turns around it.
    state = press(state, key('ArrowUp', { shiftKey: true }), key('ArrowUp', { shiftKey: true }));
    expect(selected(state)).toEqual([11, 12, 13]);
  });

  it('stops at the ends, and Shift+End selects to the last row', () => {
    let state = press(emptySelection, key('ArrowUp'), key('PageUp'));
    expect(state.active).toBe(0);
    state = press(state, key('End', { shiftKey: true }));
    expect(selected(state)).toEqual(ids);
    expect(press(state, key('PageDown')).active).toBe(5);
  });

  it('selects all with Ctrl+A or Cmd+A, and none when all were', () => {
    const all = press(emptySelection, key('a', { ctrlKey: true }));
    expect(selected(all)).toEqual(ids);
    expect(selected(press(all, key('a', { metaKey: true })))).toEqual([]);
  });

  it('leaves other keys to others', () => {
    expect(selectionKey(emptySelection, ids, key('Enter'), 3)).toBeNull();
    expect(selectionKey(emptySelection, ids, key('a'), 3)).toBeNull();
    expect(selectionKey(emptySelection, ids, key('ArrowDown', { altKey: true }), 3)).toBeNull();
    expect(selectionKey(emptySelection, [], key('ArrowDown'), 3)).toBeNull();
  });
});

describe('selectionClick', () => {
  it('toggles a row, and Shift+click selects the range from the last one clicked', () => {
    let state = selectionClick(emptySelection, ids, 1, false);
    state = selectionClick(state, ids, 4, true);
    expect(selected(state)).toEqual([12, 13, 14, 15]);
    state = selectionClick(state, ids, 2, false);
    expect(selected(state)).toEqual([12, 14, 15]);
  });
});

describe('keepListed', () => {
  it('keeps only rows still listed', () => {
    const state = press(emptySelection, key('a', { ctrlKey: true }));
    expect(selected(keepListed(state, [12, 16, 20]))).toEqual([12, 16]);
  });
});
