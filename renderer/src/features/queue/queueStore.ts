// The queue's data outside React, so that it outlives the screen: filters, sort, the pages fetched so far,
// the active row and the scroll position are all still there when the handler comes back from a case.
//
// Every change of query starts a new generation; an answer from an older generation is dropped, so a slow
// reply to "sto" can never overwrite the list for "stor". Pages of the previous answer stay visible until
// their fresh copy arrives, so the list never blinks empty while the user types.
//
// The core answers one call at a time, so while an outdated list call is still running we do not queue more
// behind it: the newest query is sent the moment the core is free, and the keystrokes in between cost nothing.
// The per-status counts matter less than the list and follow a moment after typing pauses.
import { call } from '../../api/call';
import type { AppError, QueueCounts, QueueFilters, QueueRow, QueueSortKey } from '../../api/contract';
import { DEFAULT_SORT, PAGE_SIZE, countsKey, defaultFilters, nextSort, type QueueSort } from './queueQuery';

const COUNTS_DELAY_MS = 150;

export interface QueueState {
  filters: QueueFilters;
  sort: QueueSort;
  /** Rows matching the filters; null until the first answer. */
  total: number | null;
  counts: QueueCounts | null;
  /** Bumped whenever rows change, so the grid knows to redraw. */
  rowsVersion: number;
  loading: boolean;
  listError: AppError | null;
  activeIndex: number;
  /** Bumped when the list starts again from the top (new filter or sort), so the grid scrolls up. */
  fromTopCount: number;
}

