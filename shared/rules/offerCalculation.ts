// The investment contribution (anleggsbidrag) and the offer's figures, exact in øre (domain.md, "Investment
// contribution"). Each line's net is rounded once, VAT is per line, and every figure is explained in words.
import {
  assertOre, bigintToOre, divideRoundHalfUp, formatNok, MoneyError, VAT_CODES, VAT_PERCENT, vatOf,
  type Ore, type VatCode,
} from './money';
import { MAIN_COMPONENT_LABELS_NB, MAIN_COMPONENTS, type CostKind, type MainComponent } from './priceList';

/** Where a line's price came from: the price list version it was made with, kept with the offer. */
export interface OfferLineSource {
  priceListId: string;
  version: number;
  itemCode: string;
}

/** 'fee' is a standard fee (connection fee, construction power, meter mounting); the rest are cost components. */
export type OfferLineComponent = MainComponent | 'fee';

export interface OfferLine {
  id: string;
  component: OfferLineComponent;
  kind: CostKind;
  description: string;
  /** Quantity × 1000 as an integer: 12,5 m is 12500. */
  quantityMilli: number;
  unit: string;
  unitPriceOre: Ore;
  vatCode: VatCode;
  /** Null for a line the case handler typed in by hand. */
  source: OfferLineSource | null;
}

export interface OfferInput {
  lines: OfferLine[];
  /** The connection fee to deduct from the contribution (positive øre), or null where none applies. */
  connectionFeeDeduction: Ore | null;
}

export interface CalculatedLine extends OfferLine {
  /** quantity × unit price, rounded half-up to whole øre once. */
  netOre: Ore;
  vatOre: Ore;
  grossOre: Ore;
}

export interface WorkMaterialTotals {
  workNetOre: Ore;
  materialNetOre: Ore;
  netOre: Ore;
  vatOre: Ore;
  grossOre: Ore;
}

export interface ComponentTotal extends WorkMaterialTotals {
  component: OfferLineComponent;
  /** Bokmål name for the letter: "Kabel", "Gebyrer", … */
  label: string;
}

export interface VatTotal {
  vatCode: VatCode;
  percent: number;
  netOre: Ore;
  vatOre: Ore;
}

export interface ConnectionFeeDeduction {
  /** The amount taken off the contribution, as a negative figure (e.g. −230 000 for 2 300 kr). */
  amountOre: Ore;
  description: string;
}

export type ExplanationCode =
  | 'line'
  | 'line_vat'
  | 'component_total'
  | 'contribution_before_deduction'
  | 'connection_fee_deduction'
  | 'contribution'
  | 'work_total'
  | 'material_total'
  | 'vat_total'
  | 'grand_total';

export interface ExplanationStep {
  code: ExplanationCode;
  /** Bokmål sentence with the figures, e.g. "Kabel: 35 m × 189,00 kr = 6 615,00 kr". */
  text: string;
  amountOre: Ore;
  lineId?: string;
  component?: OfferLineComponent;
}

export interface OfferCalculation {
  lines: CalculatedLine[];
  /** In MAIN_COMPONENTS order, then 'fee'; only components the offer has lines for. */
  components: ComponentTotal[];
  /** The regulated part before the deduction: net of VAT-exempt lines of the main components. */
  contributionBeforeDeductionOre: Ore;
  deduction: ConnectionFeeDeduction | null;
  /** The investment contribution: contributionBeforeDeductionOre + deduction amount; never negative. */
  contributionOre: Ore;
  /** All lines, before the deduction. */
  workNetOre: Ore;
  materialNetOre: Ore;
  /** Per VAT code, in VAT_CODES order; the exempt net includes the (negative) deduction. */
  vatTotals: VatTotal[];
  netOre: Ore;
  vatOre: Ore;
  grossOre: Ore;
  explanation: ExplanationStep[];
}

/**
 * The figures of an issued offer that the desk's cache keeps: the rest of the calculation follows from the offer's
 * lines and deduction (calculateOffer is exact and deterministic), so the cache holds its content, not its rendering.
 * The central database keeps the whole calculation as issued.
 */
export const ISSUED_FIGURES = ['netOre', 'vatOre', 'grossOre', 'contributionOre'] as const;
export type IssuedFigures = Record<(typeof ISSUED_FIGURES)[number], Ore>;

export function issuedFiguresOf(calculation: OfferCalculation): IssuedFigures {
  return { netOre: calculation.netOre, vatOre: calculation.vatOre, grossOre: calculation.grossOre, contributionOre: calculation.contributionOre };
}

