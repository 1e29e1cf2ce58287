// "Områdeentreprenører" in the header: the register of area suppliers, kept by supervisors and read by everyone.
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';

export function AreaSuppliersNavButton() {
  const { t } = useTranslation();
  const { view, openAreaSuppliers, openQueue } = useNavigation();
  const open = view.name === 'areaSuppliers';
  return (
    <Button variant={open ? 'light' : 'subtle'} size="compact-sm" aria-pressed={open} onClick={open ? openQueue : openAreaSuppliers}>
      {t('areaSuppliers.navLabel')}
    </Button>
  );
}
