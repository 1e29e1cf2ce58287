// Lead times in working days: the medians overall as figures, per request type as a chart and a table.
import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadTime, Overview } from '../../../../shared/contract/overviewView';
import { REQUEST_TYPES } from '../../../../shared/rules/domain';
import { formatNumber } from '../../i18n/format';
import { FigureChart } from './FigureChart';
import { FigureTable } from './FigureTable';
import classes from './Overview.module.css';
import { OverviewSection, Stat } from './OverviewSection';

export function LeadTimesSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const { completenessToOffer: toOffer, completionToMeter: toMeter } = overview;
  const medianText = (lead: LeadTime) => (lead.median === null ? '–' : formatNumber(lead.median));
  const types = REQUEST_TYPES.filter(
    (type) => toOffer.byType.some((row) => row.requestType === type) || toMeter.byType.some((row) => row.requestType === type),
  );
  const rows = types.map((type) => {
    const offer = toOffer.byType.find((row) => row.requestType === type);
    const meter = toMeter.byType.find((row) => row.requestType === type);
    return { type, offer: offer ?? { median: null, count: 0 }, meter: meter ?? { median: null, count: 0 } };
  });
  return (
    <OverviewSection title={t('overview.leadTimes.title')} help={t('overview.leadTimes.help')} pending={overview.factsPending}>
      <Group gap="xl">
        <Stat
          label={t('overview.leadTimes.toOffer')}
          value={medianText(toOffer.overall)}
          detail={t('overview.leadTimes.basedOn', { count: toOffer.overall.count, formatted: formatNumber(toOffer.overall.count) })}
        />
        <Stat
          label={t('overview.leadTimes.toMeter')}
          value={medianText(toMeter.overall)}
          detail={t('overview.leadTimes.basedOn', { count: toMeter.overall.count, formatted: formatNumber(toMeter.overall.count) })}
        />
      </Group>
      {/* One above the other: the table has five columns. */}
      <div className={classes.stacked}>
        <FigureChart
          title={t('overview.leadTimes.title')}
          h={Math.max(160, rows.length * 48 + 60)}
          data={rows.map((row) => ({
            label: t(`enums.requestType.${row.type}`),
            // No bar (rather than a bar at 0) where no case finished the step.
            offer: row.offer.median,
            meter: row.meter.median,
          }))}
          dataKey="label"
          series={[
            { name: 'offer', label: t('overview.leadTimes.toOffer'), color: 'blue.8' },
            { name: 'meter', label: t('overview.leadTimes.toMeter'), color: 'teal.9' },
          ]}
          labelWidth={230}
          withLegend
          withBarValueLabel
        />
        <FigureTable
          caption={t('overview.leadTimes.title')}
          columns={[
            { label: t('overview.requestType') },
            { label: `${t('overview.leadTimes.toOffer')} – ${t('overview.leadTimes.median')}`, numeric: true },
            { label: `${t('overview.leadTimes.toOffer')} – ${t('overview.leadTimes.cases')}`, numeric: true },
            { label: `${t('overview.leadTimes.toMeter')} – ${t('overview.leadTimes.median')}`, numeric: true },
            { label: `${t('overview.leadTimes.toMeter')} – ${t('overview.leadTimes.cases')}`, numeric: true },
          ]}
          rows={[
            ...rows.map((row) => [
              t(`enums.requestType.${row.type}`),
              row.offer.median,
              row.offer.count,
              row.meter.median,
              row.meter.count,
            ]),
            [t('overview.leadTimes.all'), toOffer.overall.median, toOffer.overall.count, toMeter.overall.median, toMeter.overall.count],
          ]}
          fileName={t('overview.leadTimes.file')}
          today={overview.today}
        />
      </div>
    </OverviewSection>
  );
}
