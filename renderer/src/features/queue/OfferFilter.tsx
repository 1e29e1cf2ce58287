// Tilbud: all cases, only offers past their validity (sent, not accepted, valid_until passed), or only cases with a
// row from the billing file flagged for a person — with how many each choice gives (it clears the status filter).
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { queueStore } from './queueStore';
import { useQueueState } from './useQueueState';

type OfferChoice = 'all' | 'expired' | 'flagged';

export function OfferFilter() {
  const { t } = useTranslation();
  const labelId = useId();
  const expiredOnly = useQueueState((state) => state.filters.offersExpiredOnly);
  const flaggedOnly = useQueueState((state) => state.filters.billingFlaggedOnly);
  const counts = useQueueState((state) => state.counts);
  const value: OfferChoice = expiredOnly ? 'expired' : flaggedOnly ? 'flagged' : 'all';
  const withCount = (label: string, count: number | undefined) => (count === undefined ? label : `${label} (${formatNumber(count)})`);

  return (
    <Stack gap={2}>
      <Text id={labelId} size="sm" fw={500}>
        {t('offerFollowUp.queue.label')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={value}
        onChange={(choice) =>
          queueStore.setFilters({
            offersExpiredOnly: choice === 'expired',
            billingFlaggedOnly: choice === 'flagged',
            ...(choice === 'all' ? {} : { statuses: [] }),
          })
        }
        data={[
          { value: 'all', label: t('offerFollowUp.queue.all') },
          { value: 'expired', label: withCount(t('offerFollowUp.queue.expired'), counts?.offersExpired) },
          { value: 'flagged', label: withCount(t('offerFollowUp.queue.flagged'), counts?.billingFlagged) },
        ]}
      />
    </Stack>
  );
}
