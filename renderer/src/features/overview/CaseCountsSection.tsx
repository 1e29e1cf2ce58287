// Cases per status and per request type: where the work stands now.
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../../shared/contract/overviewView';
import { FigureChart } from './FigureChart';
import { FigureTable } from './FigureTable';
import classes from './Overview.module.css';
import { OverviewSection } from './OverviewSection';

const BAR_ROW_PX = 30;

export function CaseCountsSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const status = (code: string) => t(`enums.status.${code}`);
  const type = (code: string) => t(`enums.requestType.${code}`);
  const notClosed = overview.byStatus.filter((row) => row.status !== 'closed' && row.count > 0);
  return (
    <>
      <OverviewSection title={t('overview.byStatus.title')} help={t('overview.byStatus.help')}>
        <div className={classes.figures}>
          <FigureChart
            title={t('overview.byStatus.chart')}
            h={Math.max(120, notClosed.length * BAR_ROW_PX + 40)}
            data={notClosed.map((row) => ({ label: status(row.status), count: row.count }))}
            dataKey="label"
            series={[{ name: 'count', label: t('overview.count'), color: 'blue.8' }]}
            labelWidth={170}
            withBarValueLabel
            barChartProps={{ barCategoryGap: 6 }}
          />
          <FigureTable
            caption={t('overview.byStatus.title')}
            columns={[{ label: t('overview.status') }, { label: t('overview.count'), numeric: true }]}
            rows={overview.byStatus.map((row) => [status(row.status), row.count])}
            fileName={t('overview.byStatus.file')}
            today={overview.today}
          />
        </div>
      </OverviewSection>
      <OverviewSection title={t('overview.byType.title')} help={t('overview.byType.help')}>
        <div className={classes.figures}>
          <FigureChart
            title={t('overview.byType.chart')}
            h={overview.byType.length * BAR_ROW_PX * 1.6 + 60}
            data={overview.byType.map((row) => ({ label: type(row.requestType), open: row.open, overdue: row.overdue }))}
            dataKey="label"
            series={[
              { name: 'open', label: t('overview.byType.open'), color: 'blue.8' },
              { name: 'overdue', label: t('overview.byType.overdue'), color: 'red.8' },
            ]}
            labelWidth={230}
            withLegend
            withBarValueLabel
          />
          <FigureTable
            caption={t('overview.byType.title')}
            columns={[
              { label: t('overview.requestType') },
              { label: t('overview.byType.open'), numeric: true },
              { label: t('overview.byType.overdue'), numeric: true },
              { label: t('overview.byType.waiting'), numeric: true },
              { label: t('overview.byType.closed'), numeric: true },
              { label: t('overview.byType.total'), numeric: true },
            ]}
            rows={overview.byType.map((row) => [type(row.requestType), row.open, row.overdue, row.waiting, row.closed, row.total])}
            fileName={t('overview.byType.file')}
            today={overview.today}
          />
        </div>
      </OverviewSection>
    </>
  );
}
