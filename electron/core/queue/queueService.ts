import type Database from 'better-sqlite3';
import type { QueueCounts, QueueFilters, QueueListInput, QueuePage, QueueRow, QueueSortKey } from '../../shared/contract';
import { CASE_STATUSES, CLOCK_RUNNING_STATUSES, type CaseStatus, type RequestType } from '../../shared/rules';
import { queueWhere } from './queueFilters';

const SORT_COLUMNS: Record<QueueSortKey, string> = {
  received: 'c.submitted_at',
  type: 'c.request_type',
  address: 'c.address',
  installer: 'i.name',
  status: 'c.status',
  due: 'c.due_date',
  assignee: 'u.display_name',
};

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
    assigneeId: record.assignee_id,
    assigneeName: record.assignee_name,
  };
}

export class QueueService {
  // Prepared statements keyed by SQL text: the filters in use repeat, and preparing costs more than running.
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  list(input: Required<QueueListInput> & { filters: QueueFilters }, context: { userId: string; today: string }): QueuePage {
    const where = queueWhere(input.filters, context, { includeStatus: true });
    const direction = input.sort.direction === 'desc' ? 'DESC' : 'ASC';
    const sortColumn = SORT_COLUMNS[input.sort.key];
    // Cases without a due date or assignee sort last whichever way the column is sorted.
    const nullsLast = input.sort.key === 'due' || input.sort.key === 'assignee' ? `${sortColumn} IS NULL, ` : '';
    const rows = this.prepare(
      `SELECT c.id, c.case_number, c.submitted_at, c.request_type, c.has_production, c.address, c.postcode,
              c.post_town, c.municipality_number, m.name AS municipality_name, i.name AS installer_name, c.status,
              c.due_date, c.assignee_id, u.display_name AS assignee_name
       FROM cases c
       JOIN installers i ON i.id = c.installer_id
       LEFT JOIN municipalities m ON m.number = c.municipality_number
       LEFT JOIN users u ON u.id = c.assignee_id
       ${where.sql}
       ORDER BY ${nullsLast}${sortColumn} ${direction}, c.id ${direction}
       LIMIT @limit OFFSET @offset`,
    ).all({ ...where.params, limit: input.limit, offset: input.offset }) as QueueRowRecord[];
    const total = (this.prepare(`SELECT count(*) AS n FROM cases c ${where.sql}`).get(where.params) as { n: number }).n;
    return { total, offset: input.offset, rows: rows.map((row) => toQueueRow(row, context.today)) };
  }

  counts(filters: QueueFilters, context: { userId: string; today: string }): QueueCounts {
    const where = queueWhere(filters, context, { includeStatus: false });
    const rows = this.prepare(`SELECT c.status AS status, count(*) AS n FROM cases c ${where.sql} GROUP BY c.status`).all(
      where.params,
    ) as { status: string; n: number }[];
    const byStatus = Object.fromEntries(CASE_STATUSES.map((status) => [status, 0])) as Record<CaseStatus, number>;
    let total = 0;
    for (const row of rows) {
      if (row.status in byStatus) byStatus[row.status as CaseStatus] = row.n;
      total += row.n;
    }
    return { byStatus, total };
  }

  /** The oldest complete case nobody holds and nobody has begun. */
  nextFreeCaseId(): number | null {
    const row = this.prepare(
      `SELECT id FROM cases WHERE assignee_id IS NULL AND status = 'new' AND complete_at IS NOT NULL
       ORDER BY complete_at, id LIMIT 1`,
    ).get() as { id: number } | undefined;
    return row?.id ?? null;
  }
}
