// "Logg ut": the token is forgotten (the address and user name stay, to sign in again) and the app restarts
// signed out. Nothing waiting to be sent is lost: it stays in this person's cache on this computer.
import { Alert, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { notifyError } from '../../api/notify';

export function SignOutButton() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const signOut = async () => {
    setBusy(true);
    const result = await call('settings.signOut', {});
    setBusy(false);
    if (result.ok) setDone(true);
    else notifyError(t, result.error);
  };

  if (done) {
    return (
      <Alert color="blue" title={t('settings.central.signedOutTitle')} role="status">
        {t('settings.central.signedOut')}
      </Alert>
    );
  }
  return (
    <Button variant="default" loading={busy} onClick={() => void signOut()}>
      {t('settings.central.signOut')}
    </Button>
  );
}
