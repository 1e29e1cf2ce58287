// The offer builder's lines as the handler types them: amounts and quantities kept as the text in the field, so
// nothing typed is ever lost or reformatted under the cursor; turned into offer lines (whole øre, thousandths)
// only when every field reads. What does not read is named per field, in a code the screen translates.
import {
  calculateOffer, formatNokNumber, formatQuantity, MoneyError, nok, OfferCalculationError,
  type CatalogueItem, type OfferCalculation, type OfferLine, type PriceList, type StandardFee,
} from '../../../../shared/rules';

export interface DraftRow {
  id: string;
  component: OfferLine['component'];
  kind: OfferLine['kind'];
  description: string;
  quantityText: string;
  unit: string;
  priceText: string;
  vatCode: OfferLine['vatCode'];
  source: OfferLine['source'];
}

export type RowField = 'description' | 'quantityText' | 'unit' | 'priceText';
export type FieldProblem =
  | 'descriptionRequired'
  | 'unitRequired'
  | 'quantityInvalid'
  | 'quantityNegative'
  | 'priceInvalid'
  | 'priceNegative';
export type DeductionProblem = 'deductionInvalid' | 'deductionNegative' | 'deductionAboveContribution';

export interface DraftState {
  rows: DraftRow[];
  deductionText: string;
}

export interface DraftReading {
  /** The lines and deduction to save, or null while any field does not read. */
  lines: OfferLine[] | null;
  deductionOre: number | null;
  problems: Record<string, Partial<Record<RowField, FieldProblem>>>;
  deductionProblem: DeductionProblem | null;
  /** Figures of what reads (lines with problems left out), so the totals follow the typing. */
  calculation: OfferCalculation | null;
  /** The calculation refused the lines for a reason no field holds (e.g. an amount too large to hold exactly). */
  calculationError: string | null;
  /** The contribution the deduction is measured against, øre. */
  contributionOre: number;
}

/** "12,5" → 12 500 thousandths; at most three decimals; null when it does not read. */
export function parseQuantityMilli(text: string): number | null {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.').replace('−', '-');
  const match = /^(-?)(\d+)(?:\.(\d{1,3}))?$/.exec(cleaned);
  if (!match) return null;
  const value = Number(match[2]) * 1000 + Number((match[3] ?? '').padEnd(3, '0') || '0');
  if (!Number.isSafeInteger(value)) return null;
  return match[1] === '-' ? -value : value;
}

function parseOre(text: string): number | null {
  try {
    return nok(text);
  } catch (error) {
    if (error instanceof MoneyError) return null;
    throw error;
  }
}

export function rowFromLine(line: OfferLine): DraftRow {
  return {
    id: line.id,
    component: line.component,
    kind: line.kind,
    description: line.description,
    quantityText: formatQuantity(line.quantityMilli),
    unit: line.unit,
    priceText: formatNokNumber(line.unitPriceOre),
    vatCode: line.vatCode,
    source: line.source,
  };
}

export function deductionText(deductionOre: number | null): string {
  return deductionOre ? formatNokNumber(deductionOre) : '';
}

/** Where a price-list line came from: the offer's own list version. */
export type ListVersion = Pick<PriceList, 'id' | 'version'>;

/** A line from the price list's catalogue: its price, kind and VAT code as the list has them, quantity 1. */
export function rowFromCatalogueItem(item: CatalogueItem, list: ListVersion, id: string): DraftRow {
  return priceListRow(id, item.component, item.kind, item, list);
}

/** A standard fee (connection, construction power, meter mounting) as a line of its own. */
export function rowFromFee(fee: StandardFee, list: ListVersion, id: string): DraftRow {
  return priceListRow(id, 'fee', 'work', fee, list);
}

function priceListRow(
  id: string, component: DraftRow['component'], kind: DraftRow['kind'], item: CatalogueItem | StandardFee, list: ListVersion,
): DraftRow {
  return {
    id,
    component,
    kind,
    description: item.description,
    quantityText: '1',
    unit: item.unit,
    priceText: formatNokNumber(item.unitPriceOre),
    vatCode: item.vatCode,
    source: { priceListId: list.id, version: list.version, itemCode: item.code },
  };
}

/** A line typed in by hand: a cost of work, VAT-exempt like the contribution, until the handler says otherwise. */
export function freeRow(id: string, description: string): DraftRow {
  return {
    id,
    component: 'execution_hours',
    kind: 'work',
    description,
    quantityText: '1',
    unit: 'stk',
    priceText: '',
    vatCode: 'exempt',
    source: null,
  };
}

function readRow(row: DraftRow): { line: OfferLine | null; problems: Partial<Record<RowField, FieldProblem>> } {
  const problems: Partial<Record<RowField, FieldProblem>> = {};
  if (row.description.trim() === '') problems.description = 'descriptionRequired';
  if (row.unit.trim() === '') problems.unit = 'unitRequired';
  const quantityMilli = parseQuantityMilli(row.quantityText);
  if (quantityMilli === null) problems.quantityText = 'quantityInvalid';
  else if (quantityMilli < 0) problems.quantityText = 'quantityNegative';
  const unitPriceOre = parseOre(row.priceText);
  if (unitPriceOre === null) problems.priceText = 'priceInvalid';
  else if (unitPriceOre < 0) problems.priceText = 'priceNegative';
  if (Object.keys(problems).length > 0) return { line: null, problems };
  return {
    line: {
      id: row.id,
      component: row.component,
      kind: row.kind,
      description: row.description.trim(),
      quantityMilli: quantityMilli!,
      unit: row.unit.trim(),
      unitPriceOre: unitPriceOre!,
      vatCode: row.vatCode,
      source: row.source,
    },
    problems,
  };
}

function tryCalculate(lines: OfferLine[], deductionOre: number | null): OfferCalculation | string {
  try {
    return calculateOffer({ lines, connectionFeeDeduction: deductionOre });
  } catch (error) {
    if (error instanceof OfferCalculationError) return error.message;
    throw error;
  }
}

export function readDraft(state: DraftState): DraftReading {
  const problems: DraftReading['problems'] = {};
  const lines: OfferLine[] = [];
  for (const row of state.rows) {
    const read = readRow(row);
    if (read.line) lines.push(read.line);
    else problems[row.id] = read.problems;
  }
  const withoutDeduction = tryCalculate(lines, null);
  const contributionOre = typeof withoutDeduction === 'string' ? 0 : withoutDeduction.contributionBeforeDeductionOre;

  let deductionOre: number | null = null;
  let deductionProblem: DeductionProblem | null = null;
  if (state.deductionText.trim() !== '') {
    const parsed = parseOre(state.deductionText);
    if (parsed === null) deductionProblem = 'deductionInvalid';
    else if (parsed < 0) deductionProblem = 'deductionNegative';
    else if (parsed > contributionOre) deductionProblem = 'deductionAboveContribution';
    else deductionOre = parsed === 0 ? null : parsed;
  }

  const calculated = deductionProblem === null && typeof withoutDeduction !== 'string'
    ? tryCalculate(lines, deductionOre)
    : withoutDeduction;
  const calculation = typeof calculated === 'string' ? null : calculated;
  const calculationError = typeof calculated === 'string' ? calculated : null;
  const readable = Object.keys(problems).length === 0 && deductionProblem === null && calculationError === null;
  return {
    lines: readable ? lines : null,
    deductionOre,
    problems,
    deductionProblem,
    calculation,
    calculationError,
    contributionOre,
  };
}
