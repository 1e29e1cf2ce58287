// Be om opplysninger (mangelbrev): the Norwegian letter drafted from the chosen missing items, edited by the handler,
// then sent — stored for delivery to the portal. The dialog traps focus and gives it back when it closes (Mantine).
import { List, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import type { AppError } from '../../api/contract';
import { DialogActions } from '../../app/DialogActions';
import { useApiMutation } from '../../data/useApiMutation';
import { completenessErrorText } from './completenessErrors';

interface Props {
  opened: boolean;
  caseId: number;
  caseNumber: string;
  items: ReadonlyArray<{ code: string; name: string }>;
  onClose(): void;
}

export function InformationRequestDialog({ opened, caseId, caseNumber, items, onClose }: Props) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [recipient, setRecipient] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const request = useApiMutation('case.requestInformation');
  const [empty, setEmpty] = useState(false);
  const codes = items.map((item) => item.code);
  const codesKey = codes.join(',');

  useEffect(() => {
    if (!opened) return;
    let current = true;
    setError(null);
    setEmpty(false);
    void call('case.informationRequestDraft', { caseId, items: codesKey.split(',') }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setSubject(result.value.subject);
        setBody(result.value.body);
        setRecipient(result.value.recipient);
      } else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [opened, caseId, codesKey]);

  const send = async () => {
    if (subject.trim() === '' || body.trim() === '') {
      setEmpty(true);
      return;
    }
    setError(null);
    if (await request.run({ caseId, items: codes, subject, body })) onClose();
  };
  const shownError = request.error ?? error;
  const errorText = shownError ? completenessErrorText(t, shownError) : null;

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={t('completeness.request.title', { caseNumber })}
      closeButtonProps={{ 'aria-label': t('completeness.request.cancel') }} styles={{ title: { fontWeight: 600 } }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('completeness.request.explain')}</Text>
          <div>
            <Text size="sm" fw={500}>
              {t('completeness.request.items')}
            </Text>
            <List size="sm">
              {items.map((item) => (
                <List.Item key={item.code}>{item.name}</List.Item>
              ))}
            </List>
          </div>
          <Text size="sm">{t('completeness.request.recipient', { recipient: recipient ?? '…' })}</Text>
          <TextInput label={t('completeness.request.subject')} value={subject} required maxLength={200}
            onChange={(event) => setSubject(event.currentTarget.value)} data-autofocus
            error={empty && subject.trim() === '' ? t('completeness.request.emptySubject') : undefined} />
          <Textarea label={t('completeness.request.body')} description={t('completeness.request.bodyHint')} value={body}
            required autosize minRows={10} maxRows={22} maxLength={20_000}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={empty && body.trim() === '' ? t('completeness.request.emptyBody') : undefined} />
          <DialogActions problem={errorText} cancelLabel={t('completeness.request.cancel')}
            confirmLabel={t('completeness.request.send')} pending={request.pending} onCancel={onClose}
            confirmDisabled={subject === '' && body === ''} />
        </Stack>
      </form>
    </Modal>
  );
}
