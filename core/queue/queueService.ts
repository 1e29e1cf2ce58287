import type Database from 'better-sqlite3';
import type { QueueCounts, QueueFilters, QueueListInput, QueuePage, QueueRow } from '../../shared/contract';
import { CLOCK_RUNNING_STATUSES, workingDaysBetween, type CaseStatus, type ClosureReason, type RequestType } from '../../shared/rules';
import { ColdQueue, coldAnswers } from './coldQueue';
import { QueueIndex, type QueueSelection } from './queueIndex';
import { SearchHits } from './searchHits';
import { SearchIndex } from './searchIndex';

interface QueueRowRecord {
  id: number;
  case_number: string;
  submitted_at: string;
  request_type: string;
  has_production: number;
  address: string;
  postcode: string;
  post_town: string;
  municipality_number: string;
  municipality_name: string | null;
  installer_name: string;
  status: string;
  due_date: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  closure_reason: string | null;
}

const clockRunning = new Set<string>(CLOCK_RUNNING_STATUSES);

export function toQueueRow(record: QueueRowRecord, today: string): QueueRow {
  return {
    id: record.id,
    caseNumber: record.case_number,
    receivedAt: record.submitted_at,
    requestType: record.request_type as RequestType,
    hasProduction: record.has_production === 1,
    address: record.address,
    postcode: record.postcode,
    postTown: record.post_town,
    municipalityNumber: record.municipality_number,
    municipalityName: record.municipality_name ?? record.municipality_number,
    installerName: record.installer_name,
    status: record.status as CaseStatus,
    dueDate: record.due_date,
    overdue: record.due_date !== null && record.due_date < today && clockRunning.has(record.status),
    workingDaysLeft:
      record.due_date !== null && clockRunning.has(record.status) ? workingDaysBetween(today, record.due_date.slice(0, 10)) : null,
    waitingForInstaller: record.status === 'waiting_for_info',
    assigneeId: record.assignee_id,
    assigneeName: record.assignee_name,
    closureReason: record.status === 'closed' ? (record.closure_reason as ClosureReason | null) : null,
  };
}

const ROW_SQL = `SELECT c.id, c.case_number, c.submitted_at, c.request_type, c.has_production, c.address, c.postcode,
         c.post_town, c.municipality_number, m.name AS municipality_name, i.name AS installer_name, c.status,
         c.due_date, c.assignee_id, u.display_name AS assignee_name, c.closure_reason
  FROM cases c
  JOIN installers i ON i.id = c.installer_id
  LEFT JOIN municipalities m ON m.number = c.municipality_number
  LEFT JOIN users u ON u.id = c.assignee_id
  WHERE c.id IN (SELECT value FROM json_each(?))`;

export interface QueueViewer {
  userId: string;
  today: string;
}

/**
 * The queue: which cases match (from the in-memory indexes), then their rows from SQLite. The indexes load in the
 * background, a chunk per turn of the event loop; until they are in, what SQL answers fast comes from SQL
 * (coldQueue.ts) and anything else finishes the loading first.
 */
export class QueueService {
  private readonly index: QueueIndex;
  private readonly searchIndex: SearchIndex;
  private readonly search: SearchHits;
  private readonly cold: ColdQueue;
  private loadTimer: ReturnType<typeof setImmediate> | null = null;
  private stopped = false;
  private readonly rowsByIds: Database.Statement;
  private readonly nextFree: Database.Statement;
  private lastSelection: { key: string; selection: QueueSelection } | null = null;

  constructor(sqlite: Database.Database) {
    const installerName = sqlite.prepare('SELECT name FROM installers WHERE id = ?').pluck();
    const userName = sqlite.prepare('SELECT display_name FROM users WHERE id = ?').pluck();
    const installerNames = new Map<number, string>();
    const userNames = new Map<string, string>();
    this.index = new QueueIndex(sqlite, {
      installer: (id) => {
        if (!installerNames.has(id)) installerNames.set(id, String(installerName.get(id) ?? ''));
        return installerNames.get(id)!;
      },
      user: (id) => {
        if (!userNames.has(id)) userNames.set(id, (userName.get(id) as string | undefined) ?? id);
        return userNames.get(id)!;
      },
    });
    this.searchIndex = new SearchIndex(sqlite);
    this.search = new SearchHits(sqlite, this.searchIndex);
    this.cold = new ColdQueue(sqlite);
    this.rowsByIds = sqlite.prepare(ROW_SQL);
    this.nextFree = sqlite.prepare(
      `SELECT id FROM cases WHERE assignee_id IS NULL AND status = 'new' AND complete_at IS NOT NULL
       ORDER BY complete_at, id LIMIT 1`,
    );
    this.loadInBackground();
  }

