// Svar: the answer to one support request, in words the installer reads (it is shown in the portal as written and
// announced by e-mail). Sending closes the request. A refusal from the service stays in the dialog, in words.
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../api/contract';
import type { SupportRequestView } from '../../../../shared/contract/supportRequests';
import { useApiMutation } from '../../data/useApiMutation';
import { DialogActions } from '../../app/DialogActions';
import { requesterOf } from './requester';
import { describeSupportError } from './supportRequestErrors';

/** As SUPPORT_ANSWER_MAX in the contract (a value from there would bundle its schemas). */
const ANSWER_MAX = 4000;
const FIELD_STYLES = { error: { color: 'var(--mantine-color-red-9)' } };

interface Props {
  request: SupportRequestView;
  onClose(): void;
  /** Answered (with whether the e-mail went), or answered elsewhere meanwhile (null): the list is read again. */
  onDone(message: string | null): void;
}

export function AnswerDialog({ request, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const [missing, setMissing] = useState(false);
  const { attempt, pending } = useApiMutation('supportRequest.answer');
  const [problem, setProblem] = useState<AppError | null>(null);
  const who = requesterOf(t, request);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (answer.trim() === '') {
      setMissing(true);
      return;
    }
    const result = await attempt({ requestId: request.id, answer: answer.trim() });
    if (result.ok) {
      onDone(t(result.value.noticeSent ? 'supportRequests.answered' : 'supportRequests.answeredNoMail', { who }));
      return;
    }
    setProblem(result.error);
    if (result.error.code === 'central.refused') onDone(null);
  };

  const cancel = t('supportRequests.dialog.cancel');
  return (
    <Modal opened onClose={onClose} title={t('supportRequests.dialog.title', { who })} size="lg"
      closeButtonProps={{ 'aria-label': cancel }} styles={{ title: { fontWeight: 600 } }}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <div>
            <Text size="sm" fw={600}>{t('supportRequests.dialog.question')}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{request.text}</Text>
          </div>
          <Textarea
            label={t('supportRequests.dialog.answer')}
            description={t('supportRequests.dialog.answerHelp', { email: request.contactEmail })}
            required
            autosize
            minRows={4}
            maxLength={ANSWER_MAX}
            value={answer}
            data-autofocus
            styles={FIELD_STYLES}
            error={missing && answer.trim() === '' ? t('supportRequests.dialog.answerMissing') : undefined}
            onChange={(event) => setAnswer(event.currentTarget.value)}
          />
          <DialogActions problem={problem ? describeSupportError(t, problem) : null} cancelLabel={cancel}
            confirmLabel={t('supportRequests.dialog.send')} pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
