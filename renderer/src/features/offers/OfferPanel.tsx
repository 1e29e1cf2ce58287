// The offer on screen, read once when shown: a draft opens in the builder (which from then on holds what is typed)
// for whoever may work on the case, read only for anyone else; an issued or superseded offer opens read only.
import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApiQuery';
import type { Casework } from '../case/casework';
import { describeOfferError } from './describeOfferError';
import { DraftReadOnlyView } from './DraftReadOnlyView';
import { IssuedOfferView } from './IssuedOfferView';
import { OfferDraftEditor } from './OfferDraftEditor';
import classes from './Offers.module.css';

interface Props {
  offerId: string;
  ownerName: string;
  missing: string[];
  missingKept?: boolean;
  /** Whether a draft may be changed, and if not, whether holding the case would change that. */
  casework: Casework;
  onIssued(offerId: string): Promise<void>;
  onRevise?: (fromOfferId: string) => Promise<void>;
  revising: boolean;
}

export function OfferPanel({ offerId, ownerName, missing, missingKept, casework, onIssued, onRevise, revising }: Props) {
  const { t } = useTranslation();
  const { value: offer, error } = useApiQuery('offer.get', { offerId });
  if (!offer) {
    return (
      <Text size="sm" c={error ? 'red.9' : 'gray.7'} role="status" mt="sm">
        {error ? describeOfferError(t, error).message : t('offers.loading')}
      </Text>
    );
  }
  return (
    <div>
      <div className={classes.offerHead}>
        <Title order={3} size="h5">
          {t('offers.heading', { version: offer.offerVersion, state: t(`offers.state.${offer.state}`) })}
        </Title>
        <Text size="xs" c="gray.7">
          {t('offers.priceList', { id: offer.priceListId, version: offer.priceListVersion })}
        </Text>
      </div>
      {offer.state === 'draft' && casework.mayWork ? (
        <OfferDraftEditor offer={offer} ownerName={ownerName} missing={missing} missingKept={missingKept} onIssued={onIssued} />
      ) : offer.state === 'draft' ? (
        <DraftReadOnlyView offer={offer} untilClaimed={casework.hint !== null} />
      ) : (
        <IssuedOfferView
          offer={offer}
          revising={revising}
          onRevise={onRevise ? () => void onRevise(offer.id) : undefined}
        />
      )}
    </div>
  );
}
