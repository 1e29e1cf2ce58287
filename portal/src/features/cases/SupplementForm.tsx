// The answer to a request for information (a supplement): one input for each fact the grid company asked for, one
// file field for each document it asked for, other files, and a text. Sent through portalSubmitMessage; the case
// goes back to review.
import { Button, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalCase } from '../../../../shared/portalApi/cases';
import type { AttachmentKind, FactField } from '../../../../shared/rules';
import type { ApiError } from '../../app/api';
import { Card } from '../../app/Screen';
import { useSession } from '../../app/session';
import { currentLanguage } from '../../i18n';
import { casesApi } from './api';
import { attachmentOf, newMessageId } from './files';
import { FileField, SendError, senderOf } from './formParts';
import { changesOf, SUPPLEMENT_FIELDS, valueOf } from './supplementFields';

const INPUT_TYPE = { integer: 'text', decimal: 'text', text: 'text', list: 'text', date: 'date', email: 'email' } as const;

export function SupplementForm({ c, onSent }: { c: PortalCase; onSent(): void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const language = currentLanguage();
  const [values, setValues] = useState<Partial<Record<FactField, string>>>({});
  const [files, setFiles] = useState<Partial<Record<AttachmentKind, File[]>>>({});
  const [text, setText] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const fields = [...new Set(c.requestedItems.flatMap((item) => (item.requires && 'fields' in item.requires ? item.requires.fields : [])))]
    .filter((field) => SUPPLEMENT_FIELDS[field]);
  const documents = c.requestedItems.filter((item) => item.requires && 'attachment' in item.requires);
  const problemOf = (field: FactField) => {
    const spec = SUPPLEMENT_FIELDS[field];
    return spec && valueOf(spec, values[field] ?? '') === null ? t('cases.validation.number') : null;
  };
  const chosen = Object.entries(files).flatMap(([kind, list]) => (list ?? []).map((file) => ({ kind: kind as AttachmentKind, file })));
  const changes = changesOf(values);
  const empty = Object.keys(changes).length === 0 && chosen.length === 0 && text.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!me || empty || fields.some(problemOf)) return;
    setBusy(true);
    setError(null);
    const answer = await casesApi.send({
      messageId: newMessageId(),
      kind: 'supplement',
      sentAt: new Date().toISOString(),
      sender: senderOf(me),
      caseNumber: c.caseNumber,
      changes,
      attachments: await Promise.all(chosen.map(({ kind, file }) => attachmentOf(kind, file))),
      ...(text.trim() ? { text: text.trim() } : {}),
    });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    onSent();
  };

  return (
    <Card labelledBy="supplement-title">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Title order={2} id="supplement-title" size="h3">{t('cases.supplement.title')}</Title>
          <Text size="sm">{t('cases.supplement.intro')}</Text>
          {fields.map((field) => {
            const spec = SUPPLEMENT_FIELDS[field]!;
            return (
              <TextInput
                key={field}
                type={INPUT_TYPE[spec.input]}
                inputMode={spec.input === 'integer' ? 'numeric' : spec.input === 'decimal' ? 'decimal' : undefined}
                label={t(`cases.fields.${field}`, { defaultValue: field })}
                description={spec.input === 'list' ? t('cases.supplement.listHint') : undefined}
                value={values[field] ?? ''}
                onChange={(event) => setValues({ ...values, [field]: event.currentTarget.value })}
                error={checked ? problemOf(field) : null}
              />
            );
          })}
          {documents.map((item) => {
            const kind = (item.requires as { attachment: AttachmentKind }).attachment;
            return (
              <FileField key={item.code} label={t('cases.supplement.fileFor', { label: item.label[language] })} multiple
                onChange={(list) => setFiles({ ...files, [kind]: list })} />
            );
          })}
          <FileField label={t('cases.supplement.extraFiles')} multiple onChange={(list) => setFiles({ ...files, other: list })} />
          <Textarea label={t('cases.supplement.text')} autosize minRows={3} maxLength={4000} value={text}
            onChange={(event) => setText(event.currentTarget.value)} />
          {checked && empty && <Text c="red.8" size="sm" role="alert">{t('cases.supplement.nothing')}</Text>}
          <SendError error={error} />
          <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>{t('cases.supplement.submit')}</Button>
        </Stack>
      </form>
    </Card>
  );
}
