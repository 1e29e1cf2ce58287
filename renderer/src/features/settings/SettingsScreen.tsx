// Innstillinger: the central service the app works against and who is signed in there (or none: standalone),
// the company's practice, and the channel updates come from. Reached from the header's
// "Innstillinger"; "Tilbake" or Esc returns to where it was opened from.
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describeError';
import { useApiQuery } from '../../api/useApiQuery';
import { useNavigation } from '../../app/navigation';
import { useEscapeKey } from '../../app/useEscapeKey';
import { CentralSettingsForm } from './CentralSettingsForm';
import { CompanyPracticeSection } from './CompanyPracticeSection';
import { UpdateChannelSection } from '../updates/UpdateChannelSection';
import classes from './Settings.module.css';
import { SignOutButton } from './SignOutButton';
import { StandaloneSwitch } from './StandaloneSwitch';
import { formatDateTime } from '../../i18n/format';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { closeSettings } = useNavigation();
  const { value: view, error, reload } = useApiQuery('settings.get', {});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const centralHeadingId = useId();
  const standaloneHeadingId = useId();
  useEscapeKey(closeSettings);

  useEffect(() => {
    document.title = `${t('settings.title')} – ${t('app.productName')}`;
  }, [t]);

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  const errorText = error && !view ? describeError(t, error) : null;

  return (
    <div className={classes.screen}>
      <div className={classes.inner}>
        <Group justify="space-between" wrap="nowrap">
          <Button variant="subtle" onClick={closeSettings} leftSection={<span aria-hidden>←</span>} aria-keyshortcuts="Escape">
            {t('settings.back')}
          </Button>
          <Text size="xs" c="gray.7">
            {t('settings.escHint')}
          </Text>
        </Group>
        <Title order={1} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
          {t('settings.title')}
        </Title>
        {errorText ? (
          <Alert color="red" title={errorText.title} role="alert">
            {errorText.message}{' '}
            <Button size="xs" variant="white" onClick={() => void reload()}>
              {t('app.retry')}
            </Button>
          </Alert>
        ) : !view ? (
          <Text size="sm" role="status">
            {t('settings.loading')}
          </Text>
        ) : (
          <>
            <section className={classes.section} aria-labelledby={centralHeadingId}>
              <Stack gap="sm">
                <Title order={2} id={centralHeadingId}>
                  {t('settings.central.title')}
                </Title>
                <Text size="sm">{t('settings.central.intro')}</Text>
                {!view.central ? (
                  <Text size="sm" fw={500}>
                    {t('settings.central.nowStandalone')}
                  </Text>
                ) : view.central.signedIn ? (
                  <Group gap="sm" justify="space-between" wrap="wrap">
                    <Text size="sm" fw={500}>
                      {view.central.tokenExpiresAt
                        ? t('settings.central.nowSignedInUntil', {
                            url: view.central.url,
                            user: view.central.username,
                            until: formatDateTime(view.central.tokenExpiresAt),
                          })
                        : t('settings.central.nowSignedIn', { url: view.central.url, user: view.central.username })}
                    </Text>
                    <SignOutButton />
                  </Group>
                ) : (
                  <Alert color="orange" title={t('settings.central.signedOutTitle')} role="status">
                    {t('settings.central.nowSignedOut', { url: view.central.url })}
                  </Alert>
                )}
                <CentralSettingsForm view={view} />
              </Stack>
            </section>
            {view.central && (
              <section className={classes.section} aria-labelledby={standaloneHeadingId}>
                <StandaloneSwitch headingId={standaloneHeadingId} />
              </section>
            )}
          </>
        )}
        <CompanyPracticeSection />
        <UpdateChannelSection className={classes.section} />
      </div>
    </div>
  );
}
