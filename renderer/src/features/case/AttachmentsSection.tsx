// Vedlegg: what the installer sent, each openable with the desktop's own viewer.
import { Button, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import type { AttachmentSummary } from '../../api/contract';
import { notifyError } from '../../api/notify';
import { formatBytes, formatDateTime } from '../../i18n/format';
import classes from './Case.module.css';
import { Section } from './Section';
import { ChangedMark, useSupplementChanges } from './supplementChanges';

export function AttachmentsSection({ attachments }: { attachments: AttachmentSummary[] }) {
  const { t } = useTranslation();
  const [opening, setOpening] = useState<number | null>(null);
  const changes = useSupplementChanges();
  // The supplement's own files: of a kind it brought, and among the last received.
  const lastReceived = attachments.reduce((latest, a) => (a.receivedAt > latest ? a.receivedAt : latest), '');
  const broughtBySupplement = (a: AttachmentSummary) => changes.has(a.kind) && a.receivedAt === lastReceived;

  const open = async (attachment: AttachmentSummary) => {
    setOpening(attachment.id);
    const result = await call('attachment.open', { attachmentId: attachment.id });
    setOpening(null);
    if (!result.ok) notifyError(t, result.error);
  };

  return (
    <Section title={t('case.attachments.title', { count: attachments.length })}>
      {attachments.length === 0 ? (
        <p className={classes.notGiven}>{t('case.attachments.none')}</p>
      ) : (
        <table className={classes.attachments}>
          <thead>
            <tr>
              <th scope="col">{t('case.attachments.kind')}</th>
              <th scope="col">{t('case.attachments.size')}</th>
              <th scope="col">{t('case.attachments.received')}</th>
              <th scope="col">
                <VisuallyHidden>{t('case.attachments.actions')}</VisuallyHidden>
              </th>
            </tr>
          </thead>
          <tbody>
            {attachments.map((attachment) => (
              <tr key={attachment.id}>
                <td>
                  <Text size="sm" fw={500}>
                    {t(`enums.attachmentKind.${attachment.kind}`)}
                    {broughtBySupplement(attachment) && <ChangedMark />}
                  </Text>
                  <Text size="xs" c="gray.7" className={classes.fileName}>
                    <VisuallyHidden>{t('case.attachments.fileName')}: </VisuallyHidden>
                    {attachment.fileName}
                  </Text>
                </td>
                <td className={classes.nowrap}>{formatBytes(attachment.sizeBytes)}</td>
                <td className={classes.nowrap}>{formatDateTime(attachment.receivedAt)}</td>
                <td className={classes.actionCell}>
                  <Button
                    size="compact-sm"
                    variant="default"
                    loading={opening === attachment.id}
                    aria-label={t('case.attachments.openNamed', { fileName: attachment.fileName })}
                    onClick={() => void open(attachment)}
                  >
                    {t('case.attachments.open')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
