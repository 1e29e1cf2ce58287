// The case's offers by version: state, total, validity, when issued; the one on screen is marked.
import { Button, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNokNumber } from '../../../../shared/rules';
import type { OfferSummary } from '../../api/contract';
import { formatDate, formatDateTime } from '../../i18n/format';
import classes from './Offers.module.css';

interface Props {
  offers: OfferSummary[];
  shownId: string | null;
  onShow(offerId: string): void;
}

export function OfferVersionsTable({ offers, shownId, onShow }: Props) {
  const { t } = useTranslation();
  return (
    <table className={classes.table} data-testid="offer-versions">
      <caption>
        <VisuallyHidden>{t('offers.versions.caption')}</VisuallyHidden>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('offers.versions.version')}</th>
          <th scope="col">{t('offers.versions.state')}</th>
          <th scope="col" className={classes.number}>{t('offers.versions.total')}</th>
          <th scope="col">{t('offers.versions.validUntil')}</th>
          <th scope="col">{t('offers.versions.issued')}</th>
          <th scope="col"><VisuallyHidden>{t('offers.versions.actions')}</VisuallyHidden></th>
        </tr>
      </thead>
      <tbody>
        {[...offers].reverse().map((offer) => {
          const shown = offer.id === shownId;
          return (
            <tr key={offer.id} aria-current={shown ? 'true' : undefined} data-testid={`offer-version-${offer.offerVersion}`}>
              <td>{t('offers.versions.versionN', { version: offer.offerVersion })}</td>
              <td data-testid="offer-state">{t(`offers.state.${offer.state}`)}</td>
              <td className={classes.number}>{formatNokNumber(offer.grossOre)}</td>
              <td>{offer.validUntil ? formatDate(offer.validUntil) : '–'}</td>
              <td>{offer.issuedAt ? formatDateTime(offer.issuedAt) : '–'}</td>
              <td style={{ textAlign: 'right', width: '1%' }}>
                <Button size="compact-sm" variant={shown ? 'light' : 'default'} aria-pressed={shown}
                  aria-label={t('offers.versions.showN', { version: offer.offerVersion })} onClick={() => onShow(offer.id)}>
                  {t('offers.versions.show')}
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
