// The quarantined records as a listbox: arrows (Home, End) move, Enter or a click opens one in the detail pane.
import { Badge } from '@mantine/core';
import { useEffect, useId, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarantineItem } from '../../api/contract';
import { formatDateTime } from '../../i18n/format';
import { reasonLine } from './describeReason';
import { describeSource } from './describeSource';
import classes from './Quarantine.module.css';

interface Props {
  items: QuarantineItem[];
  openId: string | null;
  onOpen: (id: string) => void;
  labelId: string;
  listRef: RefObject<HTMLUListElement | null>;
}

export function QuarantineList({ items, openId, onOpen, labelId, listRef }: Props) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));

  // The cursor follows the open record when the list is read again (a record may have left it).
  useEffect(() => {
    const index = items.findIndex((item) => item.id === openId);
    if (index >= 0) setActive(index);
  }, [items, openId]);

  useEffect(() => {
    document.getElementById(`${idPrefix}-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, idPrefix]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = items.length - 1;
    const move = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, Home: 0, End: last }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(last, move)));
    } else if ((event.key === 'Enter' || event.key === ' ') && items[activeIndex]) {
      event.preventDefault();
      onOpen(items[activeIndex].id);
    }
  };

  return (
    <ul
      ref={listRef}
      className={classes.list}
      role="listbox"
      aria-labelledby={labelId}
      tabIndex={0}
      aria-activedescendant={items.length > 0 ? `${idPrefix}-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
    >
      {items.map((item, index) => (
        <li
          key={item.id}
          id={`${idPrefix}-${index}`}
          role="option"
          aria-selected={item.id === openId}
          data-active={index === activeIndex}
          className={classes.item}
          onClick={() => {
            setActive(index);
            onOpen(item.id);
          }}
        >
          <div className={classes.itemTop}>
            <span>{item.messageId ?? t('quarantine.noMessageId')}</span>
            {item.state !== 'open' && (
              <Badge size="sm" variant="light" color={item.state === 'ready' ? 'blue' : 'gray'}>
                {t(`quarantine.state.${item.state}`)}
              </Badge>
            )}
          </div>
          <div className={classes.itemMeta}>
            {describeSource(t, item.source)} · {formatDateTime(item.receivedAt)}
          </div>
          {item.reasons[0] && (
            <div className={classes.firstReason}>
              {reasonLine(t, item.reasons[0])}
              {item.reasons.length > 1 && ` ${t('quarantine.moreReasons', { count: item.reasons.length - 1 })}`}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
