// The rows of a fixed-height list that are on screen, and a few either side: the grid renders only these.
//
// Every row has the same height, so which rows are in view follows from scrollTop and the viewport's height by
// arithmetic, whatever the length of the list. (A general virtualiser measures every item: on a keystroke that
// turns 2 000 matches into 85 000 that is a loop over 85 000 items before the list can be drawn.) The range is
// state only when it changes, so scrolling within a row does not render anything.
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';

export interface WindowRow {
  index: number;
  /** Offset from the top of the rows (below any header). */
  top: number;
}

interface Options {
  count: number;
  rowHeight: number;
  /** A sticky header at the top of the scroll element, covering that much of the view. */
  headerHeight: number;
  overscan: number;
  initialScrollTop: number;
}

interface Visible {
  first: number;
  last: number;
}

export function useRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  { count, rowHeight, headerHeight, overscan, initialScrollTop }: Options,
): { rows: WindowRow[]; totalHeight: number; onScroll: () => void } {
  const scrollTop = useRef(initialScrollTop);
  // Until the element is measured (before the first paint), assume it is as tall as the window.
  const height = useRef(typeof window === 'undefined' ? 800 : window.innerHeight);
  const visibleFor = useCallback(
    (): Visible => ({
      first: Math.max(0, Math.floor(scrollTop.current / rowHeight)),
      last: Math.max(0, Math.ceil((scrollTop.current + height.current - headerHeight) / rowHeight) - 1),
    }),
    [rowHeight, headerHeight],
  );
  const [visible, setVisible] = useState<Visible>(visibleFor);
  const update = useCallback(() => {
    const next = visibleFor();
    setVisible((current) => (current.first === next.first && current.last === next.last ? current : next));
  }, [visibleFor]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    height.current = element.clientHeight;
    update();
    const observer = new ResizeObserver(() => {
      height.current = element.clientHeight;
      update();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [scrollRef, update]);

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    scrollTop.current = element.scrollTop;
    update();
  }, [scrollRef, update]);

  const rows = useMemo(() => {
    const out: WindowRow[] = [];
    const last = Math.min(count - 1, visible.last + overscan);
    for (let index = Math.max(0, visible.first - overscan); index <= last; index++) {
      out.push({ index, top: index * rowHeight });
    }
    return out;
  }, [count, visible, overscan, rowHeight]);

  return { rows, totalHeight: count * rowHeight, onScroll };
}
