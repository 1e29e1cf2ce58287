// Oversikt: the supervisors' view over all the casework — cases by status and type, service-level breaches,
// lead times and throughput — computed in SQL on the local cache (core/overview). Esc or "Arbeidskø"
// goes back to the queue.
import '@mantine/charts/styles.css';
import { Alert, Button, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OVERVIEW_PERIODS, type OverviewWeeks } from '../../../../shared/contract/overviewView';
import { describeError } from '../../api/describeError';
import { useApiQuery } from '../../api/useApiQuery';
import { useNavigation } from '../../app/navigation';
import { useEscapeKey } from '../../app/useEscapeKey';
import { formatDate } from '../../i18n/format';
import { BreachesSection } from './BreachesSection';
import { CaseCountsSection } from './CaseCountsSection';
import { LeadTimesSection } from './LeadTimesSection';
import classes from './Overview.module.css';
import { ThroughputSection } from './ThroughputSection';

export function OverviewScreen() {
  const { t } = useTranslation();
  const { openQueue } = useNavigation();
  const [weeks, setWeeks] = useState<OverviewWeeks>(13);
  const { value, error, loading, reload } = useApiQuery('overview.get', { weeks });
  const periodLabelId = useId();
  useEscapeKey(openQueue);

  useEffect(() => {
    document.title = `${t('overview.title')} – ${t('app.productName')}`;
  }, [t]);

  const failure = error ? describeError(t, error) : null;

  return (
    <div className={classes.screen}>
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" align="center">
          <Group gap="md" align="baseline">
            <Button variant="subtle" size="compact-sm" onClick={openQueue} leftSection={<span aria-hidden>←</span>} aria-keyshortcuts="Escape">
              {t('overview.back')}
            </Button>
            <Title order={1}>{t('overview.title')}</Title>
            {loading && <Loader size="xs" aria-label={t('app.loading')} />}
          </Group>
          <Group gap="xs" align="center">
            <Text size="sm" id={periodLabelId}>
              {t('overview.period')}
            </Text>
            <SegmentedControl
              aria-labelledby={periodLabelId}
              value={String(weeks)}
              onChange={(next) => setWeeks(Number(next) as OverviewWeeks)}
              data={OVERVIEW_PERIODS.map((n) => ({ value: String(n), label: t(`overview.periodOption_${n}`) }))}
            />
          </Group>
        </Group>
        <Text size="sm" c="gray.8">
          {t('overview.intro')}
          {value && ` ${t('overview.periodFrom', { from: formatDate(value.from), today: formatDate(value.today) })}`}
        </Text>
        {failure && (
          <Alert color="red" title={t('overview.loadFailed')} role="alert">
            {failure.title}. {failure.message}{' '}
            <Button size="xs" variant="white" onClick={() => void reload()}>
              {t('app.retry')}
            </Button>
          </Alert>
        )}
        {value && (
          <>
            <CaseCountsSection overview={value} />
            <BreachesSection overview={value} />
            <LeadTimesSection overview={value} />
            <ThroughputSection overview={value} />
          </>
        )}
      </Stack>
    </div>
  );
}
