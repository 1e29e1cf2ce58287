// "Oversikt" in the header, for the roles that see the overview (supervisors and readers).
import { useTranslation } from 'react-i18next';
import { OVERVIEW_ROLES } from '../../../../shared/contract/overviewView';
import { useAppData } from '../../app/AppData';
import { ScreenNavButton } from '../../app/ScreenNavButton';

export function OverviewNavButton() {
  const { t } = useTranslation();
  const { session } = useAppData();
  if (!OVERVIEW_ROLES.includes(session.user.role)) return null;
  return <ScreenNavButton screen="overview" ariaLabel={t('overview.navLabel')} />;
}
