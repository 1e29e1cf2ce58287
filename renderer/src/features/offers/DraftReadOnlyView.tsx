// A draft offer seen by someone who may not change it: its lines and figures as they stand, read only, with why — the
// case is not theirs now (the case's header says how to get it), or they have read-only access.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OfferDetail } from '../../api/contract';
import { IssuedLinesTable } from './IssuedLinesTable';
import { OfferExplanation } from './OfferExplanation';
import { OfferTotals } from './OfferTotals';

export function DraftReadOnlyView({ offer, untilClaimed }: { offer: OfferDetail; untilClaimed: boolean }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" mb="xs">
        {t(untilClaimed ? 'offers.draftReadOnly' : 'offers.draftReadOnlyReader')}
      </Text>
      <IssuedLinesTable lines={offer.calculation.lines} />
      <OfferTotals calculation={offer.calculation} />
      <OfferExplanation calculation={offer.calculation} />
    </div>
  );
}