/** The figures kept as issued that a calculation made now does not reproduce (none when they all agree). */
export function figuresNotReproduced(issued: Partial<IssuedFigures>, now: OfferCalculation): (typeof ISSUED_FIGURES)[number][] {
  return ISSUED_FIGURES.filter((figure) => typeof issued[figure] === 'number' && issued[figure] !== now[figure]);
}

export class OfferCalculationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OfferCalculationError';
  }
}

export const FEE_COMPONENT_LABEL_NB = 'Gebyrer og tjenester';

export function componentLabel(component: OfferLineComponent): string {
  return component === 'fee' ? FEE_COMPONENT_LABEL_NB : MAIN_COMPONENT_LABELS_NB[component];
}

/** A line's net: quantity (in thousandths) × unit price, rounded half-up to whole øre, exact for any size. */
export function lineNetOre(line: Pick<OfferLine, 'quantityMilli' | 'unitPriceOre'>): Ore {
  return bigintToOre(divideRoundHalfUp(BigInt(line.quantityMilli) * BigInt(line.unitPriceOre), 1000n), 'line amount');
}

/** "12,5", "35", "0,125": a quantity in thousandths written the Norwegian way, without trailing zeros. */
export function formatQuantity(quantityMilli: number): string {
  const whole = Math.trunc(quantityMilli / 1000);
  const fraction = String(Math.abs(quantityMilli % 1000)).padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole},${fraction}` : String(whole);
}

function checkLine(line: OfferLine): void {
  const where = `line "${line.id}" (${line.description})`;
  if (!Number.isSafeInteger(line.quantityMilli) || line.quantityMilli < 0) {
    throw new OfferCalculationError(`${where}: quantity must be zero or more, in whole thousandths`);
  }
  try {
    assertOre(line.unitPriceOre, 'unit price');
  } catch (error) {
    throw new OfferCalculationError(`${where}: ${(error as MoneyError).message}`);
  }
  if (line.unitPriceOre < 0) throw new OfferCalculationError(`${where}: unit price must not be negative`);
  if (!VAT_CODES.includes(line.vatCode)) throw new OfferCalculationError(`${where}: unknown VAT code "${line.vatCode}"`);
}

function emptyTotals(): WorkMaterialTotals {
  return { workNetOre: 0, materialNetOre: 0, netOre: 0, vatOre: 0, grossOre: 0 };
}

function add(totals: WorkMaterialTotals, line: CalculatedLine): void {
  if (line.kind === 'work') totals.workNetOre += line.netOre;
  else totals.materialNetOre += line.netOre;
  totals.netOre += line.netOre;
  totals.vatOre += line.vatOre;
  totals.grossOre += line.grossOre;
}

function assertSafe(value: number, what: string): Ore {
  if (!Number.isSafeInteger(value)) throw new OfferCalculationError(`${what} is too large to hold exactly`);
  return value;
}

export function calculateOffer(input: OfferInput): OfferCalculation {
  const ids = new Set<string>();
  const explanation: ExplanationStep[] = [];
  const lines: CalculatedLine[] = input.lines.map((line) => {
    checkLine(line);
    if (ids.has(line.id)) throw new OfferCalculationError(`line id "${line.id}" appears more than once`);
    ids.add(line.id);
    let netOre: Ore;
    try {
      netOre = lineNetOre(line);
    } catch (error) {
      throw new OfferCalculationError(`line "${line.id}": ${(error as Error).message}`);
    }
    const vatOre = vatOf(netOre, line.vatCode);
    const label = componentLabel(line.component);
    explanation.push({
      code: 'line',
      lineId: line.id,
      component: line.component,
      amountOre: netOre,
      text: `${label}: ${line.description}, ${formatQuantity(line.quantityMilli)} ${line.unit} × ${formatNok(line.unitPriceOre)}`
        + ` = ${formatNok(netOre)}`,
    });
    if (line.vatCode !== 'exempt') {
      explanation.push({
        code: 'line_vat',
        lineId: line.id,
        component: line.component,
        amountOre: vatOre,
        text: `Mva ${VAT_PERCENT[line.vatCode]} % av ${formatNok(netOre)} = ${formatNok(vatOre)}`,
      });
    }
    return { ...line, netOre, vatOre, grossOre: netOre + vatOre };
  });

  const byComponent = new Map<OfferLineComponent, WorkMaterialTotals>();
  const overall = emptyTotals();
  let contributionBeforeDeductionOre = 0;
  for (const line of lines) {
    if (!byComponent.has(line.component)) byComponent.set(line.component, emptyTotals());
    add(byComponent.get(line.component)!, line);
    add(overall, line);
    if (line.component !== 'fee' && line.vatCode === 'exempt') contributionBeforeDeductionOre += line.netOre;
  }
  assertSafe(overall.grossOre, 'the offer total');

  const components: ComponentTotal[] = [...MAIN_COMPONENTS, 'fee' as const].flatMap((component) => {
    const totals = byComponent.get(component);
    if (!totals) return [];
    const label = componentLabel(component);
    explanation.push({
      code: 'component_total',
      component,
      amountOre: totals.netOre,
      text: `${label}: arbeid ${formatNok(totals.workNetOre)} + materiell ${formatNok(totals.materialNetOre)}`
        + ` = ${formatNok(totals.netOre)}`,
    });
    return [{ component, label, ...totals }];
  });

  explanation.push({
    code: 'contribution_before_deduction',
    amountOre: contributionBeforeDeductionOre,
    text: `Kostnad for tilknytningen (kostnadslinjer utenfor merverdiavgiftsloven): ${formatNok(contributionBeforeDeductionOre)}`,
  });

  const deduction = connectionFeeDeduction(input.connectionFeeDeduction, contributionBeforeDeductionOre);
  const contributionOre = contributionBeforeDeductionOre + (deduction?.amountOre ?? 0);
  if (deduction) {
    explanation.push({
      code: 'connection_fee_deduction',
      amountOre: deduction.amountOre,
      text: `${deduction.description}: ${formatNok(deduction.amountOre)}`,
    });
  }
  explanation.push({
    code: 'contribution',
    amountOre: contributionOre,
    text: `Anleggsbidrag: ${formatNok(contributionOre)}`,
  });
  explanation.push(
    { code: 'work_total', amountOre: overall.workNetOre, text: `Sum arbeid: ${formatNok(overall.workNetOre)}` },
    { code: 'material_total', amountOre: overall.materialNetOre, text: `Sum materiell: ${formatNok(overall.materialNetOre)}` },
  );

  const vatTotals: VatTotal[] = VAT_CODES.map((vatCode) => {
    const ofCode = lines.filter((line) => line.vatCode === vatCode);
    const netOre = ofCode.reduce((sum, line) => sum + line.netOre, 0)
      + (vatCode === 'exempt' && deduction ? deduction.amountOre : 0);
    const vatOre = ofCode.reduce((sum, line) => sum + line.vatOre, 0);
    return { vatCode, percent: VAT_PERCENT[vatCode], netOre, vatOre };
  });
  for (const total of vatTotals) {
    if (total.percent === 0) continue;
    explanation.push({
      code: 'vat_total',
      amountOre: total.vatOre,
      text: `Mva ${total.percent} % (summen av mva per linje) på grunnlag ${formatNok(total.netOre)}: ${formatNok(total.vatOre)}`,
    });
  }

  const netOre = overall.netOre + (deduction?.amountOre ?? 0);
  const vatOre = overall.vatOre;
  const grossOre = netOre + vatOre;
  explanation.push({
    code: 'grand_total',
    amountOre: grossOre,
    text: `Totalt å betale: ${formatNok(netOre)} + mva ${formatNok(vatOre)} = ${formatNok(grossOre)}`,
  });

  return {
    lines,
    components,
    contributionBeforeDeductionOre,
    deduction,
    contributionOre,
    workNetOre: overall.workNetOre,
    materialNetOre: overall.materialNetOre,
    vatTotals,
    netOre,
    vatOre,
    grossOre,
    explanation,
  };
}

function connectionFeeDeduction(amount: Ore | null, contributionOre: Ore): ConnectionFeeDeduction | null {
  if (amount === null || amount === 0) return null;
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new OfferCalculationError(`the connection fee deduction must be a positive whole number of øre, got ${amount}`);
  }
  if (amount > contributionOre) {
    throw new OfferCalculationError(
      `the connection fee deduction (${formatNok(amount)}) is larger than the investment contribution`
        + ` (${formatNok(contributionOre)}); the contribution cannot be negative`,
    );
  }
  return { amountOre: -amount, description: 'Fradrag for tilknytningsgebyr' };
}
