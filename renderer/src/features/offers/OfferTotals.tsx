// The offer's figures as the regulation asks for them: per main component split into work and materials, then
// the contribution after the connection-fee deduction, VAT per code (the sum of each line's VAT) and the total.
import { Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNokNumber, type OfferCalculation } from '../../../../electron/shared/rules';
import classes from './Offers.module.css';

export function OfferTotals({ calculation }: { calculation: OfferCalculation }) {
  const { t } = useTranslation();
  const componentsId = useId();
  const totalsId = useId();
  return (
    <div className={classes.summary}>
      <div>
        <Title order={4} id={componentsId} size="h6" mb={4}>{t('offers.totals.byComponent')}</Title>
        <table className={classes.table} aria-labelledby={componentsId}>
          <thead>
            <tr>
              <th scope="col">{t('offers.lines.component')}</th>
              <th scope="col" className={classes.number}>{t('offers.totals.work')}</th>
              <th scope="col" className={classes.number}>{t('offers.totals.material')}</th>
              <th scope="col" className={classes.number}>{t('offers.totals.net')}</th>
              <th scope="col" className={classes.number}>{t('offers.lines.vat')}</th>
            </tr>
          </thead>
          <tbody>
            {calculation.components.map((c) => (
              <tr key={c.component} data-testid={`component-${c.component}`}>
                <th scope="row" className={classes.rowHeader}>
                  {t(`offers.component.${c.component}`)}
                </th>
                <td className={classes.number}>{formatNokNumber(c.workNetOre)}</td>
                <td className={classes.number}>{formatNokNumber(c.materialNetOre)}</td>
                <td className={classes.number}>{formatNokNumber(c.netOre)}</td>
                <td className={classes.number}>{formatNokNumber(c.vatOre)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('offers.totals.sum')}</th>
              <td className={classes.number} data-testid="work-total">{formatNokNumber(calculation.workNetOre)}</td>
              <td className={classes.number} data-testid="material-total">{formatNokNumber(calculation.materialNetOre)}</td>
              <td className={classes.number}>{formatNokNumber(calculation.workNetOre + calculation.materialNetOre)}</td>
              <td className={classes.number}>{formatNokNumber(calculation.vatOre)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div>
        <Title order={4} id={totalsId} size="h6" mb={4}>{t('offers.totals.toPay')}</Title>
        <table className={classes.table} aria-labelledby={totalsId}>
          <tbody>
            <tr>
              <th scope="row" className={classes.rowHeader}>{t('offers.totals.contributionBefore')}</th>
              <td className={classes.number}>{formatNokNumber(calculation.contributionBeforeDeductionOre)}</td>
            </tr>
            {calculation.deduction && (
              <tr>
                <th scope="row" className={classes.rowHeader}>{t('offers.totals.deduction')}</th>
                <td className={classes.number} data-testid="deduction-total">{formatNokNumber(calculation.deduction.amountOre)}</td>
              </tr>
            )}
            <tr>
              <th scope="row" className={classes.rowHeader}>{t('offers.totals.contribution')}</th>
              <td className={classes.number} data-testid="contribution-total">{formatNokNumber(calculation.contributionOre)}</td>
            </tr>
            <tr>
              <th scope="row" className={classes.rowHeader}>{t('offers.totals.netAll')}</th>
              <td className={classes.number} data-testid="net-total">{formatNokNumber(calculation.netOre)}</td>
            </tr>
            {calculation.vatTotals.filter((v) => v.percent > 0 && calculation.lines.some((line) => line.vatCode === v.vatCode)).map((v) => (
              <tr key={v.vatCode}>
                <th scope="row" className={classes.rowHeader}>{t('offers.totals.vatOf', { percent: v.percent, base: formatNokNumber(v.netOre) })}</th>
                <td className={classes.number} data-testid={`vat-total-${v.vatCode}`}>{formatNokNumber(v.vatOre)}</td>
              </tr>
            ))}
            <tr className={classes.grandTotal}>
              <th scope="row">{t('offers.totals.grand')}</th>
              <td className={classes.number} data-testid="grand-total">{formatNokNumber(calculation.grossOre)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
