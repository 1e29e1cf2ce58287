// One version as it stands: its dates and terms, the standard fees, and the catalogue grouped by main component,
// each item work or material with its unit price in NOK and its VAT code.
import { Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNok, type OfferValidity } from '../../../../shared/rules';
import type { PriceListDetail } from '../../api/contract';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { itemsByComponent } from './priceListDraft';
import classes from './PriceLists.module.css';

export function validityText(t: TFunction, validity: OfferValidity): string {
  return 'months' in validity
    ? t('priceLists.validity.months', { count: validity.months, formatted: formatNumber(validity.months) })
    : t('priceLists.validity.days', { count: validity.days, formatted: formatNumber(validity.days) });
}

export function PriceListView({ detail }: { detail: PriceListDetail }) {
  const { t } = useTranslation();
  const list = detail.priceList;
  const groups = itemsByComponent(list.catalogue).filter((group) => group.items.length > 0);
  return (
    <>
      <dl className={classes.facts}>
        <dt>{t('priceLists.fact.effectiveFrom')}</dt>
        <dd>{formatDate(list.effectiveFrom)}</dd>
        <dt>{t('priceLists.fact.state')}</dt>
        <dd>{t(`priceLists.state.${detail.state}`)}</dd>
        <dt>{t('priceLists.fact.offerValidity')}</dt>
        <dd>{validityText(t, list.offerValidity)}</dd>
        <dt>{t('priceLists.fact.paymentTerms')}</dt>
        <dd>{t('priceLists.paymentTermsDays', { count: list.paymentTermsDays, formatted: formatNumber(list.paymentTermsDays) })}</dd>
        <dt>{t('priceLists.fact.loadedAt')}</dt>
        <dd>{detail.loadedAt ? formatDateTime(detail.loadedAt) : t('priceLists.notYetStored')}</dd>
      </dl>
      <Title order={3} className={classes.componentHeading}>{t('priceLists.fees.title')}</Title>
      <table className={classes.table}>
        <thead>
          <tr>
            <th scope="col">{t('priceLists.column.description')}</th>
            <th scope="col">{t('priceLists.column.unit')}</th>
            <th scope="col" className={classes.number}>{t('priceLists.column.unitPrice')}</th>
            <th scope="col">{t('priceLists.column.vatCode')}</th>
            <th scope="col">{t('priceLists.column.connectionFee')}</th>
          </tr>
        </thead>
        <tbody>
          {list.standardFees.map((fee) => (
            <tr key={fee.code} data-testid="price-list-fee">
              <td>{fee.description}</td>
              <td>{fee.unit}</td>
              <td className={classes.number}>{formatNok(fee.unitPriceOre)}</td>
              <td>{t(`offers.vat.${fee.vatCode}`)}</td>
              <td>{fee.isConnectionFee ? t('priceLists.yes') : t('priceLists.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Title order={3} className={classes.componentHeading}>{t('priceLists.catalogue.title')}</Title>
      {groups.map(({ component, items }) => (
        <table key={component} className={`${classes.table} ${classes.itemTable}`}>
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t(`offers.component.${component}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('priceLists.column.description')}</th>
              <th scope="col" style={{ width: '16%' }}>{t('priceLists.column.kind')}</th>
              <th scope="col" style={{ width: '9%' }}>{t('priceLists.column.unit')}</th>
              <th scope="col" className={classes.number} style={{ width: '18%' }}>{t('priceLists.column.unitPrice')}</th>
              <th scope="col" style={{ width: '16%' }}>{t('priceLists.column.vatCode')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.code} data-testid="price-list-item">
                <td>{item.description}</td>
                <td>{t(`offers.kind.${item.kind}`)}</td>
                <td>{item.unit}</td>
                <td className={classes.number}>{formatNok(item.unitPriceOre)}</td>
                <td>{t(`offers.vat.${item.vatCode}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
