// The queue as an accessible, virtualised grid: only the rows on screen exist in the DOM, pages are fetched as
// they scroll into view, and the grid itself holds focus while aria-activedescendant names the active row.
import { Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../api/contract';
import { GRID_TEMPLATE, QUEUE_COLUMNS } from './columns';
import { gridKeyAction, scrollTopToShow } from './gridKeys';
import classes from './Queue.module.css';
import { HEADER_HEIGHT, QueueGridHeader } from './QueueGridHeader';
import { QueueGridRow, ROW_HEIGHT, rowDomId } from './QueueGridRow';
import { queueStore } from './queueStore';
import { useQueueState } from './useQueueState';

interface Props {
  gridRef: RefObject<HTMLDivElement | null>;
  onOpenCase: (caseId: number) => void;
  labelId: string;
}

export function QueueGrid({ gridRef, onOpenCase, labelId }: Props) {
  const { t } = useTranslation();
  const total = useQueueState((state) => state.total);
  const activeIndex = useQueueState((state) => state.activeIndex);
  const loading = useQueueState((state) => state.loading);
  const fromTopCount = useQueueState((state) => state.fromTopCount);
  // Subscribing redraws the visible rows when a page arrives.
  useQueueState((state) => state.rowsVersion);
  const count = total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    initialOffset: () => queueStore.scrollTop,
  });
  const items = virtualizer.getVirtualItems();
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
  const seenFromTop = useRef(fromTopCount);
  useLayoutEffect(() => {
    if (fromTopCount === seenFromTop.current) return;
    seenFromTop.current = fromTopCount;
    if (gridRef.current) gridRef.current.scrollTop = 0;
  }, [gridRef, fromTopCount]);

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
          const firstInView = items.find((item) => item.start - HEADER_HEIGHT >= grid.scrollTop) ?? items[0];
          queueStore.setActiveIndex(firstInView.index);
        }}
        onScroll={(event) => {
          queueStore.scrollTop = event.currentTarget.scrollTop;
        }}
      >
        <QueueGridHeader />
        <div role="rowgroup" className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <QueueGridRow
              key={item.index}
              index={item.index}
              row={queueStore.rowAt(item.index)}
              active={item.index === activeIndex}
              top={item.start - HEADER_HEIGHT}
              onOpen={openRow}
            />
          ))}
        </div>
      </div>
      {total === 0 && !loading && (
        <Text className={classes.empty} size="sm" c="gray.8">
          {t('queue.empty')}
        </Text>
      )}
    </div>
  );
}
