// Throughput per case handler per ISO week: a stacked bar per week (one colour per person) and the table.
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../../shared/contract/overviewView';
import { FigureChart } from './FigureChart';
import { FigureTable } from './FigureTable';
import { OverviewSection } from './OverviewSection';

/** Dark enough for 3:1 against white beside each other; one per person, in the order of their names. */
const PERSON_COLOURS = ['blue.8', 'teal.9', 'orange.9', 'grape.8', 'cyan.9', 'red.8', 'lime.9', 'indigo.7', 'pink.8', 'yellow.9'];

const weekParts = (isoWeek: string) => ({ year: isoWeek.slice(0, 4), week: String(Number(isoWeek.slice(6))) });

export function ThroughputSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const people = [...new Map(overview.throughput.map((row) => [row.userId, row.displayName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1], 'nb'),
  );
  const data = overview.throughputWeeks.map((week) => {
    const entry: Record<string, string | number> = { week: t('overview.throughput.weekShort', weekParts(week)) };
    for (const [userId] of people) {
      entry[userId] = overview.throughput.find((row) => row.week === week && row.userId === userId)?.cases ?? 0;
    }
    return entry;
  });
  return (
    <OverviewSection title={t('overview.throughput.title')} help={t('overview.throughput.help')} pending={overview.factsPending}>
      <FigureChart
        title={t('overview.throughput.chart')}
        h={300}
        data={data}
        dataKey="week"
        type="stacked"
        series={people.map(([userId, displayName], i) => ({
          name: userId,
          label: displayName,
          color: PERSON_COLOURS[i % PERSON_COLOURS.length],
        }))}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
      />
      <FigureTable
        caption={t('overview.throughput.title')}
        columns={[
          { label: t('overview.throughput.week') },
          { label: t('overview.throughput.person') },
          { label: t('overview.throughput.decided'), numeric: true },
          { label: t('overview.throughput.closed'), numeric: true },
          { label: t('overview.throughput.cases'), numeric: true },
        ]}
        rows={[...overview.throughput]
          .sort((a, b) => b.week.localeCompare(a.week) || a.displayName.localeCompare(b.displayName, 'nb'))
          .map((row) => [t('overview.throughput.weekLabel', weekParts(row.week)), row.displayName, row.decided, row.closed, row.cases])}
        fileName={t('overview.throughput.file')}
        today={overview.today}
      />
    </OverviewSection>
  );
}
