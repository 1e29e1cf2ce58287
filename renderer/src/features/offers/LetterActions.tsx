// The issued letter: open it with the desktop's PDF viewer, print it (the system's print dialog), or save a copy
// where the handler chooses.
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { notifyError, notifySuccess } from '../../api/notify';
import { describeOfferError } from './describeOfferError';

type Action = 'open' | 'print' | 'save';

export function LetterActions({ attachmentId }: { attachmentId: number | null }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Action | null>(null);

  const run = async (action: Action) => {
    if (attachmentId === null) return;
    setBusy(action);
    if (action === 'open') {
      const result = await call('attachment.open', { attachmentId });
      if (!result.ok) notifyError(t, result.error, describeOfferError);
    } else if (action === 'print') {
      const result = await call('attachment.print', { attachmentId });
      if (result.ok) notifySuccess(t('offers.letter.printed', { fileName: result.value.fileName }));
      else notifyError(t, result.error, describeOfferError);
    } else {
      const result = await call('attachment.saveCopy', { attachmentId });
      if (result.ok && result.value.savedTo) notifySuccess(t('offers.letter.saved', { path: result.value.savedTo }));
      else if (!result.ok) notifyError(t, result.error, describeOfferError);
    }
    setBusy(null);
  };

  if (attachmentId === null) return null;
  return (
    <>
      <Button variant="default" size="sm" loading={busy === 'open'} onClick={() => void run('open')}>
        {t('offers.letter.open')}
      </Button>
      <Button variant="default" size="sm" loading={busy === 'print'} onClick={() => void run('print')}>
        {t('offers.letter.print')}
      </Button>
      <Button variant="default" size="sm" loading={busy === 'save'} onClick={() => void run('save')}>
        {t('offers.letter.save')}
      </Button>
    </>
  );
}
