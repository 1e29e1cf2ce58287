// Vedlegg: files chosen, or photos taken with the phone's camera; each sniffed from its first bytes at once (a file
// that is not PDF, JPEG or PNG, or too large, is refused then and there), tagged with its kind, removable. Below,
// the grid company's standard attachments to download, and the files a resumed draft had that must be chosen again.
import { Alert, Anchor, Button, CloseButton, Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalDraftAttachment } from '../../../../shared/portalApi/drafts';
import type { PortalTemplate } from '../../../../shared/portalApi/lookup';
import type { PortalAttachmentType } from '../../../../shared/portalApi/messages';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../../../../shared/rules';
import { Card } from '../../app/Screen';
import { currentLanguage } from '../../i18n';
import { templateHref } from './api';
import { refusalOf, sizeText, sniffFile } from './attachmentFiles';

export interface ChosenAttachment {
  id: string;
  file: File;
  fileName: string;
  bytes: number;
  type: PortalAttachmentType;
  kind: AttachmentKind;
}

const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/** A photo is a photo; a PDF is most often the site map until the installer says otherwise. */
const likelyKind = (type: PortalAttachmentType): AttachmentKind => (type === 'application/pdf' ? 'other' : 'photo');

let sequence = 0;

export function AttachmentsCard({ attachments, awaited, templates, problems, onChange }: {
  attachments: ChosenAttachment[];
  awaited: PortalDraftAttachment[];
  templates: PortalTemplate[];
  /** Attachment index → translation key of the service's refusal. */
  problems: Record<number, string>;
  onChange: (attachments: ChosenAttachment[]) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLanguage() === 'nb' ? 'nb-NO' : 'en-GB';
  const [refusals, setRefusals] = useState<string[]>([]);
  const chooser = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = '';
    const added: ChosenAttachment[] = [];
    const refused: string[] = [];
    let total = attachments.reduce((sum, a) => sum + a.bytes, 0);
    for (const file of files) {
      const type = await sniffFile(file);
      const refusal = refusalOf(type, file.size, total);
      if (refusal || type === null) {
        refused.push(t(`newMessage.attachments.refused.${refusal ?? 'type'}`, { name: file.name }));
        continue;
      }
      total += file.size;
      const awaitedKind = awaited.find((a) => a.fileName === file.name)?.kind;
      added.push({ id: `a${++sequence}`, file, fileName: file.name, bytes: file.size, type, kind: awaitedKind ?? likelyKind(type) });
    }
    setRefusals(refused);
    if (added.length > 0) onChange([...attachments, ...added]);
  };

  const setKind = (id: string, kind: AttachmentKind) =>
    onChange(attachments.map((a) => (a.id === id ? { ...a, kind } : a)));
  const kinds = ATTACHMENT_KINDS.map((kind) => ({ value: kind, label: t(`newMessage.attachments.kinds.${kind}`) }));
  const missingAgain = awaited.filter((a) => !attachments.some((chosen) => chosen.fileName === a.fileName));

  return (
    <Card labelledBy="attachments-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="attachments-title">{t('newMessage.attachments.title')}</Title>
        <Text size="sm">{t('newMessage.attachments.intro')}</Text>
        <input ref={chooser} type="file" accept={ACCEPT} multiple hidden data-testid="attachment-files" onChange={(e) => void add(e)} />
        <input ref={camera} type="file" accept="image/jpeg,image/png" capture="environment" hidden data-testid="attachment-camera" onChange={(e) => void add(e)} />
        <Group gap="sm">
          <Button variant="light" onClick={() => chooser.current?.click()}>{t('newMessage.attachments.choose')}</Button>
          <Button variant="default" onClick={() => camera.current?.click()}>{t('newMessage.attachments.camera')}</Button>
        </Group>
        <div role="alert">
          {refusals.length > 0 && (
            <Alert color="red" variant="light">
              <Stack gap={4}>{refusals.map((text) => <Text key={text} size="sm">{text}</Text>)}</Stack>
            </Alert>
          )}
        </div>
        {missingAgain.length > 0 && (
          <Alert color="orange" variant="light">
            <Text size="sm">{t('newMessage.attachments.again')}</Text>
            <List size="sm" mt={4}>
              {missingAgain.map((a) => (
                <List.Item key={a.fileName}>{a.fileName} ({t(`newMessage.attachments.kinds.${a.kind}`)}, {sizeText(a.bytes, locale)})</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {attachments.length === 0 ? <Text size="sm" c="dimmed">{t('newMessage.attachments.none')}</Text> : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {attachments.map((a, index) => (
              <Paper component="li" key={a.id} withBorder p="sm" radius="md">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
                    <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>{a.fileName}</Text>
                    <Text size="xs" c="dimmed">{t(`newMessage.attachments.types.${a.type}`)} · {sizeText(a.bytes, locale)}</Text>
                    <NativeSelect size="xs" label={t('newMessage.attachments.kind', { name: a.fileName })} data={kinds} value={a.kind}
                      onChange={(event) => setKind(a.id, event.currentTarget.value as AttachmentKind)}
                      error={problems[index] ? t(`newMessage.${problems[index]}`) : undefined} />
                  </Stack>
                  <CloseButton aria-label={t('newMessage.attachments.removeFile', { name: a.fileName })}
                    onClick={() => onChange(attachments.filter((other) => other.id !== a.id))} />
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {templates.length > 0 && (
          <Stack gap={4} component="section" aria-labelledby="templates-title" mt="xs">
            <Title order={3} size="h4" id="templates-title">{t('newMessage.templates.title')}</Title>
            <Text size="sm">{t('newMessage.templates.intro')}</Text>
            <List size="sm">
              {templates.map((template) => (
                <List.Item key={template.name}>
                  <Anchor href={templateHref(template.name)} download={template.fileName}>
                    {t('newMessage.templates.download', { name: t(`newMessage.templates.names.${template.name}`), size: sizeText(template.bytes, locale) })}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
