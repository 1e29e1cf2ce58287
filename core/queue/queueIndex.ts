// The queue's filters, sorting and counts answered from memory. SQLite stays the truth: this index holds only
// the columns the queue filters and sorts by (caseColumns.ts), one bitset per filter value (filterBits.ts) and the
// sort orders (sortOrders.ts); whoever changes cases tells it which ids to re-read (`refresh`).
// A question is a few ANDs and popcounts over bitsets (31 250 words at a million cases), then a walk along the
// sort order that stops as soon as the page is full: the cost follows the filters and the page, not the table.
// It loads in chunks (`loadStep`), so the core answers between them while the first page comes from SQLite.
import type Database from 'better-sqlite3';
import type { QueueFilters, QueueSortKey } from '../../shared/contract';
import { CASE_STATUSES, type CaseStatus } from '../../shared/rules';
import { andInto, count, countAnd, has, unionOf, type Bits } from './bitset';
import { CaseColumns, CLOSURE_CODE, dateNumber, ENTRY_SQL, NONE, STATUS_CODE, TYPE_CODE, WAITING, type EntryRow } from './caseColumns';
import { FilterBits } from './filterBits';
import { SortOrders, type DisplayNames } from './sortOrders';

export type { DisplayNames } from './sortOrders';

export interface QueueSelection {
  total: number;
  /** Case ids of the requested page, in order. */
  pageIds: number[];
  /** Per status, under every filter but the status filter. */
  byStatus: Record<CaseStatus, number>;
  /** Overdue and waiting for the installer, under every filter but these two and the status filter. */
  overdue: number;
  waiting: number;
  offersExpired: number;
  billingFlagged: number;
}

export interface QueueQuery {
  filters: QueueFilters;
  sort: { key: QueueSortKey; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
  userId: string;
  today: string;
  /** The case ids the free-text search found, or null when there is no search. */
  searchHits: Bits | null;
}

/** Cases read per loading step: some 50 ms of work at a time. */
const LOAD_CHUNK = 20_000;

export class QueueIndex {
  private columns = new CaseColumns();
  private bits = new FilterBits(this.columns);
  private orders: SortOrders;
  private loadCursor = 0;
  private loaded = false;
  private readonly byIds: Database.Statement;
  private readonly chunk: Database.Statement;
  private readonly received: Database.Statement;
  private readonly chunkSize: number;
  private readonly userIds: string[] = [];
  private readonly userCodes = new Map<string, number>();

  constructor(
    sqlite: Database.Database,
    private readonly names: DisplayNames,
    chunkSize = LOAD_CHUNK,
  ) {
    this.byIds = sqlite.prepare(`${ENTRY_SQL} WHERE id IN (SELECT value FROM json_each(?))`);
    // In rowid order: the table read front to back (by received time it is read all over, five times slower).
    this.chunk = sqlite.prepare(`${ENTRY_SQL} WHERE id > ? ORDER BY id LIMIT ?`);
    // The received order from the cases_submitted index alone: a million ids in well under a second.
    this.received = sqlite.prepare('SELECT id FROM cases ORDER BY submitted_at, id').pluck();
    this.chunkSize = chunkSize;
    this.orders = this.makeOrders();
  }

