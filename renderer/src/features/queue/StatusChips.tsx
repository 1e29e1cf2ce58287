// The status filter: one chip per status with how many cases choosing it would show (under the other filters).
import { Chip, Group, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '../../../../shared/rules';
import { formatNumber } from '../../i18n/format';
import { queueStore } from './queueStore';
import { useQueueState } from './useQueueState';

export function StatusChips() {
  const { t } = useTranslation();
  const labelId = useId();
  const statuses = useQueueState((state) => state.filters.statuses);
  const counts = useQueueState((state) => state.counts);
  return (
    <Group gap={6} role="group" aria-labelledby={labelId} wrap="wrap">
      <Text id={labelId} size="xs" fw={600} c="gray.8" mr={4}>
        {t('queue.filters.status')}
      </Text>
      <Chip.Group multiple value={statuses} onChange={(value) => queueStore.setFilters({ statuses: value })}>
        {CASE_STATUSES.map((status) => (
          <Chip key={status} value={status} size="xs">
            {t(`enums.status.${status}`)}
            {counts && ' '}
            {counts && (
              <Text span size="xs" fw={600} ml={2}>
                {formatNumber(counts.byStatus[status])}
              </Text>
            )}
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}
