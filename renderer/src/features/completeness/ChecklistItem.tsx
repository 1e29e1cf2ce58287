// One line of the checklist: met (✓), missing with the reason, or overridden with who and why. A missing item can
// be picked for the request for information, or overridden.
import { Button, Checkbox, Group, Text } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessItemView } from '../../api/contract';
import { formatDateTime } from '../../i18n/format';
import { itemLabel, missingText } from './describeItem';
import classes from './Completeness.module.css';
import { OverrideForm } from './OverrideForm';

interface Props {
  item: CompletenessItemView;
  canEdit: boolean;
  /** The case may be sent a request for information now, so missing items can be picked for it. */
  selectable: boolean;
  selected: boolean;
  onSelect(selected: boolean): void;
  overriding: boolean;
  onOverriding(open: boolean): void;
  pending: boolean;
  onOverride(reason: string): Promise<boolean>;
}

export function ChecklistItem({ item, canEdit, selectable, selected, onSelect, overriding, onOverriding, pending, onOverride }: Props) {
  const { t, i18n } = useTranslation();
  const overrideButton = useRef<HTMLButtonElement>(null);
  const name = itemLabel(item, i18n.language);
  const state = item.ok ? 'ok' : item.overridden ? 'overridden' : 'missing';
  const open = item.ok === false && item.overridden === false;
  const close = () => {
    onOverriding(false);
    requestAnimationFrame(() => overrideButton.current?.focus());
  };

  return (
    <li className={classes.item} data-state={state} data-item={item.code}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <span className={classes.mark} aria-hidden>
          {state === 'ok' ? '✓' : state === 'overridden' ? '≈' : '✗'}
        </span>
        <div className={classes.body}>
          <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
            {open && selectable ? (
              <Checkbox
                label={<span className={classes.name}>{name}</span>}
                checked={selected}
                onChange={(event) => onSelect(event.currentTarget.checked)}
                aria-description={t('completeness.selectHint')}
              />
            ) : (
              <Text size="sm" className={classes.name}>
                {name}
              </Text>
            )}
            <Text size="xs" className={classes.state} data-state={state}>
              {t(`completeness.state.${state}`)}
            </Text>
          </Group>
          {!item.ok && (
            <Text size="xs" c="gray.7">
              {missingText(t, item)}
            </Text>
          )}
          {item.override && (
            <Text size="xs" c="gray.8">
              {t('completeness.overriddenBy', {
                name: item.override.byName ?? item.override.by,
                at: formatDateTime(item.override.at),
                reason: item.override.reason,
              })}
            </Text>
          )}
          {open && canEdit && !overriding && (
            <Button ref={overrideButton} variant="subtle" size="compact-xs" px={4} onClick={() => onOverriding(true)}
              aria-label={t('completeness.override.buttonFor', { item: name })}>
              {t('completeness.override.button')}
            </Button>
          )}
          {overriding && (
            <OverrideForm itemName={name} pending={pending} onCancel={close}
              onSave={(reason) => void onOverride(reason).then((done) => done && onOverriding(false))} />
          )}
        </div>
      </Group>
    </li>
  );
}
