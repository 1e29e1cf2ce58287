// What the plusskunde rule says about this case, above its offer (rules/plusskunde.ts): within the main fuse no
// anleggsbidrag may be charged; beyond it, or above 100 kW (then no plusskunde), a contribution can apply.
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { mainFuseCapacityKw, plusskundeAssessment, PLUSSKUNDE_MAX_FEED_IN_KW } from '../../../../shared/rules';
import type { CaseDetail } from '../../api/contract';

const kw = (value: number, language: string) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);

export function PlusskundeNotice({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const { installation, production } = detail;
  const facts = {
    requestType: detail.requestType, hasProduction: production.hasProduction, productionKw: production.productionKw,
    mainFuseA: installation.mainFuseA, networkSystem: installation.networkSystem, phases: installation.phases,
  };
  const assessment = plusskundeAssessment(facts);
  if (assessment === 'no_production' || assessment === 'unknown') return null;
  const capacity = mainFuseCapacityKw(facts.networkSystem, facts.phases, facts.mainFuseA);
  const params = {
    production: kw(production.productionKw ?? 0, i18n.language),
    capacity: capacity === null ? '' : kw(capacity, i18n.language),
    fuse: installation.mainFuseA ?? '',
    limit: PLUSSKUNDE_MAX_FEED_IN_KW,
  };
  return (
    <Alert color={assessment === 'within_main_fuse' ? 'teal' : 'blue'} title={t(`offers.plusskunde.${assessment}.title`, params)} mb="sm"
      data-testid="plusskunde-notice">
      {t(`offers.plusskunde.${assessment}.message`, params)}
    </Alert>
  );
}
