// An offer's lines as the desk's SQLite keeps them: one JSON array per line, its values in a fixed order, without the
// key names (local 0031), and without what the line before already says — a price-list line's id (`std:<item>`,
// shared/rules/standardOfferLines.ts) is null, and its source only the item code when it is from the same list and
// version as the line before. Key names were half of an offer's 2 kB of lines in the cache; the repeats, two fifths of
// what was left. Only storage has this form: the central database, the outbox, the contract and the letters all see
// OfferLine objects. Lines stored in an earlier form read the same.
import { isDeepStrictEqual } from 'node:util';
import type { OfferLine } from '../../shared/rules';

type StoredSource = [priceListId: string, version: number, itemCode: string];

type StoredLine = [
  /** null: `std:` and the source's item code. */
  id: string | null,
  component: OfferLine['component'],
  kind: OfferLine['kind'],
  description: string,
  quantityMilli: number,
  unit: string,
  unitPriceOre: number,
  vatCode: OfferLine['vatCode'],
  /** An item code alone: from the list and version of the line before. */
  source: StoredSource | string | null,
];

const standardId = (itemCode: string) => `std:${itemCode}`;

export function toStoredLines(lines: readonly OfferLine[]): string {
  let before: OfferLine['source'] = null;
  return JSON.stringify(
    lines.map((line): StoredLine => {
      const { source } = line;
      const sameList = source !== null && before !== null && source.priceListId === before.priceListId && source.version === before.version;
      before = source;
      return [
        source && line.id === standardId(source.itemCode) ? null : line.id,
        line.component, line.kind, line.description, line.quantityMilli, line.unit, line.unitPriceOre, line.vatCode,
        source === null ? null : sameList ? source.itemCode : [source.priceListId, source.version, source.itemCode],
      ];
    }),
  );
}

/** The lines of a stored offer, in any form it has been stored in (object lines from before 0031 are taken as they are). */
export function fromStoredLines(text: string): OfferLine[] {
  let before: OfferLine['source'] = null;
  return (JSON.parse(text) as (StoredLine | OfferLine)[]).map((line) => {
    if (!Array.isArray(line)) {
      before = line.source;
      return line;
    }
    const [id, component, kind, description, quantityMilli, unit, unitPriceOre, vatCode, stored] = line;
    let source: OfferLine['source'] = null;
    if (typeof stored === 'string') {
      if (before === null) throw new Error('A stored offer line names an item of the list before it, and there is none.');
      source = { priceListId: before.priceListId, version: before.version, itemCode: stored };
    } else if (stored) source = { priceListId: stored[0], version: stored[1], itemCode: stored[2] };
    if (id === null && source === null) throw new Error('A stored offer line has neither an id nor a source.');
    before = source;
    return { id: id ?? standardId(source!.itemCode), component, kind, description, quantityMilli, unit, unitPriceOre, vatCode, source };
  });
}

/**
 * An offer's lines as the central database sends them (OfferLine objects, as JSON text or parsed) in the stored form.
 * Lines the stored form would not give back exactly (not OfferLines) are stored as they came: reading them then fails
 * where they are read, as it did before this form, rather than a pull storing something else.
 */
export function storedFromCentral(lines: unknown): unknown {
  try {
    const parsed: unknown = typeof lines === 'string' ? JSON.parse(lines) : lines;
    if (!Array.isArray(parsed)) return lines;
    const stored = toStoredLines(parsed as OfferLine[]);
    return isDeepStrictEqual(fromStoredLines(stored), parsed) ? stored : lines;
  } catch {
    return lines;
  }
}

/**
 * Whether two texts hold the same lines: in any form, whatever their spacing or key order (a desk's stored text,
 * the central database's, an outbox entry's).
 */
export function sameStoredLines(a: string, b: string): boolean {
  try {
    return isDeepStrictEqual(fromStoredLines(a), fromStoredLines(b));
  } catch {
    return false;
  }
}
