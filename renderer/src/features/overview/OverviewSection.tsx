// One part of the overview: a heading, what its figures mean (the definitions, in words), and the figures.
import { Loader, Group, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import classes from './Overview.module.css';

/**
 * `pending`: the cases the section's figures still wait for (`Overview.factsPending`); while there are any, the
 * section says so in place of its figures.
 */
export function OverviewSection({ title, help, pending = 0, children }: { title: string; help: string; pending?: number; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={classes.section} aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={2} id={headingId}>
            {title}
          </Title>
          <Text size="sm" c="gray.8" maw={900}>
            {help}
          </Text>
        </div>
        {pending > 0 ? <PendingFigures count={pending} /> : children}
      </Stack>
    </section>
  );
}

/** A single figure, large, with what it is. */
export function Stat({ label, value, detail, alert }: { label: string; value: string; detail?: string; alert?: boolean }) {
  return (
    <div className={alert ? `${classes.stat} ${classes.statAlert}` : classes.stat}>
      <Text size="sm" c="gray.8">
        {label}
      </Text>
      <div className={classes.statValue}>{value}</div>
      {detail && (
        <Text size="xs" c="gray.8">
          {detail}
        </Text>
      )}
    </div>
  );
}

/**
 * In place of figures still being worked out in the background (`Overview.factsPending`): how many cases are left.
 * The screen reads the overview again as the catch-up goes (the change stream), so the figures replace this.
 */
function PendingFigures({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="status">
      <Loader size="xs" aria-hidden />
      <Text size="sm">{t('overview.factsPending', { count, formatted: formatNumber(count) })}</Text>
    </Group>
  );
}
