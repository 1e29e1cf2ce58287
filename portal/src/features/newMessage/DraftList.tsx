// Utkast: the user's drafts kept on the server (from this or another device), the last changed first; resume one,
// delete one, or start an empty message.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalDraft } from '../../../../shared/portalApi/drafts';
import { Card } from '../../app/Screen';
import { currentLanguage } from '../../i18n';

export function DraftList({ drafts, currentId, onResume, onDelete, onNew }: {
  drafts: PortalDraft[];
  currentId: string | null;
  onResume: (draft: PortalDraft) => void;
  onDelete: (draft: PortalDraft) => void;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const when = (iso: string) => new Date(iso).toLocaleString(currentLanguage() === 'nb' ? 'nb-NO' : 'en-GB', {
    dateStyle: 'short', timeStyle: 'short',
  });
  return (
    <Card labelledBy="drafts-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="drafts-title">{t('newMessage.drafts.title')}</Title>
          <Button size="xs" variant="default" onClick={onNew}>{t('newMessage.drafts.new')}</Button>
        </Group>
        {drafts.length === 0 ? <Text size="sm" c="dimmed">{t('newMessage.drafts.none')}</Text> : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="draft-list">
            {drafts.map((draft) => {
              const title = draft.title || t('newMessage.drafts.untitled');
              return (
                <Paper component="li" key={draft.id} withBorder p="xs" radius="md">
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                      <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>{title}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`newMessage.requestTypes.${draft.form.requestType}`)} · {t('newMessage.drafts.changed', { when: when(draft.updatedAt) })}
                      </Text>
                    </Stack>
                    <Group gap="xs" wrap="nowrap">
                      {draft.id === currentId ? <Badge variant="light">{t('newMessage.drafts.current')}</Badge> : (
                        <Button size="xs" variant="light" onClick={() => onResume(draft)}
                          aria-label={t('newMessage.drafts.resumeDraft', { title })}>{t('newMessage.drafts.resume')}</Button>
                      )}
                      <Button size="xs" variant="outline" color="red" onClick={() => onDelete(draft)}
                        aria-label={t('newMessage.drafts.deleteDraft', { title })}>{t('newMessage.drafts.delete')}</Button>
                    </Group>
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
