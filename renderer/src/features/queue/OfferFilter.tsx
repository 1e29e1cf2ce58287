// Tilbud: all cases, only offers past their validity (sent, not accepted, valid_until passed), or only cases with a
// row from the billing file flagged for a person — with how many each choice gives.
import { useTranslation } from 'react-i18next';
import { ChoiceFilter } from './ChoiceFilter';
import { queueStore } from './queueStore';
import { useQueueState } from './useQueueState';

export function OfferFilter() {
  const { t } = useTranslation();
  const expiredOnly = useQueueState((state) => state.filters.offersExpiredOnly);
  const flaggedOnly = useQueueState((state) => state.filters.billingFlaggedOnly);
  const counts = useQueueState((state) => state.counts);
  return (
    <ChoiceFilter
      label={t('offerFollowUp.queue.label')}
      value={expiredOnly ? 'expired' : flaggedOnly ? 'flagged' : 'all'}
      onChange={(choice) =>
        queueStore.setFilters({
          offersExpiredOnly: choice === 'expired',
          billingFlaggedOnly: choice === 'flagged',
          ...(choice === 'all' ? {} : { statuses: [] }),
        })
      }
      choices={[
        { value: 'all', label: t('offerFollowUp.queue.all') },
        { value: 'expired', label: t('offerFollowUp.queue.expired'), count: counts?.offersExpired },
        { value: 'flagged', label: t('offerFollowUp.queue.flagged'), count: counts?.billingFlagged },
      ]}
    />
  );
}
