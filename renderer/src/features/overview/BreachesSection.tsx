// Service-level breaches: cases past the due date while the clock runs, by how far past and by request type.
import { Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../../shared/contract/overviewView';
import { formatNumber } from '../../i18n/format';
import { FigureChart } from './FigureChart';
import { FigureTable } from './FigureTable';
import classes from './Overview.module.css';
import { OverviewSection, Stat } from './OverviewSection';

export function BreachesSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const { breaches } = overview;
  const bucket = (code: string) => t(`overview.breaches.bucket_${code}`);
  return (
    <OverviewSection title={t('overview.breaches.title')} help={t('overview.breaches.help')}>
      <Group gap="xl">
        <Stat label={t('overview.breaches.total')} value={formatNumber(breaches.total)} alert={breaches.total > 0} />
        <Stat label={t('overview.breaches.waiting')} value={formatNumber(breaches.waitingForInstaller)} />
      </Group>
      <div className={classes.figures}>
        <FigureChart
          title={t('overview.breaches.chart')}
          h={220}
          data={breaches.byBucket.map((row) => ({ label: bucket(row.bucket), count: row.count }))}
          dataKey="label"
          series={[{ name: 'count', label: t('overview.count'), color: 'red.8' }]}
          withBarValueLabel
          xAxisLabel={t('overview.breaches.bucketTitle')}
        />
        <Stack gap="md">
          <FigureTable
            caption={t('overview.breaches.bucketTitle')}
            columns={[{ label: t('overview.breaches.bucketTitle') }, { label: t('overview.count'), numeric: true }]}
            rows={breaches.byBucket.map((row) => [bucket(row.bucket), row.count])}
            fileName={t('overview.breaches.fileBuckets')}
            today={overview.today}
          />
          <FigureTable
            caption={t('overview.breaches.byTypeTitle')}
            columns={[
              { label: t('overview.requestType') },
              { label: t('overview.count'), numeric: true },
              { label: t('overview.breaches.median'), numeric: true },
              { label: t('overview.breaches.max'), numeric: true },
            ]}
            rows={breaches.byType.map((row) => [
              t(`enums.requestType.${row.requestType}`),
              row.count,
              row.medianDaysPast,
              row.maxDaysPast,
            ])}
            fileName={t('overview.breaches.fileByType')}
            today={overview.today}
          />
        </Stack>
      </div>
    </OverviewSection>
  );
}
