// The facts of the case as the firm sent them (and as supplements changed them). The owner's national identity
// number is not shown back.
import { SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalCase } from '../../../../shared/portalApi/cases';
import { Card } from '../../app/Screen';
import { Fact } from './Fact';
import { formatDay, formatNumber } from './format';

export function CaseFacts({ c }: { c: PortalCase }) {
  const { t } = useTranslation();
  const none = t('cases.case.none');
  const i = c.installation;
  const cadastre = i.gnr === null ? none : `${i.municipalityNumber}-${i.gnr}/${i.bnr ?? ''}${i.fnr ? `/${i.fnr}` : ''}${i.snr ? `/${i.snr}` : ''}`;
  return (
    <Card labelledBy="case-facts">
      <Title order={2} id="case-facts" size="h3" mb="sm">{t('cases.case.factsTitle')}</Title>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
        <Fact label={t('cases.case.address')}>{c.address}, {c.postcode} {c.postTown}</Fact>
        <Fact label={t('cases.case.cadastre')}>{cadastre}</Fact>
        <Fact label={t('cases.case.buildingUse')}>{t(`cases.buildingUse.${i.buildingUse}`)}</Fact>
        <Fact label={t('cases.case.networkSystem')}>{i.networkSystem.replace('V_', ' V ')}</Fact>
        <Fact label={t('cases.case.phases')}>{i.phases}</Fact>
        <Fact label={t('cases.case.mainFuse')}>{i.mainFuseA === null ? none : `${i.mainFuseA} A`}</Fact>
        <Fact label={t('cases.case.expectedPower')}>{i.expectedPowerKw === null ? none : `${formatNumber(i.expectedPowerKw)} kW`}</Fact>
        <Fact label={t('cases.case.meteringPointIds')}>{i.meteringPointIds.join(', ') || none}</Fact>
        <Fact label={t('cases.case.meterNumbers')}>{i.meterNumbers.join(', ') || none}</Fact>
        {c.production && (
          <Fact label={t('cases.case.production')}>
            {c.production.productionKw === null ? none : `${formatNumber(c.production.productionKw)} kW`}
            {c.production.inverter ? `, ${c.production.inverter}` : ''}
          </Fact>
        )}
        <Fact label={t('cases.case.owner')}>{[c.owner.name, c.owner.email, c.owner.phone].filter(Boolean).join(', ')}</Fact>
        <Fact label={t('cases.case.wantedStart')}>{c.wantedStartDate ? formatDay(c.wantedStartDate) : none}</Fact>
      </SimpleGrid>
    </Card>
  );
}
