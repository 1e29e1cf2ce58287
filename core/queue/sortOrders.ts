// The queue's sort orders: every present case id in the order of a sort key (ties by id), made once per key and
// then kept as cases change — a changed case is taken out where its old values put it and put back where its new
// ones do (two binary searches and a move of part of one array), instead of sorting a million ids again.
// A first order is made without a comparison sort where it can: ranks of the distinct values, then a stable
// bucket pass over an order the ties already agree with.
import type { QueueSortKey } from '../../shared/contract';
import { CASE_STATUSES, REQUEST_TYPES } from '../../shared/rules';
import { NONE, type CaseColumns } from './caseColumns';

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

export interface DisplayNames {
  installer(id: number): string;
  user(id: string): string;
}

interface Order {
  ids: Int32Array;
  length: number;
}

/** More changed cases than this at once: the orders are made again when next asked for. */
const INCREMENTAL_LIMIT = 2_000;

export class SortOrders {
  private readonly orders = new Map<QueueSortKey, Order>();

  constructor(
    private readonly columns: CaseColumns,
    private readonly names: DisplayNames,
    private readonly userIds: readonly string[],
    /** Every present case id by received time, then id (as the index loaded them), and ascending. */
    private readonly source: { received(): Int32Array; ascending(): Int32Array },
  ) {}

  clear(): void {
    this.orders.clear();
  }

  /** Ids in ascending order of `key` and the number of them. */
  get(key: QueueSortKey): Order {
    let order = this.orders.get(key);
    if (!order) {
      const ids = this.build(key);
      order = { ids, length: ids.length };
      this.orders.set(key, order);
    }
    return order;
  }

  /** These cases are about to change: out of every order (or every order dropped when they are many). */
  beforeChange(ids: readonly number[], present: (id: number) => boolean): void {
    if (ids.length > INCREMENTAL_LIMIT) return this.orders.clear();
    for (const [key, order] of this.orders) {
      const compare = this.comparatorFor(key);
      for (const id of ids) {
        if (!present(id)) continue;
        let at = lowerBound(order, id, compare);
        if (order.ids[at] !== id) at = order.ids.subarray(0, order.length).indexOf(id);
        if (at < 0) continue;
        order.ids.copyWithin(at, at + 1, order.length);
        order.length--;
      }
    }
  }

  /** These cases changed: back into every order where their new values put them. */
  afterChange(ids: readonly number[], present: (id: number) => boolean): void {
    for (const [key, order] of this.orders) {
      const compare = this.comparatorFor(key);
      for (const id of ids) {
        if (!present(id)) continue;
        if (order.length === order.ids.length) {
          const bigger = new Int32Array(Math.ceil(order.length * 1.25) + 16);
          bigger.set(order.ids);
          order.ids = bigger;
        }
        const at = lowerBound(order, id, compare);
        order.ids.copyWithin(at + 1, at, order.length);
        order.ids[at] = id;
        order.length++;
      }
    }
  }

  private build(key: QueueSortKey): Int32Array {
    const c = this.columns;
    switch (key) {
      case 'received':
        return this.source.received();
      case 'type':
        return byRank(this.source.received(), (id) => c.type[id], REQUEST_TYPES.length + 1);
      case 'status':
        return byRank(this.source.received(), (id) => c.status[id], CASE_STATUSES.length + 1);
      case 'due':
        return byDistinctValue(this.source.ascending(), (id) => c.due[id], (a, b) => a - b);
      case 'address':
        return byDistinctValue(this.source.ascending(), (id) => c.address[id], collator.compare);
      case 'installer':
        return byDistinctValue(this.source.ascending(), (id) => this.names.installer(c.installerId[id]), collator.compare);
      case 'assignee':
        return byDistinctValue(
          this.source.ascending(),
          (id) => (c.assignee[id] === NONE ? NONE : this.names.user(this.userIds[c.assignee[id]])),
          (a, b) => collator.compare(a as string, b as string),
        );
    }
  }

  /** The order of `key` as a comparison, ties by id: what `build` makes, one pair at a time. */
  comparatorFor(key: QueueSortKey): (a: number, b: number) => number {
    const c = this.columns;
    const bySubmitted = (a: number, b: number) =>
      c.submitted[a] < c.submitted[b] ? -1 : c.submitted[a] > c.submitted[b] ? 1 : 0;
    const noneLast = (a: number, b: number, column: Int32Array, compare: (a: number, b: number) => number) =>
      column[a] === NONE ? (column[b] === NONE ? 0 : 1) : column[b] === NONE ? -1 : compare(a, b);
    const primary = ((): ((a: number, b: number) => number) => {
      switch (key) {
        case 'received':
          return bySubmitted;
        case 'type':
          return (a, b) => c.type[a] - c.type[b] || bySubmitted(a, b);
        case 'status':
          return (a, b) => c.status[a] - c.status[b] || bySubmitted(a, b);
        case 'address':
          return (a, b) => collator.compare(c.address[a], c.address[b]);
        case 'installer':
          return (a, b) => collator.compare(this.names.installer(c.installerId[a]), this.names.installer(c.installerId[b]));
        case 'due':
          return (a, b) => noneLast(a, b, c.due, (x, y) => c.due[x] - c.due[y]);
        case 'assignee':
          return (a, b) =>
            noneLast(a, b, c.assignee, (x, y) =>
              collator.compare(this.names.user(this.userIds[c.assignee[x]]), this.names.user(this.userIds[c.assignee[y]])),
            );
      }
    })();
    return (a, b) => primary(a, b) || a - b;
  }
}

/** The first position whose id does not come before `id`. */
function lowerBound(order: Order, id: number, compare: (a: number, b: number) => number): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(order.ids[mid], id) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A stable bucket pass: `base` ordered by a small rank (NONE last), ties kept in `base`'s order. */
function byRank(base: Int32Array, rankOf: (id: number) => number, ranks: number): Int32Array {
  const rank = (id: number) => {
    const r = rankOf(id);
    return r === NONE ? ranks - 1 : r;
  };
  const starts = new Int32Array(ranks + 1);
  for (let i = 0; i < base.length; i++) starts[rank(base[i]) + 1]++;
  for (let r = 0; r < ranks; r++) starts[r + 1] += starts[r];
  const sorted = new Int32Array(base.length);
  for (let i = 0; i < base.length; i++) sorted[starts[rank(base[i])]++] = base[i];
  return sorted;
}

/**
 * `base` (ascending ids) ordered by a value: the distinct values are sorted once, values the comparison calls
 * equal share a rank, NONE sorts last — then one bucket pass.
 */
function byDistinctValue<T extends string | number>(
  base: Int32Array,
  valueOf: (id: number) => T,
  compare: (a: T, b: T) => number,
): Int32Array {
  const values = new Array<T>(base.length);
  const distinct = new Set<T>();
  for (let i = 0; i < base.length; i++) {
    values[i] = valueOf(base[i]);
    if (values[i] !== NONE) distinct.add(values[i]);
  }
  const sorted = [...distinct].sort(compare);
  const rankOfValue = new Map<T, number>();
  let rank = -1;
  sorted.forEach((value, i) => {
    if (i === 0 || compare(sorted[i - 1], value) !== 0) rank++;
    rankOfValue.set(value, rank);
  });
  const ranks = new Int32Array(base.length);
  for (let i = 0; i < base.length; i++) ranks[i] = values[i] === NONE ? NONE : rankOfValue.get(values[i])!;
  const positions = byRank(Int32Array.from(base.keys()), (i) => ranks[i], rank + 2);
  return positions.map((i) => base[i]);
}
