// "Oversikt" in the header, for the roles that see the overview (supervisors and readers).
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OVERVIEW_ROLES } from '../../../../electron/shared/contract/overviewView';
import { useAppData } from '../../app/AppData';
import { useNavigation } from '../../app/navigation';

export function OverviewNavButton() {
  const { t } = useTranslation();
  const { session } = useAppData();
  const { view, openOverview, openQueue } = useNavigation();
  if (!OVERVIEW_ROLES.includes(session.user.role)) return null;
  const open = view.name === 'overview';
  return (
    <Button
      variant={open ? 'light' : 'subtle'}
      size="compact-sm"
      aria-pressed={open}
      aria-label={t('overview.navLabel')}
      onClick={open ? openQueue : openOverview}
    >
      {t('overview.title')}
    </Button>
  );
}
