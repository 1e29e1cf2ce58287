// The frame around every screen: a skip link, the product name, the connection, who is signed in, the settings
// and the language switch; under it, a new version waiting for a restart.
import { Button, Group, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OverviewNavButton } from '../features/overview/OverviewNavButton';
import { AreaSuppliersNavButton } from '../features/areaSuppliers/AreaSuppliersNavButton';
import { PortalFirmsNavButton } from '../features/portalFirms/PortalFirmsNavButton';
import { SupportRequestsNavButton } from '../features/supportRequests/SupportRequestsNavButton';
import { PriceListNavButton } from '../features/priceLists/PriceListNavButton';
import { QuarantineNavButton } from '../features/quarantine/QuarantineNavButton';
import { ConnectionIndicator } from '../features/sync/ConnectionIndicator';
import { UpdateBanner } from '../features/updates/UpdateBanner';
import { WorkloadNavButton } from '../features/workload/WorkloadNavButton';
import { useAppData } from './AppData';
import { LanguageSwitch } from './LanguageSwitch';
import { useNavigation } from './navigation';
import classes from './Shell.module.css';

export const MAIN_ID = 'main-content';

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useAppData();
  const { view, openSettings, closeSettings } = useNavigation();
  const onSettings = view.name === 'settings';
  return (
    <div className={classes.frame}>
      <a
        className={classes.skipLink}
        href={`#${MAIN_ID}`}
        onClick={(event) => {
          event.preventDefault();
          document.getElementById(MAIN_ID)?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className={classes.header}>
        <span className={classes.product}>{t('app.productName')}</span>
        <Group gap="xs" ml="auto" wrap="wrap" justify="flex-end">
          <ConnectionIndicator />
          <Text size="sm" c="gray.8">
            <VisuallyHidden>{t('app.signedInAs')} </VisuallyHidden>
            {session.user.displayName}
            <Text span size="sm" c="dimmed">
              {' · '}
              {t(`enums.role.${session.user.role}`)}
            </Text>
          </Text>
          <WorkloadNavButton />
          <OverviewNavButton />
          <AreaSuppliersNavButton />
          <PortalFirmsNavButton />
          <SupportRequestsNavButton />
          <QuarantineNavButton />
          <PriceListNavButton />
          <Button
            variant={onSettings ? 'light' : 'subtle'}
            size="compact-sm"
            aria-pressed={onSettings}
            onClick={onSettings ? closeSettings : openSettings}
          >
            {t('app.settings')}
          </Button>
          <LanguageSwitch />
        </Group>
      </header>
      <UpdateBanner />
      <main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        {children}
      </main>
    </div>
  );
}
