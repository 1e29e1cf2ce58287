// A screen's button in the header: pressed while the screen is open, and a second press goes back to the queue.
import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SCREEN_TITLE_KEYS, useNavigation, type ScreenName } from './navigation';

export function ScreenNavButton({ screen, ariaLabel, rightSection }: { screen: Exclude<ScreenName, 'queue'>; ariaLabel?: string; rightSection?: ReactNode }) {
  const { t } = useTranslation();
  const { view, openScreen, openQueue } = useNavigation();
  const open = view.name === screen;
  return (
    <Button
      variant={open ? 'light' : 'subtle'}
      size="compact-sm"
      aria-pressed={open}
      aria-label={ariaLabel}
      onClick={open ? openQueue : () => openScreen(screen)}
      rightSection={rightSection}
    >
      {t(SCREEN_TITLE_KEYS[screen])}
    </Button>
  );
}
