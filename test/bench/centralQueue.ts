// The local queue's question asked of the central PostgreSQL instead: what `queue.list` answers from the cache
// (the first 100 rows by received time under a filter and a free-text search, and how many match), as SQL.
//
// Search: PostgreSQL full-text search with the 'simple' configuration (lower-casing, no stemming) and prefix
// matching: every typed word must match the start of a word, as the cache's FTS5 query does (searchQuery.ts), over
// the same text (case number, address with postcode, town and municipality name, owner, installer name, metering
// point IDs and meter numbers). PostgreSQL gets that text as a tsvector column on cases with a GIN index: made
// for the bench's own database only, filled once with the tables' triggers held off (so versions do not move and
// no client re-pulls anything). A column rather than a table of its own as the cache has: joined to cases, a
// separate table made PostgreSQL's plans several times slower. The filters use the central schema's indexes as
// they are (status, type, municipality, assignee each with submitted_at; due_date); PostgreSQL sometimes walks
// cases_submitted for the LIMIT and filters as it goes (a municipality's open cases: ~50 ms), which is what a
// central queue would meet too. The page and the count are two queries, one round trip each.
import type pg from 'pg';
import type { QueueFilters } from '../../shared/contract';
import { CLOCK_RUNNING_STATUSES, NORWEGIAN_METERING_POINT_PREFIX } from '../../shared/rules';

/** Adds and fills cases.bench_search and its GIN index. Run as the owner of the tables. */
export async function createCentralSearchIndex(admin: pg.Client): Promise<void> {
  await admin.query('BEGIN');
  try {
    await admin.query('ALTER TABLE cases ADD COLUMN bench_search tsvector');
    await admin.query('ALTER TABLE cases DISABLE TRIGGER USER');
    await admin.query(`
      UPDATE cases c SET bench_search = to_tsvector('simple', concat_ws(' ',
        c.case_number,
        c.address, c.postcode, c.post_town, (SELECT m.name FROM municipalities m WHERE m.number = c.municipality_number),
        c.owner_name,
        (SELECT i.name FROM installers i WHERE i.id = c.installer_id),
        c.metering_point_ids::text, c.meter_numbers::text))`);
    await admin.query('ALTER TABLE cases ENABLE TRIGGER USER');
    await admin.query('CREATE INDEX cases_bench_search ON cases USING gin (bench_search)');
    await admin.query('COMMIT');
  } catch (error) {
    await admin.query('ROLLBACK');
    throw error;
  }
  await admin.query('VACUUM (ANALYZE) cases');
}

/** The words of a search as the cache splits them (searchQuery.ts), as a prefix tsquery; null if none. */
export function toTsQuery(text: string): string | null {
  const terms = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0 && !(term.length >= 4 && NORWEGIAN_METERING_POINT_PREFIX.startsWith(term)))
    .slice(0, 12);
  if (terms.length === 0) return null;
  // Only letters and digits remain, so quoting each word as a lexeme is enough.
  return terms.map((term) => `'${term}':*`).join(' & ');
}

export interface CentralQueueViewer {
  userId: string;
  today: string;
}

function whereClause(filters: QueueFilters, viewer: CentralQueueViewer): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filters.statuses.length > 0) conditions.push(`c.status = ANY(${param(filters.statuses)}::text[])`);
  if (filters.types.length > 0) conditions.push(`c.request_type = ANY(${param(filters.types)}::text[])`);
  if (filters.municipalities.length > 0) conditions.push(`c.municipality_number = ANY(${param(filters.municipalities)}::text[])`);
  if (filters.assignment === 'mine') conditions.push(`c.assignee_id = ${param(viewer.userId)}`);
  if (filters.assignment === 'unassigned') conditions.push('c.assignee_id IS NULL');
  if (filters.overdueOnly) {
    conditions.push(`c.due_date < ${param(viewer.today)}::date AND c.status = ANY(${param(CLOCK_RUNNING_STATUSES)}::text[])`);
  }
  const query = toTsQuery(filters.search);
  if (query !== null) conditions.push(`c.bench_search @@ to_tsquery('simple', ${param(query)})`);
  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** One queue page from the central database: the rows (as the queue shows them) and the total. */
export async function centralQueueList(
  client: pg.Client,
  filters: QueueFilters,
  viewer: CentralQueueViewer,
  limit = 100,
): Promise<{ total: number; rows: unknown[] }> {
  const where = whereClause(filters, viewer);
  const page = await client.query(
    `SELECT c.id, c.case_number, c.submitted_at, c.request_type, c.has_production, c.address, c.postcode, c.post_town,
            c.municipality_number, m.name AS municipality_name, i.name AS installer_name, c.status, c.due_date,
            c.assignee_id, u.display_name AS assignee_name
     FROM cases c
     JOIN installers i ON i.id = c.installer_id
     LEFT JOIN municipalities m ON m.number = c.municipality_number
     LEFT JOIN app_users u ON u.id = c.assignee_id
     ${where.sql}
     ORDER BY c.submitted_at, c.id
     LIMIT ${Math.trunc(limit)}`,
    where.params,
  );
  const count = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases c ${where.sql}`,
    where.params,
  );
  return { total: count.rows[0].n, rows: page.rows };
}
