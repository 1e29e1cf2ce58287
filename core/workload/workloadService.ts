// The workload view's figures, counted by SQL on the local cache with the working-day bounds of the pure rules
// (rules/workload.ts): per handler the open cases held, due this week and overdue; the unassigned open cases,
// oldest due first; a handler's own. The partial index cases_open_assignee_due (0010) serves them all.
import type Database from 'better-sqlite3';
import { ASSIGN_MANY_MAX, type WorkloadCases, type WorkloadView } from '../../shared/contract';
import { CLOCK_RUNNING_STATUSES, FINISHED_STATUSES, suggestedAssignee, workloadWindow, type RequestType, type UserRole } from '../../shared/rules';
import { sqlStringList } from '../db/sqlList';
import { toQueueRow } from '../queue/queueService';
import type { AssignmentRulesService } from './assignmentRulesService';

const OPEN = `status NOT IN (${sqlStringList(FINISHED_STATUSES)})`;
const RUNNING = `status IN (${sqlStringList(CLOCK_RUNNING_STATUSES)})`;

const COUNTS = `count(*) AS held,
  coalesce(sum(${RUNNING} AND due_date >= @today AND due_date < @before), 0) AS dueThisWeek,
  coalesce(sum(${RUNNING} AND due_date < @today), 0) AS overdue`;

const ROW_COLUMNS = `c.id, c.case_number, c.submitted_at, c.request_type, c.has_production, c.address, c.postcode,
  c.post_town, c.municipality_number, m.name AS municipality_name, i.name AS installer_name, c.status, c.due_date,
  c.assignee_id, u.display_name AS assignee_name`;
const ROW_JOINS = `JOIN installers i ON i.id = c.installer_id
  LEFT JOIN municipalities m ON m.number = c.municipality_number
  LEFT JOIN users u ON u.id = c.assignee_id`;
// The lists walk cases_open_assignee_due in this order for one assignee (or none) and stop at the limit.
const ORDER = 'ORDER BY c.due_date IS NULL, c.due_date, c.submitted_at, c.id';

type RowRecord = Parameters<typeof toQueueRow>[0];

/** The view's statements; exported so that a test can check their plans use cases_open_assignee_due. */
export const WORKLOAD_SQL = {
  // One pass over the assigned open cases, grouped by assignee, joined to everyone who may hold cases.
  perHandler: `SELECT u.id, u.display_name, u.role, u.active, coalesce(w.held, 0) AS held,
         coalesce(w.dueThisWeek, 0) AS dueThisWeek, coalesce(w.overdue, 0) AS overdue
    FROM users u
    LEFT JOIN (SELECT assignee_id, ${COUNTS} FROM cases WHERE assignee_id IS NOT NULL AND ${OPEN} GROUP BY assignee_id) w
      ON w.assignee_id = u.id
    -- Someone who left still shows while they hold open cases, so that their cases can be handed on.
    WHERE (u.active = 1 AND u.role IN ('case_handler', 'supervisor')) OR w.held > 0
    ORDER BY u.display_name`,
  unassignedCounts: `SELECT ${COUNTS} FROM cases WHERE assignee_id IS NULL AND ${OPEN}`,
  unassignedRows: `SELECT ${ROW_COLUMNS} FROM cases c ${ROW_JOINS}
    WHERE c.assignee_id IS NULL AND c.${OPEN} ${ORDER} LIMIT ${ASSIGN_MANY_MAX}`,
  handlerRows: `SELECT ${ROW_COLUMNS} FROM cases c ${ROW_JOINS}
    WHERE c.assignee_id = ? AND c.${OPEN} ${ORDER} LIMIT ${ASSIGN_MANY_MAX}`,
  handlerTotal: `SELECT count(*) AS n FROM cases WHERE assignee_id = ? AND ${OPEN}`,
} as const;

export class WorkloadService {
  private readonly perHandler: Database.Statement;
  private readonly unassignedCounts: Database.Statement;
  private readonly unassignedRows: Database.Statement;
  private readonly handlerRows: Database.Statement;
  private readonly handlerTotal: Database.Statement;

  constructor(
    sqlite: Database.Database,
    private readonly rules: AssignmentRulesService,
  ) {
    this.perHandler = sqlite.prepare(WORKLOAD_SQL.perHandler);
    this.unassignedCounts = sqlite.prepare(WORKLOAD_SQL.unassignedCounts);
    this.unassignedRows = sqlite.prepare(WORKLOAD_SQL.unassignedRows);
    this.handlerRows = sqlite.prepare(WORKLOAD_SQL.handlerRows);
    this.handlerTotal = sqlite.prepare(WORKLOAD_SQL.handlerTotal);
  }

  view(today: string, role: UserRole): WorkloadView {
    const window = workloadWindow(today);
    const bounds = { today, before: window.dueThisWeekBefore };
    const handlers = (
      this.perHandler.all(bounds) as {
        id: string;
        display_name: string;
        role: UserRole;
        active: number;
        held: number;
        dueThisWeek: number;
        overdue: number;
      }[]
    ).map(({ display_name, active, ...rest }) => ({ ...rest, displayName: display_name, active: active === 1 }));
    const unassigned = this.unassignedCounts.get(bounds) as WorkloadView['unassigned'];
    return { today, lastWorkingDayOfWeek: window.lastWorkingDayOfWeek, handlers, unassigned, canAssign: role === 'supervisor' };
  }

  cases(assigneeId: string | null, today: string): WorkloadCases {
    const records = (assigneeId === null ? this.unassignedRows.all() : this.handlerRows.all(assigneeId)) as RowRecord[];
    const total =
      assigneeId === null
        ? (this.unassignedCounts.get({ today, before: today }) as { held: number }).held
        : (this.handlerTotal.get(assigneeId) as { n: number }).n;
    const lookup = this.rules.lookup();
    const rows = records.map((record) => ({
      ...toQueueRow(record, today),
      suggestedAssigneeId: suggestedAssignee(lookup, {
        municipalityNumber: record.municipality_number,
        requestType: record.request_type as RequestType,
      }),
    }));
    return { total, rows };
  }
}
