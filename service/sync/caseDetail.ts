// One case's detail as it is now, for a desk that left it out of its first download (closedCaseDetail.ts) and has it
// open: the case's own row whole and every detail table's rows of the case, rendered by PostgreSQL as the pull renders
// them. Runs as the person, so row-level security decides what comes, as for a pull. An unknown case (or one the
// person may not see) is a 404. The answer is CaseDetailOutput (shared/serviceApi) as JSON text.
import type pg from 'pg';
import { caseColumnOf, caseTables } from '../../core/sync/syncedTables';
import { ServiceError } from '../http/errors';
import { pulledTypes, rowsAsJson, selectedColumns, selectList } from './pullPage';

export async function caseDetail(client: pg.ClientBase, caseId: number): Promise<string> {
  const { rows: found } = await client.query('SELECT 1 FROM cases WHERE id = $1', [caseId]);
  if (found.length === 0) throw new ServiceError(404, 'case.notFound', 'No such case.');
  const types = await pulledTypes(client);
  const parts: string[] = [];
  for (const table of caseTables()) {
    const columns = selectedColumns(table);
    const where = `WHERE t.${caseColumnOf(table)} = $1${table.tombstones ? ' AND NOT t.deleted' : ''}`;
    const page = `SELECT ${selectList(table)} FROM ${table.central} t ${where}`;
    const tableTypes = types.get(table.central);
    let rows: string;
    if (tableTypes) {
      const { rows: [row] } = await client.query<{ rows: string }>(
        `SELECT ${rowsAsJson(columns, tableTypes)} AS rows FROM (${page}) p`, [caseId]);
      rows = row.rows;
    } else {
      const { rows: plain } = await client.query<Record<string, unknown>>(page, [caseId]);
      rows = JSON.stringify(plain.map((row) => columns.map((c) => row[c] ?? null)));
    }
    parts.push(`{"table":${JSON.stringify(table.local)},"columns":${JSON.stringify(columns)},"rows":${rows}}`);
  }
  return `{"caseId":${caseId},"tables":[${parts.join(",")}]}`;
}
