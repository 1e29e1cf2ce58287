// The file a request came with (a photo of the meter, a screenshot): fetched from the service when asked for and
// opened with the desktop's application; a failure said in words beside it.
import { Anchor, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../api/contract';
import { call } from '../../api/call';
import { describeSupportError } from './supportRequestErrors';

export function AttachmentLink({ requestId, fileName }: { requestId: string; fileName: string }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);
  const open = async () => {
    setPending(true);
    const result = await call('supportRequest.openAttachment', { requestId });
    setPending(false);
    setProblem(result.ok ? null : result.error);
  };
  return (
    <>
      <Text size="xs" mt={4}>
        {t('supportRequests.attachmentLabel')}{' '}
        <Anchor component="button" type="button" size="xs" onClick={() => void open()} disabled={pending}
          aria-label={t('supportRequests.openAttachment', { name: fileName })}>
          {fileName}
        </Anchor>
      </Text>
      {problem ? <Text size="xs" c="red.9" role="alert">{describeSupportError(t, problem).message}</Text> : null}
    </>
  );
}
