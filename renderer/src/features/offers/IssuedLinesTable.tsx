// An offer's lines, read only: an issued offer's as they stand in the letter, or a draft's for someone who may not
// change it.
import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNokNumber, formatQuantity, type CalculatedLine } from '../../../../shared/rules';
import classes from './Offers.module.css';

export function IssuedLinesTable({ lines }: { lines: CalculatedLine[] }) {
  const { t } = useTranslation();
  return (
    <table className={classes.table}>
      <caption>
        <VisuallyHidden>{t('offers.lines.caption')}</VisuallyHidden>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('offers.lines.description')}</th>
          <th scope="col">{t('offers.lines.component')}</th>
          <th scope="col">{t('offers.lines.kind')}</th>
          <th scope="col" className={classes.number}>{t('offers.lines.quantity')}</th>
          <th scope="col" className={classes.number}>{t('offers.lines.unitPrice')}</th>
          <th scope="col">{t('offers.lines.vatCode')}</th>
          <th scope="col" className={classes.number}>{t('offers.lines.net')}</th>
          <th scope="col" className={classes.number}>{t('offers.lines.vat')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id} data-testid="offer-line">
            <td>{line.description}</td>
            <td>{t(`offers.component.${line.component}`)}</td>
            <td>{t(`offers.kind.${line.kind}`)}</td>
            <td className={classes.number}>{formatQuantity(line.quantityMilli)} {line.unit}</td>
            <td className={classes.number}>{formatNokNumber(line.unitPriceOre)}</td>
            <td>{t(`offers.vat.${line.vatCode}`)}</td>
            <td className={classes.number}>{formatNokNumber(line.netOre)}</td>
            <td className={classes.number}>{formatNokNumber(line.vatOre)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
