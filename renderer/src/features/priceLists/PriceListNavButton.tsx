// "Prisliste" in the header: the price list screen, one Tab away (supervisors edit it there, everyone reads it).
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';

export function PriceListNavButton() {
  const { t } = useTranslation();
  const { view, openPriceList, openQueue } = useNavigation();
  const open = view.name === 'priceList';
  return (
    <Button variant={open ? 'light' : 'subtle'} size="compact-sm" aria-pressed={open} onClick={open ? openQueue : openPriceList}>
      {t('priceLists.title')}
    </Button>
  );
}
