// Innstillinger › Oppdateringer: which channel this desk takes new versions from (kept on this computer), and
// where things stand. Shown only where the app has an update bridge.
import { Radio, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isUpdateChannel, UPDATE_CHANNELS } from '../../../../shared/contract/updates';
import { useDeskUpdates } from './useDeskUpdates';

export function UpdateChannelSection({ className }: { className: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const updates = useDeskUpdates();
  if (!updates?.view) return null;
  const { view } = updates;
  return (
    <section className={className} aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} id={headingId}>
          {t('updates.title')}
        </Title>
        <Text size="sm">{t('updates.intro')}</Text>
        <Radio.Group
          label={t('updates.channel')}
          value={view.channel}
          onChange={(value) => {
            if (isUpdateChannel(value)) void updates.setChannel(value);
          }}
        >
          <Stack gap="xs" mt="xs">
            {UPDATE_CHANNELS.map((channel) => (
              <Radio key={channel} value={channel} label={t(`updates.channels.${channel}`)} description={t(`updates.channelHelp.${channel}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="sm" c="gray.7">
          {t('updates.leavingBeta')}
        </Text>
        <Text size="sm" fw={500} role="status">
          {t(`updates.phase.${view.phase}`, { version: view.version ?? '' })}
        </Text>
      </Stack>
    </section>
  );
}
