// A bar chart on the overview, as one picture for assistive technology: its title says what it shows and that the
// table beside it holds the same figures. The chart itself takes no focus and shows no tooltip; the keyboard reads
// the table. Values are written the Norwegian way.
import { BarChart, type BarChartProps } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';

type Props = Omit<BarChartProps, 'title' | 'orientation' | 'gridAxis' | 'yAxisProps' | 'valueFormatter' | 'withTooltip'
  | 'accessibilityLayer' | 'textColor'> & {
  title: string;
  /** Bars run across, one row per label, with the labels this many pixels wide; without it the bars stand up. */
  labelWidth?: number;
};

export function FigureChart({ title, labelWidth, ...chart }: Props) {
  const { t } = useTranslation();
  const across = labelWidth !== undefined
    ? { orientation: 'vertical' as const, gridAxis: 'x' as const, yAxisProps: { width: labelWidth } }
    : { gridAxis: 'y' as const };
  return (
    <figure style={{ margin: 0 }}>
      <Text component="figcaption" fw={600} size="sm" mb={4}>
        {title}
      </Text>
      <div role="img" aria-label={t('overview.chartLabel', { title })}>
        <BarChart {...chart} {...across} valueFormatter={formatNumber} withTooltip={false} accessibilityLayer={false}
          textColor="gray.8" />
      </div>
    </figure>
  );
}
