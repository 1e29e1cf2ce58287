// Production at a consumer's installation (plusskunde) and the investment contribution (issue 13, item 14).
// - A plusskunde feeds in at most 100 kW; above that the installation is a production plant ("Et anlegg hos ein
//   plusskunde kan maksimalt levere inn 100 kW i straumnettet. Er det over dette blir det definert som eit
//   produksjonsanlegg", Lysna, "Informasjon til deg som ønskjer å bli plusskunde", after NVE's rules for plusskunder).
// - No anleggsbidrag may be charged for connecting a plusskunde while feed-in stays within the capacity of the
//   existing main fuse (NVE's pages on plusskunder; domain.md, "Facts checked against public sources").
// - A smart meter (AMS) measures both ways: production alone does not mean meter work.
import type { NetworkSystem, RequestType } from './domain';

export const PLUSSKUNDE_MAX_FEED_IN_KW = 100;

export interface ProductionFacts {
  requestType: RequestType;
  hasProduction: boolean;
  productionKw: number | null;
  mainFuseA: number | null;
  networkSystem: NetworkSystem | string | null;
  phases: number | null;
}

export type PlusskundeAssessment =
  | 'no_production'
  /** Feed-in within what the main fuse carries: no contribution for the production. */
  | 'within_main_fuse'
  /** More than the main fuse carries: the grid may need reinforcing, a contribution can apply. */
  | 'beyond_main_fuse'
  /** Above 100 kW: not a plusskunde but a production plant; the exemption does not apply. */
  | 'over_plusskunde_limit'
  /** Production without its kW, the main fuse or the network system: the case handler must judge. */
  | 'unknown';

/**
 * What the main fuse carries, in kW at power factor 1: one phase U × I with U = 230 V; three phases √3 × U × I with
 * U the line voltage (230 V in IT and 230 V TN, 400 V in 400 V TN). Null without the fuse or a known system.
 */
export function mainFuseCapacityKw(networkSystem: NetworkSystem | string | null, phases: number | null, mainFuseA: number | null): number | null {
  if (mainFuseA === null || phases === null || mainFuseA <= 0) return null;
  if (phases === 1) return (230 * mainFuseA) / 1000;
  if (phases !== 3) return null;
  const lineVoltage = networkSystem === '400V_TN' ? 400 : networkSystem === '230V_IT' || networkSystem === '230V_TN' ? 230 : null;
  return lineVoltage === null ? null : (Math.sqrt(3) * lineVoltage * mainFuseA) / 1000;
}

export function plusskundeAssessment(facts: ProductionFacts): PlusskundeAssessment {
  if (!facts.hasProduction && facts.requestType !== 'production') return 'no_production';
  if (facts.productionKw === null) return 'unknown';
  if (facts.productionKw > PLUSSKUNDE_MAX_FEED_IN_KW) return 'over_plusskunde_limit';
  const capacity = mainFuseCapacityKw(facts.networkSystem, facts.phases, facts.mainFuseA);
  if (capacity === null) return 'unknown';
  return facts.productionKw <= capacity ? 'within_main_fuse' : 'beyond_main_fuse';
}

/**
 * Why an offer may not be issued for this case as it stands, or null: a request for production alone whose feed-in
 * stays within the main fuse may carry no anleggsbidrag. Checked on the desk and again by the central service.
 */
export function plusskundeContributionRefusal(facts: ProductionFacts, contributionOre: number): 'offer.plusskundeContribution' | null {
  if (facts.requestType !== 'production' || contributionOre <= 0) return null;
  return plusskundeAssessment(facts) === 'within_main_fuse' ? 'offer.plusskundeContribution' : null;
}
