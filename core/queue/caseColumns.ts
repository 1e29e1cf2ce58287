// The columns the queue filters and sorts by, one slot per case id in typed arrays (case ids are dense: they
// come from SQLite's rowid or the service's identity column), read from SQLite by ENTRY_SQL.
import { CASE_STATUSES, CLOCK_RUNNING_STATUSES, CLOSURE_REASONS, REQUEST_TYPES } from '../../shared/rules';

export const STATUS_CODE = new Map<string, number>(CASE_STATUSES.map((status, i) => [status, i]));
export const TYPE_CODE = new Map<string, number>(REQUEST_TYPES.map((type, i) => [type, i]));
export const CLOSURE_CODE = new Map<string, number>(CLOSURE_REASONS.map((reason, i) => [reason, i]));
export const CLOCK_RUNNING = new Uint8Array(CASE_STATUSES.length);
for (const status of CLOCK_RUNNING_STATUSES) CLOCK_RUNNING[STATUS_CODE.get(status)!] = 1;
export const WAITING = STATUS_CODE.get('waiting_for_info')!;
export const OFFER_SENT = STATUS_CODE.get('offer_sent')!;
export const NONE = -1;
export const dateNumber = (isoDate: string): number => Number(isoDate.slice(0, 10).replaceAll('-', ''));

// The issued offer's validity and open billing flags come by their partial indexes (offers_issued_case,
// billing_events_open_flags): one index probe per case, no JSON read.
export const ENTRY_SQL = `SELECT id, status, request_type AS type, municipality_number AS municipality, assignee_id AS assignee,
  due_date AS due, submitted_at AS submitted, address, installer_id AS installerId, closure_reason AS closure,
  (SELECT max(o.valid_until) FROM offers o WHERE o.case_id = cases.id AND o.state = 'issued') AS offerValidUntil,
  EXISTS (SELECT 1 FROM billing_events b WHERE b.case_id = cases.id AND b.outcome = 'flagged' AND b.resolved_at IS NULL)
    AS billingFlagged
  FROM cases`;

export interface EntryRow {
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

/** Columns as typed arrays indexed by case id, so a pass touches only compact memory. */
export class CaseColumns {
  capacity = 0;
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
    if (capacity <= this.capacity) return;
    const size = Math.max(capacity, Math.ceil(this.capacity * 1.5), 1024);
    const grow = <T extends Int32Array | Int16Array | Int8Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.status = grow(this.status, (n) => new Int8Array(n));
    this.type = grow(this.type, (n) => new Int8Array(n));
    this.municipality = grow(this.municipality, (n) => new Int16Array(n));
    this.assignee = grow(this.assignee, (n) => new Int32Array(n));
    this.due = grow(this.due, (n) => new Int32Array(n));
    this.installerId = grow(this.installerId, (n) => new Int32Array(n));
    this.closure = grow(this.closure, (n) => new Int8Array(n));
    this.offerValidUntil = grow(this.offerValidUntil, (n) => new Int32Array(n));
    this.billingFlagged = grow(this.billingFlagged, (n) => new Uint8Array(n));
    this.capacity = size;
  }

  write(id: number, row: EntryRow, assigneeCode: number): void {
    this.status[id] = STATUS_CODE.get(row.status) ?? NONE;
    this.type[id] = TYPE_CODE.get(row.type) ?? NONE;
    this.municipality[id] = Number(row.municipality) || NONE;
    this.assignee[id] = assigneeCode;
    this.due[id] = row.due ? dateNumber(row.due) : NONE;
    this.installerId[id] = row.installerId;
    this.closure[id] = row.closure === null ? NONE : CLOSURE_CODE.get(row.closure) ?? NONE;
    this.offerValidUntil[id] = row.offerValidUntil ? dateNumber(row.offerValidUntil) : NONE;
    this.billingFlagged[id] = row.billingFlagged ? 1 : 0;
    this.submitted[id] = row.submitted;
    this.address[id] = row.address;
  }

  isOverdue(id: number, today: number): boolean {
    return this.due[id] !== NONE && this.due[id] < today && CLOCK_RUNNING[this.status[id]] === 1;
  }

  isOfferExpired(id: number, today: number): boolean {
    return this.status[id] === OFFER_SENT && this.offerValidUntil[id] !== NONE && this.offerValidUntil[id] < today;
  }
}
