// Free-text search. Every keystroke asks the core at once (stale answers are dropped in the store); Esc or ↓
// goes back to the list (Esc does not clear, as a native search field would); a too-long search is explained
// under the field.
//
// The field keeps its own text (uncontrolled): typing does not redraw it, only the list answers the keystroke.
// A change made elsewhere (the clear button, "reset filters") is written into the field from the store.
import { CloseButton, Kbd, TextInput } from '@mantine/core';
import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { describeIssue, issueFor } from '../../api/describeError';
import classes from './Queue.module.css';
import { queueStore } from './queueStore';
import { SearchIcon } from './SearchIcon';
import { useQueueState } from './useQueueState';

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  onLeave: () => void;
}

export function SearchField({ inputRef, onLeave }: Props) {
  const { t } = useTranslation();
  const hasText = useQueueState((state) => state.filters.search !== '');
  const listError = useQueueState((state) => state.listError);
  const issue = issueFor(listError, 'filters.search');

  useEffect(() => {
    const follow = () => {
      const input = inputRef.current;
      const search = queueStore.getState().filters.search;
      if (input && input.value !== search) input.value = search;
    };
    follow();
    return queueStore.subscribe(follow);
  }, [inputRef]);

  return (
    <TextInput
      ref={inputRef}
      label={t('queue.search.label')}
      placeholder={t('queue.search.placeholder')}
      defaultValue={queueStore.getState().filters.search}
      onChange={(event) => queueStore.setFilters({ search: event.currentTarget.value })}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || event.key === 'ArrowDown') {
          event.preventDefault();
          onLeave();
        }
      }}
      error={issue ? describeIssue(t, issue) : undefined}
      leftSection={<SearchIcon />}
      type="search"
      classNames={{ input: classes.searchInput }}
      rightSection={
        hasText ? (
          <CloseButton
            size="sm"
            aria-label={t('queue.search.clear')}
            onClick={() => {
              queueStore.setFilters({ search: '' });
              inputRef.current?.focus();
            }}
          />
        ) : (
          <Kbd size="xs" aria-hidden>
            /
          </Kbd>
        )
      }
      autoComplete="off"
      spellCheck={false}
      w={320}
    />
  );
}
