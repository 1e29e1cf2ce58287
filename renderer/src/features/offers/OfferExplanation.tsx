// "How each figure came about": the calculation's own steps, in order, folded away until asked for.
import { useTranslation } from 'react-i18next';
import type { OfferCalculation } from '../../../../shared/rules';
import classes from './Offers.module.css';

export function OfferExplanation({ calculation }: { calculation: OfferCalculation }) {
  const { t } = useTranslation();
  return (
    <details className={classes.explanation}>
      <summary>{t('offers.explanation.title')}</summary>
      <ol data-testid="offer-explanation">
        {calculation.explanation.map((step, index) => (
          <li key={index} data-code={step.code}>
            {step.text}
          </li>
        ))}
      </ol>
    </details>
  );
}
