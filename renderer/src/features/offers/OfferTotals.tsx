// The offer's figures as the owner's letter shows them (rules/offerSettlement.ts): the cost of the connection per
// main component split into work and materials, then the steps from that cost to the amount to pay — minus the
// connection fee, the anleggsbidrag, plus the fee and any services with their own VAT.
import { Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatNokNumber, offerSettlement, type OfferCalculation, type SettlementStep,
} from '../../../../shared/rules';
import classes from './Offers.module.css';

const STEP_TEST_IDS: Partial<Record<SettlementStep['code'], string>> = {
  connection_fee_deduction: 'deduction-total',
  contribution: 'contribution-total',
  to_pay: 'net-total',
};

export function OfferTotals({ calculation }: { calculation: OfferCalculation }) {
  const { t } = useTranslation();
  const componentsId = useId();
  const stepsId = useId();
  const settlement = offerSettlement(calculation);
  const stepLabel = (step: SettlementStep) => {
    if (step.code === 'added_line') return step.label;
    if (step.code === 'connection_fee_deduction') return t('offers.totals.deduction');
    return t(`offers.totals.step.${step.code}`);
  };
  return (
    <div className={classes.summary}>
      <div>
        <Title order={4} id={componentsId} size="h6" mb={4}>{t('offers.totals.costByComponent')}</Title>
        <table className={classes.table} aria-labelledby={componentsId}>
          <thead>
            <tr>
              <th scope="col">{t('offers.lines.component')}</th>
              <th scope="col" className={classes.number}>{t('offers.totals.work')}</th>
              <th scope="col" className={classes.number}>{t('offers.totals.material')}</th>
              <th scope="col" className={classes.number}>{t('offers.totals.net')}</th>
            </tr>
          </thead>
          <tbody>
            {settlement.costComponents.map((c) => (
              <tr key={c.component} data-testid={`component-${c.component}`}>
                <th scope="row" className={classes.rowHeader}>{t(`offers.component.${c.component}`)}</th>
                <td className={classes.number}>{formatNokNumber(c.workNetOre)}</td>
                <td className={classes.number}>{formatNokNumber(c.materialNetOre)}</td>
                <td className={classes.number}>{formatNokNumber(c.netOre)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('offers.totals.step.connection_cost')}</th>
              <td className={classes.number} data-testid="work-total">{formatNokNumber(settlement.connectionCost.workNetOre)}</td>
              <td className={classes.number} data-testid="material-total">{formatNokNumber(settlement.connectionCost.materialNetOre)}</td>
              <td className={classes.number} data-testid="connection-cost">{formatNokNumber(settlement.connectionCost.netOre)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className={classes.fullRow}>
        <Title order={4} id={stepsId} size="h6" mb={4}>{t('offers.totals.steps')}</Title>
        <table className={classes.table} aria-labelledby={stepsId}>
          <thead>
            <tr>
              <th scope="col">{t('offers.totals.item')}</th>
              <th scope="col" className={classes.number}>{t('offers.totals.net')}</th>
              <th scope="col" className={classes.number}>{t('offers.totals.rate')}</th>
              <th scope="col" className={classes.number}>{t('offers.lines.vat')}</th>
              <th scope="col" className={classes.number}>{t('offers.totals.gross')}</th>
            </tr>
          </thead>
          <tbody>
            {settlement.steps.map((step, index) => {
              const last = step.code === 'to_pay';
              return (
                <tr key={`${step.code}-${step.lineId ?? index}`} data-testid="settlement-step" data-code={step.code}
                  className={last ? classes.grandTotal : step.code === 'contribution' ? classes.subTotal : undefined}>
                  <th scope="row" className={last ? undefined : classes.rowHeader}>
                    {step.operator && <span aria-hidden="true">{step.operator} </span>}{stepLabel(step)}
                  </th>
                  <td className={classes.number} data-testid={STEP_TEST_IDS[step.code]}>{formatNokNumber(step.netOre)}</td>
                  <td className={classes.number}>{step.vatCode ? t(`offers.totals.rateOf.${step.vatCode}`) : ''}</td>
                  <td className={classes.number} data-testid={last ? 'vat-total-standard' : undefined}>{formatNokNumber(step.vatOre)}</td>
                  <td className={classes.number} data-testid={last ? 'grand-total' : undefined}>{formatNokNumber(step.grossOre)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
