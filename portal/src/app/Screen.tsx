// One screen: its heading (which takes focus when the screen opens, so a screen reader announces it and the next
// Tab starts from the top of the screen) and the document title.
import { Alert, Paper, Stack, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api';

export function Screen({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <Stack gap="md">
      <Title order={1} ref={heading} tabIndex={-1}>{title}</Title>
      {intro}
      {children}
    </Stack>
  );
}

export function Card({ children, labelledBy }: { children: ReactNode; labelledBy?: string }) {
  return (
    <Paper component="section" withBorder p={{ base: 'md', sm: 'lg' }} radius="md" aria-labelledby={labelledBy}>
      {children}
    </Paper>
  );
}

/** The service's refusal in words (the code's translation, or a general one). */
export function ErrorAlert({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const key = `errors.${error.code}`;
  return (
    <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
      {t(key, { defaultValue: t('errors.unknown', { status: error.status }) })}
    </Alert>
  );
}
