// A calm line under the header once a new version is downloaded: it installs on the next start, and the button
// restarts now. Nothing while checking or downloading, and nothing on a failed check (main logs those).
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './UpdateBanner.module.css';
import { useDeskUpdates } from './useDeskUpdates';

export function UpdateBanner() {
  const { t } = useTranslation();
  const updates = useDeskUpdates();
  const [restarting, setRestarting] = useState(false);
  if (updates?.view?.phase !== 'downloaded') return null;
  return (
    <div className={classes.banner} role="status">
      <Group gap="sm" justify="center" wrap="wrap">
        <Text size="sm">
          {t('updates.downloaded')}
          {updates.view.version && (
            <Text span size="sm" c="gray.7">
              {' '}
              ({t('updates.version', { version: updates.view.version })})
            </Text>
          )}
        </Text>
        <Button
          size="compact-sm"
          variant="default"
          loading={restarting}
          onClick={() => {
            setRestarting(true);
            void updates.restart().finally(() => setRestarting(false));
          }}
        >
          {t('updates.restart')}
        </Button>
      </Group>
    </div>
  );
}