export class QueueStore {
  private state: QueueState = {
    filters: defaultFilters(),
    sort: DEFAULT_SORT,
    total: null,
    counts: null,
    rowsVersion: 0,
    loading: false,
    listError: null,
    activeIndex: 0,
    fromTopCount: 0,
  };
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  private fresh = new Map<number, QueueRow[]>();
  private stale = new Map<number, QueueRow[]>();
  /** Pages of the current generation on their way, and the list calls (of one or more pages) bringing them. */
  private readonly inflight = new Set<number>();
  private callsInFlight = 0;
  private visible = { start: 0, end: 40 };
  private countsRequest = 0;
  private countsTimer: ReturnType<typeof setTimeout> | undefined;
  /** List calls of earlier generations still running in the core. */
  private outdatedInFlight = 0;
  /** A page request held back until those have finished. */
  private deferred = false;
  /** The filters (status aside) the counts on screen were last asked for. */
  private countsAskedFor = '';
  private started = false;
  /** Where the list was scrolled to; kept outside the state because it changes on every scroll event. */
  scrollTop = 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): QueueState => this.state;

  private update(patch: Partial<QueueState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  rowAt(index: number): QueueRow | undefined {
    const page = Math.floor(index / PAGE_SIZE);
    return (this.fresh.get(page) ?? this.stale.get(page))?.[index % PAGE_SIZE];
  }

  /** Loads the first page on the first visit, and fresh data (same place in the list) on every later one. */
  start(): void {
    if (!this.started) {
      this.started = true;
      this.requery(true);
    } else {
      this.requery(false);
    }
  }

  /** The same question again, in place: the cache under the queue has changed (the central database sent rows). */
  refresh(): void {
    if (this.started) this.requery(false);
  }

  setFilters(patch: Partial<QueueFilters>): void {
    this.update({ filters: { ...this.state.filters, ...patch } });
    this.requery(true);
  }

  resetFilters(): void {
    this.update({ filters: defaultFilters() });
    this.requery(true);
  }

  sortBy(key: QueueSortKey): void {
    this.update({ sort: nextSort(this.state.sort, key) });
    this.requery(true);
  }

  setActiveIndex(index: number): void {
    const last = Math.max(0, (this.state.total ?? 0) - 1);
    const clamped = Math.min(Math.max(0, index), last);
    if (clamped !== this.state.activeIndex) this.update({ activeIndex: clamped });
  }

  /** The grid reports which rows are on screen; missing pages among them are fetched. */
  showRange(start: number, end: number): void {
    this.visible = { start, end };
    if (this.outdatedInFlight > 0) {
      this.deferred = true;
      return;
    }
    const total = this.state.total;
    const last = total === null ? end : Math.min(end, total - 1);
    const lastPage = Math.floor(Math.max(last, 0) / PAGE_SIZE);
    // Neighbouring missing pages are asked for in one call: one round trip however tall the window is.
    let runStart = -1;
    for (let page = Math.floor(start / PAGE_SIZE); page <= lastPage + 1; page++) {
      const missing = page <= lastPage && !this.fresh.has(page) && !this.inflight.has(page);
      if (missing && runStart < 0) runStart = page;
      if (!missing && runStart >= 0) {
        void this.loadPages(runStart, page - 1);
        runStart = -1;
      }
    }
  }

  /** A new question to the core. From the top for a new filter or sort; in place when coming back. */
  private requery(fromTop: boolean): void {
    this.generation++;
    this.outdatedInFlight += this.callsInFlight;
    this.callsInFlight = 0;
    this.inflight.clear();
    if (fromTop) {
      const firstPage = this.fresh.get(0) ?? this.stale.get(0);
      this.stale = firstPage ? new Map([[0, firstPage]]) : new Map<number, QueueRow[]>();
      this.scrollTop = 0;
      this.visible = { start: 0, end: Math.max(40, this.visible.end - this.visible.start) };
      this.update({ activeIndex: 0, fromTopCount: this.state.fromTopCount + 1 });
    } else {
      this.stale = new Map([...this.stale, ...this.fresh]);
    }
    this.fresh = new Map();
    if (!this.state.loading) this.update({ loading: true });
    this.showRange(this.visible.start, this.visible.end);
    const key = countsKey(this.state.filters);
    if (!fromTop || key !== this.countsAskedFor) this.scheduleCounts(key, this.state.counts === null ? 0 : COUNTS_DELAY_MS);
  }

  private scheduleCounts(key: string, delay: number): void {
    clearTimeout(this.countsTimer);
    this.countsAskedFor = key;
    this.countsTimer = setTimeout(() => void this.loadCounts(key), delay);
  }

  /** Pages first…last in one list call. */
  private async loadPages(first: number, last: number): Promise<void> {
    const generation = this.generation;
    const { filters, sort } = this.state;
    for (let page = first; page <= last; page++) this.inflight.add(page);
    this.callsInFlight++;
    if (!this.state.loading) this.update({ loading: true });
    const result = await call('queue.list', {
      filters,
      sort,
      offset: first * PAGE_SIZE,
      limit: (last - first + 1) * PAGE_SIZE,
    });
    if (generation !== this.generation) {
      this.outdatedInFlight--;
      if (this.outdatedInFlight === 0 && this.deferred) {
        this.deferred = false;
        this.showRange(this.visible.start, this.visible.end);
      }
      return;
    }
    this.callsInFlight--;
    for (let page = first; page <= last; page++) this.inflight.delete(page);
    const loading = this.inflight.size > 0;
    if (!result.ok) {
      this.update({ loading, listError: result.error });
      return;
    }
    const rows = result.value.rows;
    for (let page = first; page <= last; page++) {
      const offset = (page - first) * PAGE_SIZE;
      this.fresh.set(page, keepUnchangedRows(this.stale.get(page), rows.slice(offset, offset + PAGE_SIZE)));
    }
    const total = result.value.total;
    const activeIndex = Math.min(this.state.activeIndex, Math.max(0, total - 1));
    this.update({ total, activeIndex, loading, listError: null, rowsVersion: this.state.rowsVersion + 1 });
  }

  private async loadCounts(key: string): Promise<void> {
    const request = ++this.countsRequest;
    const result = await call('queue.counts', { filters: this.state.filters });
    if (request !== this.countsRequest) return;
    // A failed count keeps the last numbers; the list's own error says what is wrong with the filters.
    if (result.ok) this.update({ counts: result.value });
    else if (this.countsAskedFor === key) this.countsAskedFor = '';
  }
}

/**
 * The fresh rows, with every row that is unchanged since the copy on screen replaced by that copy: the grid's
 * memoised rows then skip rendering (and the DOM stays untouched) for the cases a narrower search still shows.
 */
function keepUnchangedRows(previous: QueueRow[] | undefined, rows: QueueRow[]): QueueRow[] {
  if (!previous || previous.length === 0) return rows;
  const byId = new Map<number, QueueRow>();
  for (const row of previous) byId.set(row.id, row);
  return rows.map((row) => {
    const old = byId.get(row.id);
    return old !== undefined && sameRow(old, row) ? old : row;
  });
}

function sameRow(a: QueueRow, b: QueueRow): boolean {
  for (const key in b) {
    if (a[key as keyof QueueRow] !== b[key as keyof QueueRow]) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

/** One queue per window: it is the handler's place in their work. */
export const queueStore = new QueueStore();
