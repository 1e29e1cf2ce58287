// A chart as one picture for assistive technology: its title says what it shows and that the table beside it
// holds the same figures. The chart itself takes no focus; the keyboard reads the table.
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ChartFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <figure style={{ margin: 0 }}>
      <Text component="figcaption" fw={600} size="sm" mb={4}>
        {title}
      </Text>
      <div role="img" aria-label={t('overview.chartLabel', { title })}>
        {children}
      </div>
    </figure>
  );
}
