// A draft offer seen by someone who may not change it now (with a central service, the case is not theirs): its
// lines and figures as they stand, read only; the case's header says how to get the case.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OfferDetail } from '../../api/contract';
import { IssuedLinesTable } from './IssuedLinesTable';
import { OfferExplanation } from './OfferExplanation';
import { OfferTotals } from './OfferTotals';

export function DraftReadOnlyView({ offer }: { offer: OfferDetail }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" mb="xs">
        {t('offers.draftReadOnly')}
      </Text>
      <IssuedLinesTable lines={offer.calculation.lines} />
      <OfferTotals calculation={offer.calculation} />
      <OfferExplanation calculation={offer.calculation} />
    </div>
  );
}
