// The queue as an accessible, virtualised grid: only the rows on screen exist in the DOM, pages are fetched as
// they scroll into view, and the grid itself holds focus while aria-activedescendant names the active row.
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { QueueRow } from '../../api/contract';
import { GRID_TEMPLATE, QUEUE_COLUMNS } from './columns';
import { gridKeyAction, scrollTopToShow } from './gridKeys';
import classes from './Queue.module.css';
import { HEADER_HEIGHT, QueueGridHeader } from './QueueGridHeader';
import { QueueGridRow, ROW_HEIGHT, rowDomId, useRowLabels } from './QueueGridRow';
import { queueStore } from './queueStore';
import { useQueueState } from './useQueueState';
import { QueueEmptyText } from './QueueSync';
import { useRowWindow } from './useRowWindow';

interface Props {
  gridRef: RefObject<HTMLDivElement | null>;
  onOpenCase: (caseId: number) => void;
  labelId: string;
}

export function QueueGrid({ gridRef, onOpenCase, labelId }: Props) {
  const labels = useRowLabels();
  const total = useQueueState((state) => state.total);
  const activeIndex = useQueueState((state) => state.activeIndex);
  const loading = useQueueState((state) => state.loading);
  const fromTopCount = useQueueState((state) => state.fromTopCount);
  // Subscribing redraws the visible rows when a page arrives.
  useQueueState((state) => state.rowsVersion);
  const count = total ?? 0;

  const {
    rows: items,
    totalHeight,
    onScroll: followScroll,
  } = useRowWindow(gridRef, {
    count,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    overscan: 12,
    initialScrollTop: queueStore.scrollTop,
  });
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    queueStore.showRange(first, last);
  }, [first, last]);

  // Back from a case: the list is where it was.
  useLayoutEffect(() => {
    if (gridRef.current) gridRef.current.scrollTop = queueStore.scrollTop;
  }, [gridRef]);

  // A new filter or sort starts at the top (a change seen while mounted; not the count found on mounting).
  // Writing scrollTop forces a layout in the middle of the keystroke, so it is skipped when the list is
  // already at the top (as the last scroll event left it), which is the case while the user types.
  const seenFromTop = useRef(fromTopCount);
  const scrolledTo = useRef(queueStore.scrollTop);
  useLayoutEffect(() => {
    if (fromTopCount === seenFromTop.current) return;
    seenFromTop.current = fromTopCount;
    if (gridRef.current && scrolledTo.current !== 0) {
      gridRef.current.scrollTop = 0;
      scrolledTo.current = 0;
      followScroll(); // the rows at the top now, not a frame later with the scroll event
    }
  }, [gridRef, fromTopCount, followScroll]);

  const openRow = useCallback(
    (index: number, row: QueueRow) => {
      queueStore.setActiveIndex(index);
      onOpenCase(row.id);
    },
    [onOpenCase],
  );

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const grid = gridRef.current;
    // Keys pressed on a sort button in the header belong to that button.
    if (!grid || event.target !== grid || count === 0) return;
    const pageRows = Math.max(1, Math.floor((grid.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const action = gridKeyAction(event, activeIndex, count, pageRows);
    if (!action) return;
    event.preventDefault();
    if ('open' in action) {
      const row = queueStore.rowAt(activeIndex);
      if (row) openRow(activeIndex, row);
      return;
    }
    queueStore.setActiveIndex(action.move);
    const scrollTop = scrollTopToShow(action.move, ROW_HEIGHT, HEADER_HEIGHT, grid.scrollTop, grid.clientHeight);
    if (scrollTop !== null) grid.scrollTop = scrollTop;
  };

  /** Which element (React key) showed which case, and the elements in order, in the last render. */
  const lastSlots = useRef<LastSlots>({ byId: new Map(), slots: [] });
  const rows = items.map((item) => queueStore.rowAt(item.index));
  const slots = assignSlots(rows, lastSlots.current);
  lastSlots.current = { byId: new Map(rows.flatMap((row, i) => (row ? [[row.id, slots[i]] as const] : []))), slots };
  const activeRendered = count > 0 && items.some((item) => item.index === activeIndex);

  return (
    <div className={classes.gridWrap}>
      <div
        ref={gridRef}
        role="grid"
        aria-labelledby={labelId}
        aria-rowcount={count + 1}
        aria-colcount={QUEUE_COLUMNS.length}
        aria-activedescendant={activeRendered ? rowDomId(activeIndex) : undefined}
        aria-busy={loading}
        tabIndex={0}
        data-empty={count === 0}
        className={classes.grid}
        style={{ '--queue-columns': GRID_TEMPLATE } as React.CSSProperties}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          // Focus arriving while the active row is scrolled away lands on the first row in view instead.
          if (event.target !== event.currentTarget || activeRendered || items.length === 0) return;
          const grid = event.currentTarget;
          const firstInView = items.find((item) => item.top >= grid.scrollTop) ?? items[0];
          queueStore.setActiveIndex(firstInView.index);
        }}
        onScroll={(event) => {
          queueStore.scrollTop = scrolledTo.current = event.currentTarget.scrollTop;
          followScroll();
        }}
      >
        <QueueGridHeader />
        <div role="rowgroup" className={classes.body} style={{ height: totalHeight }}>
          {items.map((item, i) => (
            <QueueGridRow
              key={slots[i]}
              index={item.index}
              row={rows[i]}
              active={item.index === activeIndex}
              top={item.top}
              labels={labels}
              onOpen={openRow}
            />
          ))}
        </div>
      </div>
      {total === 0 && !loading && <QueueEmptyText className={classes.empty} />}
    </div>
  );
}

interface LastSlots {
  byId: ReadonlyMap<number, number>;
  slots: readonly number[];
}

/**
 * React keys for the rows on screen. A case still on screen keeps its element, so when a keystroke only narrows
 * the list it just moves (or stays, and its memoised row does not render at all); the cases new on screen take
 * over the elements of those that left, preferably the one that was in the same place, so a list that changes
 * completely updates text in place: no elements built, none moved. Keys are small numbers, unique on screen.
 */
function assignSlots(rows: ReadonlyArray<QueueRow | undefined>, last: LastSlots): number[] {
  const slots = new Array<number>(rows.length).fill(-1);
  const taken = new Set<number>();
  rows.forEach((row, i) => {
    const slot = row ? last.byId.get(row.id) : undefined;
    if (slot !== undefined && !taken.has(slot)) {
      slots[i] = slot;
      taken.add(slot);
    }
  });
  rows.forEach((_, i) => {
    const samePlace = last.slots[i];
    if (slots[i] === -1 && samePlace !== undefined && !taken.has(samePlace)) {
      slots[i] = samePlace;
      taken.add(samePlace);
    }
  });
  const spare = last.slots.filter((slot) => !taken.has(slot));
  let next = Math.max(-1, ...last.slots) + 1;
  for (let i = 0; i < slots.length; i++) {
    if (slots[i] === -1) slots[i] = spare.shift() ?? next++;
  }
  return slots;
}
