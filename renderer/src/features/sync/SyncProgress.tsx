// The initial download as a bar: valuenow in per cent, the counts in words for a screen reader.
import { Progress } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';

interface Props {
  progress: { done: number; total: number };
  size?: 'xs' | 'sm' | 'md';
  width?: number | string;
}

export function progressPercent({ done, total }: Props['progress']): number {
  return total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 0;
}

export function SyncProgress({ progress, size = 'sm', width }: Props) {
  const { t } = useTranslation();
  const percent = progressPercent(progress);
  return (
    <Progress.Root size={size} w={width} radius="xl">
      <Progress.Section
        value={percent}
        color="blue.8"
        withAria={false}
        role="progressbar"
        aria-label={t('sync.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('sync.progressText', {
          done: formatNumber(progress.done),
          total: formatNumber(progress.total),
          percent,
        })}
      />
    </Progress.Root>
  );
}
