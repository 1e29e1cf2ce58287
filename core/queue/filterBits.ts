// One bitset per filter value (status, type, closure reason, municipality, assignee, billing flag), kept as cases
// change: a case's bits are taken out with its old columns and put back with its new ones. Overdue and expired
// offers depend on the day, so their sets are made once per day asked for and then kept the same way.
import { CASE_STATUSES, CLOSURE_REASONS, REQUEST_TYPES } from '../../shared/rules';
import { add, grown, remove, wordsFor, type Bits } from './bitset';
import { NONE, type CaseColumns } from './caseColumns';

const setsOf = (n: number, words: number): Bits[] => Array.from({ length: n }, () => new Uint32Array(words));

export class FilterBits {
  words = 0;
  present: Bits = new Uint32Array(0);
  status: Bits[] = setsOf(CASE_STATUSES.length, 0);
  type: Bits[] = setsOf(REQUEST_TYPES.length, 0);
  closure: Bits[] = setsOf(CLOSURE_REASONS.length, 0);
  municipality = new Map<number, Bits>();
  assignee = new Map<number, Bits>();
  unassigned: Bits = new Uint32Array(0);
  flagged: Bits = new Uint32Array(0);
  private dated: { today: number; overdue: Bits; expired: Bits } | null = null;

  constructor(private readonly columns: CaseColumns) {}

  ensureCapacity(capacity: number): void {
    const words = wordsFor(capacity);
    if (words <= this.words) return;
    this.words = Math.max(words, Math.ceil(this.words * 1.5));
    const grow = (bits: Bits) => grown(bits, this.words);
    this.present = grow(this.present);
    this.status = this.status.map(grow);
    this.type = this.type.map(grow);
    this.closure = this.closure.map(grow);
    for (const [key, bits] of this.municipality) this.municipality.set(key, grow(bits));
    for (const [key, bits] of this.assignee) this.assignee.set(key, grow(bits));
    this.unassigned = grow(this.unassigned);
    this.flagged = grow(this.flagged);
    if (this.dated) this.dated = { ...this.dated, overdue: grow(this.dated.overdue), expired: grow(this.dated.expired) };
  }

  private valueSet(map: Map<number, Bits>, key: number): Bits {
    let bits = map.get(key);
    if (!bits) map.set(key, (bits = new Uint32Array(this.words)));
    return bits;
  }

  /** Puts (or takes out) a case's bits according to its columns as they are now. */
  private mark(id: number, put: (bits: Bits, id: number) => void): void {
    const c = this.columns;
    put(this.present, id);
    if (c.status[id] !== NONE) put(this.status[c.status[id]], id);
    if (c.type[id] !== NONE) put(this.type[c.type[id]], id);
    if (c.closure[id] !== NONE) put(this.closure[c.closure[id]], id);
    if (c.municipality[id] !== NONE) put(this.valueSet(this.municipality, c.municipality[id]), id);
    if (c.assignee[id] === NONE) put(this.unassigned, id);
    else put(this.valueSet(this.assignee, c.assignee[id]), id);
    if (c.billingFlagged[id] === 1) put(this.flagged, id);
    if (this.dated) {
      if (c.isOverdue(id, this.dated.today)) put(this.dated.overdue, id);
      if (c.isOfferExpired(id, this.dated.today)) put(this.dated.expired, id);
    }
  }

  place(id: number): void {
    this.mark(id, add);
  }

  unplace(id: number): void {
    this.mark(id, remove);
  }

  /** The overdue cases and the expired offers on `today` (a yyyymmdd number). */
  datedSets(today: number): { overdue: Bits; expired: Bits } {
    if (this.dated?.today === today) return this.dated;
    const overdue = new Uint32Array(this.words);
    const expired = new Uint32Array(this.words);
    const c = this.columns;
    const present = this.present;
    for (let word = 0; word < present.length; word++) {
      let bits = present[word];
      while (bits !== 0) {
        const low = bits & -bits;
        const id = (word << 5) + 31 - Math.clz32(low);
        bits ^= low;
        if (c.isOverdue(id, today)) add(overdue, id);
        if (c.isOfferExpired(id, today)) add(expired, id);
      }
    }
    this.dated = { today, overdue, expired };
    return this.dated;
  }
}
