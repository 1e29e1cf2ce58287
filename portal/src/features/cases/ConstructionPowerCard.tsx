// Byggestrøm on the firm's case page: when the cabinet was connected and taken down, the meter at both ends, the
// days and — once it is down — the rent billed, so the installer checks the readings the bill stands on.
import { SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNok } from '../../../../shared/rules';
import type { PortalCase } from '../../../../shared/portalApi/cases';
import { Card } from '../../app/Screen';
import { Fact } from './Fact';
import { formatDay, formatNumber } from './format';

export function ConstructionPowerCard({ c }: { c: PortalCase }) {
  const { t } = useTranslation();
  const p = c.constructionPower;
  if (!p) return null;
  const none = t('cases.case.none');
  const kwh = (value: number | null) => (value === null ? none : `${formatNumber(value)} kWh`);
  const day = (value: string | null) => (value === null ? none : formatDay(value));
  return (
    <Card labelledBy="construction-power">
      <Title order={2} id="construction-power" size="h3" mb="sm">{t('cases.constructionPower.title')}</Title>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
        <Fact label={t('cases.constructionPower.connectedOn')}>{day(p.connectedOn)}</Fact>
        <Fact label={t('cases.constructionPower.startReading')}>{kwh(p.startReading)}</Fact>
        <Fact label={t('cases.constructionPower.disconnectedOn')}>{day(p.disconnectedOn)}</Fact>
        <Fact label={t('cases.constructionPower.finalReading')}>{kwh(p.finalReading)}</Fact>
        <Fact label={t(p.running ? 'cases.constructionPower.daysSoFar' : 'cases.constructionPower.days')}>
          {p.days === null ? none : t('cases.constructionPower.dayCount', { count: p.days })}
        </Fact>
        <Fact label={t('cases.constructionPower.rent')}>
          {p.rent && !p.running
            ? t('cases.constructionPower.rentLine', { days: p.days, rate: formatNok(p.rent.rateOre), gross: formatNok(p.rent.grossOre) })
            : t('cases.constructionPower.rentLater')}
        </Fact>
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt="sm">{t('cases.constructionPower.readingsNote')}</Text>
    </Card>
  );
}
