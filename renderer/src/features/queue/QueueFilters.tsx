// The filter bar: search, type, municipality, why a closed case ended, whose cases, due (overdue or waiting for the
// installer), and the status chips.
import { Group, MultiSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId, useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSURE_REASONS, REQUEST_TYPES } from '../../../../shared/rules';
import { useAppData } from '../../app/AppData';
import classes from './Queue.module.css';
import { queueStore } from './queueStore';
import { SearchField } from './SearchField';
import { StatusChips } from './StatusChips';
import { DueFilter } from './DueFilter';
import { OfferFilter } from './OfferFilter';
import { useQueueState } from './useQueueState';

interface Props {
  searchRef: RefObject<HTMLInputElement | null>;
  onLeaveSearch: () => void;
}


/** What every multi-select filter of the queue shares: compact, searchable, cleared with one click. */
const FILTER_SELECT = {
  clearable: true, searchable: true, selectFirstOptionOnChange: true, classNames: { inputField: classes.compactField }, w: 230, size: 'sm',
} as const;
export function QueueFilters({ searchRef, onLeaveSearch }: Props) {
  const { t } = useTranslation();
  const { reference } = useAppData();
  const assignmentLabelId = useId();
  const types = useQueueState((state) => state.filters.types);
  const municipalities = useQueueState((state) => state.filters.municipalities);
  const assignment = useQueueState((state) => state.filters.assignment);
  const closureReasons = useQueueState((state) => state.filters.closureReasons);

  const typeOptions = useMemo(
    () => REQUEST_TYPES.map((type) => ({ value: type, label: t(`enums.requestType.${type}`) })),
    [t],
  );
  const closureOptions = useMemo(
    () => CLOSURE_REASONS.map((reason) => ({ value: reason, label: t(`enums.closureReason.${reason}`) })),
    [t],
  );
  const municipalityOptions = useMemo(
    () => reference.municipalities.map((m) => ({ value: m.number, label: `${m.name} (${m.number})` })),
    [reference.municipalities],
  );

  return (
    <Stack gap={8} role="search" aria-label={t('queue.filters.label')}>
      {/* Top-aligned, so a multi-select growing a second line of choices does not move its neighbours. */}
      <Group gap="md" align="flex-start" wrap="wrap">
        <SearchField inputRef={searchRef} onLeave={onLeaveSearch} />
        <MultiSelect
          label={t('queue.filters.type')}
          placeholder={types.length === 0 ? t('queue.filters.allTypes') : undefined}
          data={typeOptions}
          value={types}
          onChange={(value) => queueStore.setFilters({ types: value })}
          {...FILTER_SELECT}
        />
        <MultiSelect
          label={t('queue.filters.municipality')}
          placeholder={municipalities.length === 0 ? t('queue.filters.allMunicipalities') : undefined}
          data={municipalityOptions}
          value={municipalities}
          onChange={(value) => queueStore.setFilters({ municipalities: value })}
          {...FILTER_SELECT}
        />
        <MultiSelect
          label={t('queue.filters.closureReason')}
          placeholder={closureReasons.length === 0 ? t('queue.filters.allClosureReasons') : undefined}
          data={closureOptions}
          value={closureReasons}
          // Only closed cases have a closure reason: a status filter beside it would only hide them.
          onChange={(value) => queueStore.setFilters({ closureReasons: value, ...(value.length > 0 ? { statuses: [] } : {}) })}
          {...FILTER_SELECT}
        />
        <Stack gap={2}>
          <Text id={assignmentLabelId} size="sm" fw={500}>
            {t('queue.filters.assignment')}
          </Text>
          <SegmentedControl
            aria-labelledby={assignmentLabelId}
            value={assignment}
            onChange={(value) => queueStore.setFilters({ assignment: value })}
            data={[
              { value: 'all', label: t('queue.filters.assignmentAll') },
              { value: 'mine', label: t('queue.filters.assignmentMine') },
              { value: 'unassigned', label: t('queue.filters.assignmentUnassigned') },
            ]}
          />
        </Stack>
        <DueFilter />
        <OfferFilter />
      </Group>
      <StatusChips />
    </Stack>
  );
}
