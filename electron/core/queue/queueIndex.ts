// The queue's filters, sorting and counts answered from memory. SQLite stays the truth: this index holds
// only the columns the queue filters and sorts by, one slot per case in typed arrays, and whoever changes
// cases tells it which ids to re-read (`refresh`). A pass over 100 000 slots takes well under a
// millisecond, where SQLite's plans for the same combinations of filters range from 0.1 ms to 40 ms.
import type Database from 'better-sqlite3';
import type { QueueFilters, QueueSortKey } from '../../shared/contract';
import { CASE_STATUSES, CLOCK_RUNNING_STATUSES, CLOSURE_REASONS, REQUEST_TYPES, type CaseStatus } from '../../shared/rules';

const STATUS_CODE = new Map<string, number>(CASE_STATUSES.map((status, i) => [status, i]));
const TYPE_CODE = new Map<string, number>(REQUEST_TYPES.map((type, i) => [type, i]));
const CLOSURE_CODE = new Map<string, number>(CLOSURE_REASONS.map((reason, i) => [reason, i]));
const CLOCK_RUNNING = new Uint8Array(CASE_STATUSES.length);
for (const status of CLOCK_RUNNING_STATUSES) CLOCK_RUNNING[STATUS_CODE.get(status)!] = 1;
const WAITING = STATUS_CODE.get('waiting_for_info')!;
const OFFER_SENT = STATUS_CODE.get('offer_sent')!;
const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });
const NONE = -1;
const dateNumber = (isoDate: string): number => Number(isoDate.slice(0, 10).replaceAll('-', ''));

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
  /** Membership of case ids in the free-text search, or null when there is no search. */
  searchHits: Uint8Array | null;
}

export interface DisplayNames {
  installer(id: number): string;
  user(id: string): string;
}

// The issued offer's validity and open billing flags come by their partial indexes (offers_issued_case,
// billing_events_open_flags): one index probe per case, no JSON read.
const ENTRY_SQL = `SELECT id, status, request_type AS type, municipality_number AS municipality, assignee_id AS assignee,
  due_date AS due, submitted_at AS submitted, address, installer_id AS installerId, closure_reason AS closure,
  (SELECT max(o.valid_until) FROM offers o WHERE o.case_id = cases.id AND o.state = 'issued') AS offerValidUntil,
  EXISTS (SELECT 1 FROM billing_events b WHERE b.case_id = cases.id AND b.outcome = 'flagged' AND b.resolved_at IS NULL)
    AS billingFlagged
  FROM cases`;

interface Row {
  id: number;
  status: string;
  type: string;
  municipality: string;
  assignee: string | null;
  due: string | null;
  submitted: string;
  address: string;
  installerId: number;
  closure: string | null;
  offerValidUntil: string | null;
  billingFlagged: number;
}

/** One slot per case; columns as typed arrays so a filter pass touches only compact memory. */
class Slots {
  size = 0;
  id = new Int32Array(0);
  status = new Int8Array(0);
  type = new Int8Array(0);
  municipality = new Int16Array(0);
  assignee = new Int32Array(0);
  due = new Int32Array(0);
  installerId = new Int32Array(0);
  closure = new Int8Array(0);
  offerValidUntil = new Int32Array(0);
  billingFlagged = new Uint8Array(0);
  submitted: string[] = [];
  address: string[] = [];

  ensureCapacity(capacity: number): void {
    if (capacity <= this.id.length) return;
    const grown = Math.max(capacity, Math.ceil(this.id.length * 1.5), 1024);
    const grow = <T extends Int32Array | Int16Array | Int8Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(grown);
      next.set(old);
      return next;
    };
    this.id = grow(this.id, (n) => new Int32Array(n));
    this.status = grow(this.status, (n) => new Int8Array(n));
    this.type = grow(this.type, (n) => new Int8Array(n));
    this.municipality = grow(this.municipality, (n) => new Int16Array(n));
    this.assignee = grow(this.assignee, (n) => new Int32Array(n));
    this.due = grow(this.due, (n) => new Int32Array(n));
    this.installerId = grow(this.installerId, (n) => new Int32Array(n));
    this.closure = grow(this.closure, (n) => new Int8Array(n));
    this.offerValidUntil = grow(this.offerValidUntil, (n) => new Int32Array(n));
    this.billingFlagged = grow(this.billingFlagged, (n) => new Uint8Array(n));
  }
}

