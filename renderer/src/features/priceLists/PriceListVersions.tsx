// The versions of the price list, newest first, each with its effective date and whether it is the one new offers
// take today (the dot keeps the text dark on white). A version is a button: Tab reaches it, Enter shows it.
import { Badge, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PriceListVersionState, PriceListVersionSummary } from '../../api/contract';
import { formatDate } from '../../i18n/format';
import classes from './PriceLists.module.css';

const BADGE_COLOR: Record<PriceListVersionState, string> = { inEffect: 'teal', upcoming: 'blue', earlier: 'gray', pending: 'orange' };

interface Props {
  versions: PriceListVersionSummary[];
  selected: { id: string; version: number } | null;
  labelledBy: string;
  onSelect(version: PriceListVersionSummary): void;
}

export function PriceListVersions({ versions, selected, labelledBy, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <ul className={classes.versionList} aria-labelledby={labelledBy}>
      {versions.map((v) => {
        const current = selected?.id === v.id && selected.version === v.version;
        return (
          <li key={`${v.id}@${v.version}`}>
            <button type="button" className={classes.versionButton} aria-current={current ? 'true' : undefined}
              onClick={() => onSelect(v)} data-testid="price-list-version">
              <strong>{t('priceLists.versionLabel', { version: v.version })}</strong>{' '}
              <Badge size="sm" variant="dot" radius="sm" tt="none" c="gray.9" color={BADGE_COLOR[v.state]}>{t(`priceLists.state.${v.state}`)}</Badge>
              <span className={classes.versionMeta}>
                {t('priceLists.effectiveFrom', { date: formatDate(v.effectiveFrom) })}
                <VisuallyHidden>, </VisuallyHidden>
                {' · '}
                {t('priceLists.itemCount', { count: v.itemCount })}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
