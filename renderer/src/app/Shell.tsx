// The frame around both screens: a skip link, the product name, who is signed in, the language switch.
import { Group, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppData } from './AppData';
import { LanguageSwitch } from './LanguageSwitch';
import classes from './Shell.module.css';

export const MAIN_ID = 'main-content';

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useAppData();
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
        <Group gap="md" ml="auto" wrap="nowrap">
          <Text size="sm" c="gray.8">
            <VisuallyHidden>{t('app.signedInAs')} </VisuallyHidden>
            {session.user.displayName}
            <Text span size="sm" c="dimmed">
              {' · '}
              {t(`enums.role.${session.user.role}`)}
              {session.mode === 'standalone' ? ` · ${t('app.mode.standalone')}` : ''}
            </Text>
          </Text>
          <LanguageSwitch />
        </Group>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        {children}
      </main>
    </div>
  );
}
