// A new price list version as the supervisor edits it: a copy of the newest version, with prices kept as the text in
// the field (typed as NOK, "2 300,00") so nothing typed is reformatted under the cursor, turned back into a version in
// whole øre only when every field reads. What does not read is named per field, in a code the screen translates.
import {
  MAIN_COMPONENTS, MoneyError, nok, formatNokNumber,
  type CatalogueItem, type MainComponent, type PriceList, type StandardFee,
} from '../../../../shared/rules';

export interface FeeRow {
  code: StandardFee['code'];
  description: string;
  unit: string;
  priceText: string;
  vatCode: StandardFee['vatCode'];
  isConnectionFee: boolean;
}

export interface ItemRow {
  /** Stable while editing; the item's code (new items get one of their own). */
  code: string;
  component: MainComponent;
  kind: CatalogueItem['kind'];
  description: string;
  unit: string;
  priceText: string;
  vatCode: CatalogueItem['vatCode'];
}

export interface PriceListDraft {
  base: PriceList;
  version: number;
  effectiveFrom: string;
  fees: FeeRow[];
  items: ItemRow[];
}

export type DraftField = 'description' | 'unit' | 'priceText';
export type DraftProblem = 'descriptionRequired' | 'unitRequired' | 'priceInvalid' | 'dateInvalid' | 'dateInPast' | 'noItems';

export interface DraftReading {
  /** The version to publish, or null while any field does not read. */
  priceList: PriceList | null;
  /** By row (`fee:<code>` or `item:<code>`) and field. */
  problems: Record<string, Partial<Record<DraftField, DraftProblem>>>;
  dateProblem: DraftProblem | null;
  listProblem: DraftProblem | null;
}

/** The day after an ISO date, computed on the calendar (no time zones). */
export function dayAfter(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

export function draftFrom(base: PriceList, nextVersion: number, today: string): PriceListDraft {
  return {
    base,
    version: nextVersion,
    effectiveFrom: dayAfter(today),
    fees: base.standardFees.map((fee) => ({ ...fee, priceText: formatNokNumber(fee.unitPriceOre) })),
    items: base.catalogue.map((item) => ({ ...item, priceText: formatNokNumber(item.unitPriceOre) })),
  };
}

/** A code for a new item of a component that no item of the draft has yet. */
export function newItemCode(draft: PriceListDraft, component: MainComponent): string {
  const taken = new Set(draft.items.map((item) => item.code));
  for (let n = 1; ; n++) {
    const code = `${component}_ny_${n}`;
    if (!taken.has(code)) return code;
  }
}

/** Items in the main components' order (every component, so the editor can add to an empty one). */
export function itemsByComponent<T extends { component: MainComponent }>(items: readonly T[]): Array<{ component: MainComponent; items: T[] }> {
  return MAIN_COMPONENTS.map((component) => ({ component, items: items.filter((item) => item.component === component) }));
}

function readOre(text: string): number | null {
  try {
    const ore = nok(text);
    return ore >= 0 ? ore : null;
  } catch (error) {
    if (error instanceof MoneyError) return null;
    throw error;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readDraft(draft: PriceListDraft, today: string): DraftReading {
  const problems: DraftReading['problems'] = {};
  const note = (row: string, field: DraftField, problem: DraftProblem) => {
    problems[row] = { ...problems[row], [field]: problem };
  };
  const readRow = <R extends FeeRow | ItemRow>(key: string, row: R): number | null => {
    if (!row.description.trim()) note(key, 'description', 'descriptionRequired');
    if (!row.unit.trim()) note(key, 'unit', 'unitRequired');
    const ore = readOre(row.priceText);
    if (ore === null) note(key, 'priceText', 'priceInvalid');
    return ore;
  };
  const standardFees: StandardFee[] = draft.fees.map((fee) => ({
    code: fee.code, description: fee.description.trim(), unit: fee.unit.trim(),
    unitPriceOre: readRow(`fee:${fee.code}`, fee) ?? 0, vatCode: fee.vatCode, isConnectionFee: fee.isConnectionFee,
  }));
  const catalogue: CatalogueItem[] = draft.items.map((item) => ({
    code: item.code, component: item.component, kind: item.kind, description: item.description.trim(), unit: item.unit.trim(),
    unitPriceOre: readRow(`item:${item.code}`, item) ?? 0, vatCode: item.vatCode,
  }));
  const validDate = ISO_DATE.test(draft.effectiveFrom) && !Number.isNaN(Date.parse(`${draft.effectiveFrom}T00:00:00Z`));
  const dateProblem: DraftProblem | null = !validDate ? 'dateInvalid' : draft.effectiveFrom < today ? 'dateInPast' : null;
  const listProblem: DraftProblem | null = catalogue.length === 0 ? 'noItems' : null;
  const reads = Object.keys(problems).length === 0 && !dateProblem && !listProblem;
  return {
    priceList: reads ? { ...draft.base, version: draft.version, effectiveFrom: draft.effectiveFrom, standardFees, catalogue } : null,
    problems,
    dateProblem,
    listProblem,
  };
}
