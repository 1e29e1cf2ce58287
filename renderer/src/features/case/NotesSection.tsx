// Interne notater: what handlers tell each other about the case. Ctrl+Enter saves, like in a mail client.
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteEntry } from '../../api/contract';
import { describeError, describeIssue, issueFor } from '../../api/describeError';
import { formatDateTime } from '../../i18n/format';
import classes from './Case.module.css';
import { Section } from './Section';
import { useApiMutation } from '../../data/useApiMutation';

interface Props {
  caseId: number;
  notes: NoteEntry[];
}

export function NotesSection({ caseId, notes }: Props) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const { run, pending, error, clearError } = useApiMutation('case.addNote');

  const submit = async () => {
    if (pending) return;
    if (await run({ caseId, body })) setBody('');
  };

  const issue = issueFor(error, 'body');
  const message = issue ? describeIssue(t, issue) : error ? describeError(t, error).message : undefined;

  return (
    <Section title={t('case.notes.title')}>
      <Stack gap={6}>
        <Textarea
          label={t('case.notes.newNote')}
          description={t('case.notes.hint')}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            if (error) clearError();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void submit();
            }
          }}
          error={message}
          autosize
          minRows={3}
          maxRows={10}
        />
        <Group justify="flex-end">
          <Button onClick={() => void submit()} loading={pending} aria-keyshortcuts="Control+Enter">
            {t('case.notes.add')}
          </Button>
        </Group>
      </Stack>
      {notes.length === 0 ? (
        <Text size="sm" className={classes.notGiven} mt="sm">
          {t('case.notes.none')}
        </Text>
      ) : (
        <ul className={classes.plainList} style={{ marginTop: 'var(--mantine-spacing-sm)' }} aria-label={t('case.notes.listLabel')}>
          {notes.map((note) => (
            <li key={note.id} className={classes.note}>
              <p className={classes.freeText}>{note.body}</p>
              <div className={classes.meta}>
                <time dateTime={note.at}>{formatDateTime(note.at)}</time> · {note.authorName}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
