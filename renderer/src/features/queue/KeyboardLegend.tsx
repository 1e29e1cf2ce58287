// The queue's keys, written out once at the bottom of the screen so nobody has to guess them.
import { Kbd } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './Queue.module.css';

const KEYS: Array<{ keys: string[]; labelKey: string }> = [
  { keys: ['↑', '↓', 'j', 'k'], labelKey: 'queue.keys.move' },
  { keys: ['Enter'], labelKey: 'queue.keys.open' },
  { keys: ['/'], labelKey: 'queue.keys.search' },
  { keys: ['Esc'], labelKey: 'queue.keys.backToList' },
  { keys: ['n'], labelKey: 'queue.keys.fetchNext' },
  { keys: ['Home', 'End', 'PgUp', 'PgDn'], labelKey: 'queue.keys.jump' },
];

export function KeyboardLegend() {
  const { t } = useTranslation();
  return (
    <p className={classes.legend}>
      {KEYS.map(({ keys, labelKey }) => (
        <span key={labelKey}>
          {keys.map((key) => (
            <Kbd key={key} size="xs" mr={2}>
              {key}
            </Kbd>
          ))}{' '}
          {t(labelKey)}
        </span>
      ))}
    </p>
  );
}
