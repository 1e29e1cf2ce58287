// An offer's lines as the desk's SQLite keeps them (local 0031): one JSON array per line, its values in a fixed order,
// without the key names, which were half of an offer's 2 kB of lines in the cache. Only storage has this form: the
// central database, the outbox, the contract and the letters all see OfferLine objects.
import { isDeepStrictEqual } from 'node:util';
import type { OfferLine } from '../../shared/rules';

type StoredLine = [
  id: string,
  component: OfferLine['component'],
  kind: OfferLine['kind'],
  description: string,
  quantityMilli: number,
  unit: string,
  unitPriceOre: number,
  vatCode: OfferLine['vatCode'],
  source: [priceListId: string, version: number, itemCode: string] | null,
];

export function toStoredLines(lines: readonly OfferLine[]): string {
  return JSON.stringify(
    lines.map((line): StoredLine => [
      line.id, line.component, line.kind, line.description, line.quantityMilli, line.unit, line.unitPriceOre, line.vatCode,
      line.source ? [line.source.priceListId, line.source.version, line.source.itemCode] : null,
    ]),
  );
}

/** The lines of a stored offer; a line still in the object form (a row from before 0031) is taken as it is. */
export function fromStoredLines(text: string): OfferLine[] {
  return (JSON.parse(text) as (StoredLine | OfferLine)[]).map((line) => {
    if (!Array.isArray(line)) return line;
    const [id, component, kind, description, quantityMilli, unit, unitPriceOre, vatCode, source] = line;
    return {
      id, component, kind, description, quantityMilli, unit, unitPriceOre, vatCode,
      source: source ? { priceListId: source[0], version: source[1], itemCode: source[2] } : null,
    };
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
 * Whether two texts hold the same lines: in either form, whatever their spacing or key order (a desk's stored text,
 * the central database's, an outbox entry's).
 */
export function sameStoredLines(a: string, b: string): boolean {
  try {
    return isDeepStrictEqual(fromStoredLines(a), fromStoredLines(b));
  } catch {
    return false;
  }
}