  private makeOrders(): SortOrders {
    return new SortOrders(this.columns, this.names, this.userIds, {
      received: () => this.receivedOrder(),
      ascending: () => this.presentIds(),
    });
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  private userCode(userId: string | null): number {
    if (userId === null) return NONE;
    let code = this.userCodes.get(userId);
    if (code === undefined) {
      code = this.userIds.push(userId) - 1;
      this.userCodes.set(userId, code);
    }
    return code;
  }

  private write(row: EntryRow): void {
    this.columns.ensureCapacity(row.id + 1);
    this.bits.ensureCapacity(this.columns.capacity);
    if (has(this.bits.present, row.id)) this.bits.unplace(row.id);
    this.columns.write(row.id, row, this.userCode(row.assignee));
    this.bits.place(row.id);
  }

  /** Reads the next chunk of cases; true when every case is in. */
  loadStep(): boolean {
    if (this.loaded) return true;
    const rows = this.chunk.all(this.loadCursor, this.chunkSize) as EntryRow[];
    for (const row of rows) this.write(row);
    if (rows.length > 0) this.loadCursor = rows[rows.length - 1].id;
    if (rows.length < this.chunkSize) this.loaded = true;
    return this.loaded;
  }

  /** Makes the default sort order ahead of the first question (a million ids from the cases_submitted index). */
  prepareDefaultOrder(): void {
    if (this.loaded) this.orders.get('received');
  }

  private ensureLoaded(): void {
    while (!this.loadStep());
  }

  /** Re-reads these cases from SQLite (new, changed or deleted ones). */
  refresh(caseIds: readonly number[]): void {
    if (caseIds.length === 0) return;
    // While loading, a case read here may be read again with its chunk: the same values written twice.
    const fresh = this.byIds.all(JSON.stringify(caseIds)) as EntryRow[];
    const present = (id: number) => has(this.bits.present, id);
    this.orders.beforeChange(caseIds, present);
    for (const id of caseIds) if (present(id)) this.bits.unplace(id);
    for (const row of fresh) this.write(row);
    this.orders.afterChange(caseIds, present);
  }

  /** Everything, from scratch: after a bulk load such as seeding or an initial sync. */
  invalidate(): void {
    this.columns = new CaseColumns();
    this.bits = new FilterBits(this.columns);
    this.orders = this.makeOrders();
    this.loadCursor = 0;
    this.loaded = false;
  }

  /** Every present case id in ascending order. */
  private presentIds(): Int32Array {
    const ids = new Int32Array(count(this.bits.present));
    let n = 0;
    const present = this.bits.present;
    for (let word = 0; word < present.length; word++) {
      let bits = present[word];
      while (bits !== 0) {
        const low = bits & -bits;
        ids[n++] = (word << 5) + 31 - Math.clz32(low);
        bits ^= low;
      }
    }
    return ids;
  }

  /** Every present case by received time, then id: from SQLite's index, sorted here only if the two differ. */
  private receivedOrder(): Int32Array {
    const ids = Int32Array.from(this.received.all() as number[]);
    const present = this.bits.present;
    if (ids.length === count(present) && ids.every((id) => has(present, id))) return ids;
    return this.presentIds().sort(this.orders.comparatorFor('received'));
  }

  select(query: QueueQuery): QueueSelection {
    this.ensureLoaded();
    const { filters, searchHits } = query;
    const b = this.bits;
    const words = b.words;
    const today = dateNumber(query.today);
    const dated = b.datedSets(today);

    // Every filter but the status filter and the four flags: what the flags' counts are counted under.
    const base = new Uint32Array(b.present);
    if (searchHits !== null) andInto(base, searchHits);
    if (filters.types.length > 0) andInto(base, unionOf(filters.types.map((t) => b.type[TYPE_CODE.get(t) ?? -1]), words));
    if (filters.closureReasons.length > 0) {
      andInto(base, unionOf(filters.closureReasons.map((r) => b.closure[CLOSURE_CODE.get(r) ?? -1]), words));
    }
    if (filters.municipalities.length > 0) {
      andInto(base, unionOf(filters.municipalities.map((m) => b.municipality.get(Number(m))), words));
    }
    if (filters.assignment === 'mine') andInto(base, b.assignee.get(this.userCode(query.userId)) ?? new Uint32Array(0));
    if (filters.assignment === 'unassigned') andInto(base, b.unassigned);
    const overdue = countAnd(base, dated.overdue);
    const waiting = countAnd(base, b.status[WAITING]);
    const offersExpired = countAnd(base, dated.expired);
    const billingFlagged = countAnd(base, b.flagged);

    if (filters.overdueOnly) andInto(base, dated.overdue);
    if (filters.waitingOnly) andInto(base, b.status[WAITING]);
    if (filters.offersExpiredOnly) andInto(base, dated.expired);
    if (filters.billingFlaggedOnly) andInto(base, b.flagged);
    const counts = b.status.map((ofStatus) => countAnd(base, ofStatus));
    let total = count(base);
    if (filters.statuses.length > 0) {
      andInto(base, unionOf(filters.statuses.map((s) => b.status[STATUS_CODE.get(s) ?? -1]), words));
      total = count(base);
    }
    const byStatus = Object.fromEntries(CASE_STATUSES.map((s, i) => [s, counts[i]])) as Record<CaseStatus, number>;
    return {
      total,
      pageIds: this.page(base, total, query),
      byStatus,
      overdue,
      waiting,
      offersExpired,
      billingFlagged,
    };
  }

  /** The requested page of `matching`, walking the sort order only until the page is full. */
  private page(matching: Bits, total: number, query: QueueQuery): number[] {
    const pageIds: number[] = [];
    const end = Math.min(query.offset + query.limit, total);
    if (query.offset >= end) return pageIds;
    const order = this.orders.get(query.sort.key);
    const ids = order.ids;
    let seen = 0;
    const visit = (id: number): boolean => {
      if ((matching[id >>> 5] & (1 << (id & 31))) === 0) return false;
      if (seen >= query.offset) pageIds.push(id);
      return ++seen >= end;
    };
    if (query.sort.direction === 'asc') {
      for (let i = 0; i < order.length; i++) if (visit(ids[i])) break;
      return pageIds;
    }
    // Descending, but cases without a due date or an assignee stay last, as they are in ascending order.
    const firstNone = this.firstNonePosition(ids, order.length, query.sort.key);
    for (let i = firstNone - 1; i >= 0; i--) if (visit(ids[i])) return pageIds;
    for (let i = firstNone; i < order.length; i++) if (visit(ids[i])) break;
    return pageIds;
  }

  /** Where the ids without a value begin in an ascending order (they sort last); the length if none. */
  private firstNonePosition(ids: Int32Array, length: number, key: QueueSortKey): number {
    if (key !== 'due' && key !== 'assignee') return length;
    const column = key === 'due' ? this.columns.due : this.columns.assignee;
    let low = 0;
    let high = length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (column[ids[mid]] === NONE) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