  /** One chunk of the queue index or the search index per turn, until both are in. */
  private loadInBackground(): void {
    if (this.loadTimer !== null || this.stopped) return;
    const step = () => {
      this.loadTimer = null;
      if (this.stopped) return;
      try {
        if (!this.index.isLoaded && this.index.loadStep()) {
          this.index.prepareDefaultOrder();
          this.loadTimer = setImmediate(step);
          return;
        }
        const done = this.index.isLoaded && this.searchIndex.loadStep();
        if (!done) this.loadTimer = setImmediate(step);
      } catch (error) {
        // Never fatal: a question finishes the loading itself.
        console.error('[queue] background loading failed', error);
      }
    };
    this.loadTimer = setImmediate(step);
  }

  /** Resolves when both in-memory indexes are loaded (the bench waits for this before it measures them). */
  async whenLoaded(): Promise<void> {
    while (!this.stopped && !(this.index.isLoaded && this.searchIndex.isLoaded)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The core closes: no more loading. */
  stop(): void {
    this.stopped = true;
    if (this.loadTimer !== null) clearImmediate(this.loadTimer);
    this.loadTimer = null;
  }

  /** Cases were written: re-read them into the index and forget cached answers. */
  casesChanged(caseIds: readonly number[] | 'all'): void {
    if (caseIds === 'all') {
      this.index.invalidate();
      this.searchIndex.invalidate();
    } else {
      this.index.refresh(caseIds);
      this.searchIndex.refresh(caseIds);
    }
    this.search.invalidate();
    this.lastSelection = null;
    this.loadInBackground();
  }

  private queryOf(input: QueueListInput & { filters: QueueFilters }, viewer: QueueViewer) {
    return {
      filters: input.filters,
      sort: input.sort ?? { key: 'received' as const, direction: 'asc' as const },
      offset: input.offset ?? 0,
      limit: input.limit ?? 100,
      userId: viewer.userId,
      today: viewer.today,
    };
  }

  /** While the index loads, whether SQL answers this fast (coldQueue.ts). */
  private answeredCold(query: ReturnType<QueueService['queryOf']>): boolean {
    return !this.index.isLoaded && coldAnswers(query);
  }

  private select(query: ReturnType<QueueService['queryOf']>): QueueSelection {
    const key = JSON.stringify(query);
    if (this.lastSelection?.key === key) return this.lastSelection.selection;
    const selection = this.index.select({ ...query, searchHits: this.search.hitsFor(query.filters.search) });
    this.lastSelection = { key, selection };
    return selection;
  }

  list(input: QueueListInput & { filters: QueueFilters }, viewer: QueueViewer): QueuePage {
    const query = this.queryOf(input, viewer);
    const { total, pageIds } = this.answeredCold(query) ? this.cold.page({ ...query, searchHits: null }) : this.select(query);
    const records = this.rowsByIds.all(JSON.stringify(pageIds)) as QueueRowRecord[];
    const byId = new Map(records.map((record) => [record.id, record]));
    const rows = pageIds.flatMap((id) => {
      const record = byId.get(id);
      return record ? [toQueueRow(record, viewer.today)] : [];
    });
    return { total, offset: query.offset, rows };
  }

  counts(filters: QueueFilters, viewer: QueueViewer): QueueCounts {
    // The counts come from the same pass as the list; the page asked for does not change them.
    const query = this.queryOf({ filters, offset: 0, limit: 0 }, viewer);
    const selection = this.answeredCold(query) ? this.cold.counts(query) : this.select(query);
    const total = Object.values(selection.byStatus).reduce((sum, n) => sum + n, 0);
    return {
      byStatus: selection.byStatus,
      total,
      overdue: selection.overdue,
      waiting: selection.waiting,
      offersExpired: selection.offersExpired,
      billingFlagged: selection.billingFlagged,
    };
  }

  /** The oldest complete case nobody holds and nobody has begun. */
  nextFreeCaseId(): number | null {
    const row = this.nextFree.get() as { id: number } | undefined;
    return row?.id ?? null;
  }
}
