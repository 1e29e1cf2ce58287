// An issued (or superseded) offer: read only, the figures as issued, the letter to open, print or save, and —
// for the offer in force — "Revider", which starts the next version from these lines.
import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNok } from '../../../../shared/rules';
import { formatDate, formatDateTime } from '../../i18n/format';
import type { OfferDetail } from '../../api/contract';
import { useAppData } from '../../app/AppData';
import { IssuedLinesTable } from './IssuedLinesTable';
import { LetterActions } from './LetterActions';
import { OfferExplanation } from './OfferExplanation';
import classes from './Offers.module.css';
import { OfferTotals } from './OfferTotals';

interface Props {
  offer: OfferDetail;
  onRevise?: () => void;
  revising: boolean;
}

export function IssuedOfferView({ offer, onRevise, revising }: Props) {
  const { t } = useTranslation();
  const { userName } = useAppData();
  return (
    <div>
      <Text size="sm" mb="xs">
        {offer.state === 'superseded' ? t('offers.issued.superseded') : t('offers.issued.readOnly')}{' '}
        {offer.issuedAt && t('offers.issued.by', {
          at: formatDateTime(offer.issuedAt),
          by: offer.issuedBy ? userName(offer.issuedBy) : '–',
          validUntil: formatDate(offer.validUntil),
        })}
      </Text>
      {offer.figuresAsIssued && (
        <Alert color="orange" title={t('offers.issued.notReproducedTitle')} mb="sm" role="alert">
          {t('offers.issued.notReproduced', {
            gross: formatNok(offer.figuresAsIssued.grossOre),
            contribution: formatNok(offer.figuresAsIssued.contributionOre),
          })}
        </Alert>
      )}
      <IssuedLinesTable lines={offer.calculation.lines} />
      <OfferTotals calculation={offer.calculation} />
      <OfferExplanation calculation={offer.calculation} />
      <div className={classes.actions}>
        <LetterActions attachmentId={offer.pdfAttachmentId} />
        {onRevise && (
          <Button variant="filled" size="sm" onClick={onRevise} loading={revising}>
            {t('offers.revise')}
          </Button>
        )}
      </div>
    </div>
  );
}
