// The WHERE clause for the queue's filters, shared by the list and the counts. Values are always bound
// parameters; only fixed fragments of SQL are concatenated.
import type { QueueFilters } from '../../shared/contract';
import { CLOCK_RUNNING_STATUSES } from '../../shared/rules';
import { toFtsQuery } from './searchQuery';

export interface WhereClause {
  sql: string;
  params: Record<string, string | number>;
}

const placeholders = (prefix: string, values: readonly string[], params: WhereClause['params']): string =>
  values
    .map((value, i) => {
      params[`${prefix}${i}`] = value;
      return `@${prefix}${i}`;
    })
    .join(', ');

export function queueWhere(
  filters: QueueFilters,
  context: { userId: string; today: string },
  options: { includeStatus: boolean },
): WhereClause {
  const conditions: string[] = [];
  const params: WhereClause['params'] = {};
  if (options.includeStatus && filters.statuses.length > 0) {
    conditions.push(`c.status IN (${placeholders('status', filters.statuses, params)})`);
  }
  if (filters.types.length > 0) {
    conditions.push(`c.request_type IN (${placeholders('type', filters.types, params)})`);
  }
  if (filters.municipalities.length > 0) {
    conditions.push(`c.municipality_number IN (${placeholders('municipality', filters.municipalities, params)})`);
  }
  if (filters.assignment === 'mine') {
    conditions.push('c.assignee_id = @userId');
    params.userId = context.userId;
  } else if (filters.assignment === 'unassigned') {
    conditions.push('c.assignee_id IS NULL');
  }
  if (filters.overdueOnly) {
    conditions.push(`c.due_date < @today AND c.status IN (${placeholders('running', CLOCK_RUNNING_STATUSES, params)})`);
    params.today = context.today;
  }
  const fts = toFtsQuery(filters.search);
  if (fts !== null) {
    conditions.push('c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH @search)');
    params.search = fts;
  }
  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