export class QueueIndex {
  private slots = new Slots();
  private slotOfId = new Map<number, number>();
  private orders = new Map<QueueSortKey, Int32Array>();
  private loaded = false;
  private readonly byIds: Database.Statement;
  private readonly userIds: string[] = [];
  private readonly userCodes = new Map<string, number>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly names: DisplayNames,
  ) {
    this.byIds = sqlite.prepare(`${ENTRY_SQL} WHERE id IN (SELECT value FROM json_each(?))`);
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

  private write(slot: number, row: Row): void {
    const s = this.slots;
    s.id[slot] = row.id;
    s.status[slot] = STATUS_CODE.get(row.status) ?? NONE;
    s.type[slot] = TYPE_CODE.get(row.type) ?? NONE;
    s.municipality[slot] = Number(row.municipality) || NONE;
    s.assignee[slot] = this.userCode(row.assignee);
    s.due[slot] = row.due ? dateNumber(row.due) : NONE;
    s.installerId[slot] = row.installerId;
    s.closure[slot] = row.closure === null ? NONE : CLOSURE_CODE.get(row.closure) ?? NONE;
    s.offerValidUntil[slot] = row.offerValidUntil ? dateNumber(row.offerValidUntil) : NONE;
    s.billingFlagged[slot] = row.billingFlagged ? 1 : 0;
    s.submitted[slot] = row.submitted;
    s.address[slot] = row.address;
  }

  private ensureLoaded(): void {
    if (this.loaded) return;
    const rows = this.sqlite.prepare(ENTRY_SQL).all() as Row[];
    this.slots = new Slots();
    this.slots.ensureCapacity(rows.length);
    this.slotOfId = new Map();
    rows.forEach((row, slot) => {
      this.write(slot, row);
      this.slotOfId.set(row.id, slot);
    });
    this.slots.size = rows.length;
    this.orders.clear();
    this.loaded = true;
  }

  /** Re-reads these cases from SQLite (new, changed or deleted ones). */
  refresh(caseIds: readonly number[]): void {
    if (!this.loaded || caseIds.length === 0) return;
    const fresh = new Map((this.byIds.all(JSON.stringify(caseIds)) as Row[]).map((row) => [row.id, row] as const));
    for (const id of caseIds) {
      const slot = this.slotOfId.get(id);
      const row = fresh.get(id);
      if (slot !== undefined && row) this.write(slot, row);
      else if (row) {
        this.slots.ensureCapacity(this.slots.size + 1);
        this.write(this.slots.size, row);
        this.slotOfId.set(id, this.slots.size);
        this.slots.size++;
      } else if (slot !== undefined) {
        this.loaded = false; // rare (a tombstone from sync): rebuild on next use
      }
    }
    this.orders.clear();
  }

  /** Everything, from scratch: after a bulk load such as seeding or an initial sync. */
  invalidate(): void {
    this.loaded = false;
  }

  private order(key: QueueSortKey): Int32Array {
    let sorted = this.orders.get(key);
    if (sorted) return sorted;
    const compare = this.comparatorFor(key);
    const slots = Array.from({ length: this.slots.size }, (_, i) => i);
    slots.sort((a, b) => compare(a, b) || this.slots.id[a] - this.slots.id[b]);
    sorted = Int32Array.from(slots);
    this.orders.set(key, sorted);
    return sorted;
  }

  select(query: QueueQuery): QueueSelection {
    this.ensureLoaded();
    const { filters, searchHits } = query;
    const wantStatus = codeMask(filters.statuses, STATUS_CODE, CASE_STATUSES.length);
    const wantType = codeMask(filters.types, TYPE_CODE, REQUEST_TYPES.length);
    const wantClosure = codeMask(filters.closureReasons ?? [], CLOSURE_CODE, CLOSURE_REASONS.length);
    const wantMunicipality = municipalityMask(filters.municipalities);
    const me = this.userCode(query.userId);
    const today = dateNumber(query.today);
    const mine = filters.assignment === 'mine';
    const unassigned = filters.assignment === 'unassigned';
    const { overdueOnly, waitingOnly, offersExpiredOnly, billingFlaggedOnly } = filters;
    const { id, status, type, municipality, assignee, due, offerValidUntil, billingFlagged, closure } = this.slots;
    const counts = new Array<number>(CASE_STATUSES.length).fill(0);
    const pageIds: number[] = [];
    const pageEnd = query.offset + query.limit;
    let total = 0;
    let overdueCount = 0;
    let waitingCount = 0;
    let expiredCount = 0;
    let flaggedCount = 0;

    const visit = (slot: number): void => {
      if (searchHits !== null && searchHits[id[slot]] !== 1) return;
      if (wantType !== null && wantType[type[slot]] !== 1) return;
      if (wantClosure !== null && wantClosure[closure[slot]] !== 1) return;
      if (wantMunicipality !== null && wantMunicipality[municipality[slot]] !== 1) return;
      if (mine && assignee[slot] !== me) return;
      if (unassigned && assignee[slot] !== NONE) return;
      const overdue = due[slot] !== NONE && due[slot] < today && CLOCK_RUNNING[status[slot]] === 1;
      const waiting = status[slot] === WAITING;
      if (overdue) overdueCount++;
      if (waiting) waitingCount++;
      const expired = status[slot] === OFFER_SENT && offerValidUntil[slot] !== NONE && offerValidUntil[slot] < today;
      const flagged = billingFlagged[slot] === 1;
      if (expired) expiredCount++;
      if (flagged) flaggedCount++;
      if ((overdueOnly && !overdue) || (waitingOnly && !waiting)) return;
      if ((offersExpiredOnly && !expired) || (billingFlaggedOnly && !flagged)) return;
      counts[status[slot]]++;
      if (wantStatus !== null && wantStatus[status[slot]] !== 1) return;
      if (total >= query.offset && total < pageEnd) pageIds.push(id[slot]);
      total++;
    };

    const sorted = this.order(query.sort.key);
    if (query.sort.direction === 'asc') {
      for (let i = 0; i < sorted.length; i++) visit(sorted[i]);
    } else {
      // Descending, but cases without a due date or an assignee stay last, as they are in ascending order.
      const firstNone = this.firstNonePosition(sorted, query.sort.key);
      for (let i = firstNone - 1; i >= 0; i--) visit(sorted[i]);
      for (let i = firstNone; i < sorted.length; i++) visit(sorted[i]);
    }
    const byStatus = Object.fromEntries(CASE_STATUSES.map((s, i) => [s, counts[i]])) as Record<CaseStatus, number>;
    return {
      total, pageIds, byStatus, overdue: overdueCount, waiting: waitingCount, offersExpired: expiredCount,
      billingFlagged: flaggedCount,
    };
  }

  /** Where the slots without a value begin in an ascending order (they sort last); the length if none. */
  private firstNonePosition(sorted: Int32Array, key: QueueSortKey): number {
    if (key !== 'due' && key !== 'assignee') return sorted.length;
    const column = key === 'due' ? this.slots.due : this.slots.assignee;
    let position = sorted.length;
    while (position > 0 && column[sorted[position - 1]] === NONE) position--;
    return position;
  }

  private comparatorFor(key: QueueSortKey): (a: number, b: number) => number {
    const s = this.slots;
    const bySubmitted = (a: number, b: number) =>
      s.submitted[a] < s.submitted[b] ? -1 : s.submitted[a] > s.submitted[b] ? 1 : 0;
    const noneLast = (a: number, b: number, column: Int32Array, compare: (a: number, b: number) => number) =>
      column[a] === NONE ? (column[b] === NONE ? 0 : 1) : column[b] === NONE ? -1 : compare(a, b);
    switch (key) {
      case 'received':
        return bySubmitted;
      case 'type':
        return (a, b) => s.type[a] - s.type[b] || bySubmitted(a, b);
      case 'status':
        return (a, b) => s.status[a] - s.status[b] || bySubmitted(a, b);
      case 'address':
        return (a, b) => collator.compare(s.address[a], s.address[b]);
      case 'installer':
        return (a, b) => collator.compare(this.names.installer(s.installerId[a]), this.names.installer(s.installerId[b]));
      case 'due':
        return (a, b) => noneLast(a, b, s.due, (x, y) => s.due[x] - s.due[y]);
      case 'assignee':
        return (a, b) =>
          noneLast(a, b, s.assignee, (x, y) =>
            collator.compare(this.names.user(this.userIds[s.assignee[x]]), this.names.user(this.userIds[s.assignee[y]])),
          );
    }
  }
}

/** A lookup array (1 = wanted) for a filter on coded values; null when the filter is empty. */
function codeMask(values: readonly string[], codes: Map<string, number>, size: number): Uint8Array | null {
  if (values.length === 0) return null;
  const mask = new Uint8Array(size);
  for (const value of values) {
    const code = codes.get(value);
    if (code !== undefined) mask[code] = 1;
  }
  return mask;
}

/** Municipality numbers are four digits: a 10 000-slot lookup array beats a Set in the hot loop. */
function municipalityMask(numbers: readonly string[]): Uint8Array | null {
  if (numbers.length === 0) return null;
  const mask = new Uint8Array(10_000);
  for (const number of numbers) mask[Number(number)] = 1;
  return mask;
}
