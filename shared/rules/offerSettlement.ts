// The offer's arithmetic as the owner reads it, one step after the other (issue 13, item 12): the cost of the
// connection → minus the connection fee (tilknytningsgebyr) → the investment contribution (anleggsbidrag) → plus the
// fee and any services with VAT → the amount to pay. The letter and the offer builder both show these steps, so
// every figure a person sees is the sum it claims. NVE: the contribution is at most the cost of the connection minus
// any connection fee ("anleggskostnad minus eventuelt tilknytningsgebyr", nve.no, RME › Nettilknytning ›
// Anleggsbidrag › Beregning av anleggsbidrag).
import { bigintToOre, divideRoundHalfUp, VAT_PERCENT, type Ore, type VatCode } from './money';
import {
  componentLabel, OfferCalculationError, type CalculatedLine, type ComponentTotal, type OfferCalculation,
} from './offerCalculation';
import { MAIN_COMPONENTS } from './priceList';

export type SettlementStepCode = 'connection_cost' | 'connection_fee_deduction' | 'contribution' | 'added_line' | 'to_pay';

export interface SettlementStep {
  code: SettlementStepCode;
  /** How the step joins the ones before it: '−' and '+' add to the running sum, '=' is the sum so far. */
  operator: '' | '−' | '+' | '=';
  /** Bokmål: "Kostnad for tilknytningen", "Anleggsbidrag", the line's own description, "Å betale". */
  label: string;
  netOre: Ore;
  vatOre: Ore;
  grossOre: Ore;
  /** The VAT of the step: null for a sum over several codes (only "Å betale"). */
  vatCode: VatCode | null;
  lineId?: string;
}

export interface OfferSettlement {
  /** The cost of the connection per main component, work and material: the lines of the contribution only. */
  costComponents: ComponentTotal[];
  /** Sum of costComponents: what the contribution is worked out from. */
  connectionCost: { workNetOre: Ore; materialNetOre: Ore; netOre: Ore };
  steps: SettlementStep[];
}

/** A line of the contribution: a main component's cost, outside the VAT Act. Fees and taxed work are added after. */
export function isContributionLine(line: Pick<CalculatedLine, 'component' | 'vatCode'>): boolean {
  return line.component !== 'fee' && line.vatCode === 'exempt';
}

export const SETTLEMENT_LABELS_NB = {
  connection_cost: 'Kostnad for tilknytningen',
  contribution: 'Anleggsbidrag',
  to_pay: 'Å betale',
} as const;

export function offerSettlement(calculation: OfferCalculation): OfferSettlement {
  const costLines = calculation.lines.filter(isContributionLine);
  const added = calculation.lines.filter((line) => !isContributionLine(line));

  const costComponents: ComponentTotal[] = MAIN_COMPONENTS.flatMap((component) => {
    const ofComponent = costLines.filter((line) => line.component === component);
    if (ofComponent.length === 0) return [];
    const sum = (kind: 'work' | 'material') =>
      ofComponent.filter((line) => line.kind === kind).reduce((total, line) => total + line.netOre, 0);
    const workNetOre = sum('work');
    const materialNetOre = sum('material');
    const netOre = workNetOre + materialNetOre;
    return [{ component, label: componentLabel(component), workNetOre, materialNetOre, netOre, vatOre: 0, grossOre: netOre }];
  });
  const connectionCost = {
    workNetOre: costComponents.reduce((total, c) => total + c.workNetOre, 0),
    materialNetOre: costComponents.reduce((total, c) => total + c.materialNetOre, 0),
    netOre: costComponents.reduce((total, c) => total + c.netOre, 0),
  };

  const exempt = (code: SettlementStepCode, operator: SettlementStep['operator'], label: string, netOre: Ore): SettlementStep =>
    ({ code, operator, label, netOre, vatOre: 0, grossOre: netOre, vatCode: 'exempt' });
  // An offer of services alone (construction power, meter mounting) has no contribution to work out: its steps are
  // the services and the sum.
  const servicesOnly = connectionCost.netOre === 0 && !calculation.deduction && added.length > 0;
  const steps: SettlementStep[] = [];
  let runningNet = connectionCost.netOre;
  if (!servicesOnly) {
    steps.push(exempt('connection_cost', '', SETTLEMENT_LABELS_NB.connection_cost, connectionCost.netOre));
    if (calculation.deduction) {
      steps.push(exempt('connection_fee_deduction', '−', calculation.deduction.description, calculation.deduction.amountOre));
      runningNet += calculation.deduction.amountOre;
    }
    steps.push(exempt('contribution', '=', SETTLEMENT_LABELS_NB.contribution, runningNet));
  }
  let runningVat = 0;
  for (const line of added) {
    steps.push({
      code: 'added_line', operator: '+', label: line.description, netOre: line.netOre, vatOre: line.vatOre,
      grossOre: line.grossOre, vatCode: line.vatCode, lineId: line.id,
    });
    runningNet += line.netOre;
    runningVat += line.vatOre;
  }
  steps.push({
    code: 'to_pay', operator: '=', label: SETTLEMENT_LABELS_NB.to_pay, netOre: runningNet, vatOre: runningVat,
    grossOre: runningNet + runningVat, vatCode: null,
  });

  // The steps are added up here on their own; they must land on the calculation's figures, or a person reading them
  // would be shown a sum that is not one.
  const contributionOre = steps.find((step) => step.code === 'contribution')?.netOre ?? 0;
  if (contributionOre !== calculation.contributionOre || runningNet !== calculation.netOre
    || runningVat !== calculation.vatOre || runningNet + runningVat !== calculation.grossOre) {
    throw new OfferCalculationError('the settlement steps do not add up to the offer total');
  }
  return { costComponents, connectionCost, steps };
}

/** "utenfor" for a line outside the VAT Act, "25 %" for a taxed one: never "0 %" or "fritatt". */
export function vatRateWordNb(vatCode: VatCode | null): string {
  if (vatCode === null) return '';
  return vatCode === 'exempt' ? 'utenfor' : `${VAT_PERCENT[vatCode]} %`;
}

/**
 * Post-calculation (etterberegning), kontrollforskriften (FOR-1999-03-11-302) § 16-11: a lower actual cost is refunded;
 * a higher one is invoiced "men maksimalt 15 prosent utover estimert anleggsbidrag. Begrensningen gjelder ikke dersom
 * kostnadsoverskridelsen skyldes forhold på kundens side" (§ 16-11 second paragraph as quoted by REN jussnytt, "Hva er
 * beste tidspunkt å estimere anleggsbidrag?", ren.no, 25 January 2023). The most the owner can be invoiced on top of the
 * estimated contribution, in øre, rounded half-up.
 */
export const POST_CALCULATION_CAP_PERCENT = 15;

export function postCalculationCapOre(estimatedContributionOre: Ore): Ore {
  return bigintToOre(divideRoundHalfUp(BigInt(estimatedContributionOre) * BigInt(POST_CALCULATION_CAP_PERCENT), 100n));
}
