// Pull, the service's side: the rows above a desk's cursor, table by table (parents first), in (version, key)
// order — a first download's case detail in (case id, key) order (closedCaseDetail.ts) — up to `limit` rows per
// answer. Versions become visible in commit order (db/central 0001), so the target fixed by the first page stays
// complete whatever the order; `resume` carries the target and where the last page stopped. Where the
// server can render a table's rows as the cache stores them, the page is PostgreSQL's own JSON text, passed on
// without being parsed here.
import type pg from 'pg';
import { z } from 'zod';
import { CACHE_SHAPED_TYPE, cacheShapedColumn } from '../../core/sync/centralConnection';
import { SYNCED_TABLES, type SyncedTable } from '../../core/sync/syncedTables';
import type { PullQuery, StaffRole } from '../../shared/serviceApi';
import { ServiceError } from '../http/errors';
import { cacheShape, closedDetailFilter, closedDetailSource, closedHistoryFrom, closedRowColumn, type CacheShape } from './closedCaseDetail';

/** PostgreSQL functions take at most 100 arguments: wider rows are built from several arrays. */
const ARRAY_ARGUMENTS = 90;

const Resume = z.object({
  target: z.number().int().min(0),
  table: z.number().int().min(0).max(SYNCED_TABLES.length),
  after: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).max(8).nullable(),
  /** A first download: closed cases' detail is left out, their overview history kept from this moment on. */
  closedHistoryFrom: z.iso.datetime().nullable().default(null),
  /** A first download whose detail tables go case by case (closedDetailSource): `after` is then a case id and a key. */
  byCase: z.boolean().default(false),
});
type Resume = z.infer<typeof Resume>;

export const selectedColumns = (table: SyncedTable) => [
  ...table.columns.filter((c) => c !== 'version'),
  'version',
  ...(table.tombstones ? ['deleted'] : []),
];

/**
 * Columns the cache keeps smaller than the central database does: an issued offer's calculation follows from its
 * lines, so only the figures it was issued with travel (ISSUED_FIGURES, kept by central migration 0038 as a stored
 * column; offerService works the rest out again).
 */
const PULLED_AS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  offers: { totals: 'issued_figures' },
};

/** A central column as the cache keeps it, named as the column. */
export const pulledColumn = (table: SyncedTable, column: string): string =>
  PULLED_AS[table.central]?.[column] ? `${PULLED_AS[table.central][column]} AS ${column}` : column;

/**
 * The SELECT list of a table's page: its pulled columns, each as the cache keeps it, or as `instead` gives it where
 * that is not null.
 */
export const selectList = (table: SyncedTable, instead: (column: string) => string | null = () => null): string =>
  selectedColumns(table).map((c) => instead(c) ?? pulledColumn(table, c)).join(', ');

function encodeResume(resume: Resume): string {
  return Buffer.from(JSON.stringify(resume)).toString('base64url');
}

function decodeResume(text: string): Resume {
  try {
    return Resume.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw new ServiceError(400, 'pull.badResume', 'The resume token is not one this service gave.');
  }
}

/** A detail table that a first download sends case by case, in (case id, key) order, instead of by version. */
function byCase(table: SyncedTable, at: Resume): table is SyncedTable & { caseColumn: string } {
  return at.closedHistoryFrom !== null && at.byCase && table.caseColumn !== undefined;
}

/** The order a page of `table` is read in, and where the next one starts from. */
const orderOf = (table: SyncedTable, at: Resume): string[] =>
  byCase(table, at) ? [table.caseColumn, ...table.key] : ['version', ...table.key];

/**
 * The SELECT of a page of `table`: its rows after the resume position, without what a first download for a desk of
 * `shape` leaves out, in orderOf's order; `params` gets the values it refers to.
 */
function pageSelect(table: SyncedTable, at: Resume, after: number, limit: number, params: unknown[], shape: CacheShape): string {
  params.push(after, at.target);
  const from = at.closedHistoryFrom;
  const cutoff = () => `$${params.push(from)}::timestamptz`;
  if (byCase(table, at)) {
    const start = at.after ? [`$${params.push(at.after[0])}`, `$${params.push(at.after[1])}`] as [string, string] : null;
    const source = closedDetailSource(table, { select: selectList(table), after: '$1', target: '$2', cutoff, from: start });
    return `SELECT ${selectedColumns(table).map((c) => `t.${c}`).join(', ')} ${source}
          ORDER BY c.id, t.${table.key[0]} LIMIT ${Math.trunc(limit)}`;
  }
  const order = orderOf(table, at);
  let where = 'WHERE version > $1 AND version <= $2';
  if (at.after) {
    where += ` AND (${order.join(', ')}) > (${order.map((_, i) => `$${params.length + i + 1}`).join(', ')})`;
    params.push(...at.after);
  }
  if (from) where += ` ${closedDetailFilter(table, '$2', cutoff)}`;
  const select = selectList(table, (column) => (from ? closedRowColumn(table, column, '$2', shape) : null));
  return `SELECT ${select} FROM ${table.central} t ${where}
          ORDER BY ${order.join(', ')} LIMIT ${Math.trunc(limit)}`;
}

/** A page (`page`, a SELECT of the pulled columns in `order`) as JSON text, its number of rows and its last position. */
function pageSql(table: SyncedTable, types: ReadonlyMap<string, string> | null, page: string, order: readonly string[]): string {
  const columns = selectedColumns(table);
  // The page once (materialised), then its rows as JSON, their number and the last key: a top-1 scan, not a second sort.
  const orderBy = (prefix: string, direction = '') => order.map((c) => `${prefix}${c}${direction}`).join(', ');
  const last = `(SELECT json_build_array(${orderBy('l.')}) FROM p l ORDER BY ${orderBy('l.', ' DESC')} LIMIT 1)::text AS last`;
  const count = '(SELECT count(*) FROM p)::int AS n';
  if (!types) return `WITH p AS MATERIALIZED (${page}) SELECT NULL::text AS page, ${count}, ${last}`;
  return `WITH p AS MATERIALIZED (${page})
          SELECT (SELECT ${rowsAsJson(columns, types)} FROM p) AS page, ${count}, ${last}`;
}

/**
 * The rows of `p` as one JSON array of arrays (values in the order of `columns`), in the cache's own shapes. Joined
 * as text (string_agg), not built into one json value (json_agg): the same JSON in some 60 % of the time. In no
 * particular order: a page holds each key once and says where it stopped apart (`last`), so the desk needs none,
 * and sorting a page of wide rows again (a case is some 700 bytes) took as long as building their JSON.
 */
export function rowsAsJson(columns: readonly string[], types: ReadonlyMap<string, string>): string {
  const shaped = columns.map((c) => cacheShapedColumn(`p.${c}`, types.get(c)!));
  const groups: string[] = [];
  for (let i = 0; i < shaped.length; i += ARRAY_ARGUMENTS) groups.push(`json_build_array(${shaped.slice(i, i + ARRAY_ARGUMENTS).join(', ')})`);
  const row = groups.length === 1 ? groups[0] : `json_build_array(${groups.join(', ')})`;
  return `'[' || coalesce(string_agg((${row})::text, ','), '') || ']'`;
}

/** The central type of every column pulled, per table; null for a table with a column JSON cannot carry as is. */
async function columnTypes(client: pg.ClientBase): Promise<Map<string, Map<string, string> | null>> {
  const { rows } = await client.query<{ relname: string; attname: string; type: string }>(
    `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE a.attrelid = ANY($1::regclass[]) AND a.attnum > 0 AND NOT a.attisdropped`,
    [SYNCED_TABLES.map((t) => t.central)],
  );
  const result = new Map<string, Map<string, string> | null>();
  for (const table of SYNCED_TABLES) {
    const types = new Map(rows.filter((r) => r.relname === table.central).map((r) => [r.attname, r.type]));
    const shaped = selectedColumns(table).every((c) => CACHE_SHAPED_TYPE.test(types.get(c) ?? ''));
    result.set(table.central, shaped ? types : null);
  }
  return result;
}

async function countRemaining(client: pg.ClientBase, after: number, at: Resume): Promise<number> {
  const from = at.closedHistoryFrom;
  const parts = SYNCED_TABLES.map((table) => {
    const leftOut = from ? closedDetailFilter(table, '$2', () => '$3::timestamptz') : '';
    return `(SELECT count(*) FROM ${table.central} t WHERE version > $1 AND version <= $2 ${leftOut})`;
  });
  const result = await client.query<{ n: number }>(`SELECT ${parts.join(' + ')} AS n`, [after, at.target, ...(from ? [from] : [])]);
  return Number(result.rows[0].n);
}

export async function schemaIdentity(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ migrations: number; last_applied: number }>(
    'SELECT migrations, last_applied FROM desk_schema_version',
  );
  return `${rows[0].migrations}:${rows[0].last_applied}`;
}

/** Column types per schema identity: they only change with a migration. */
const typesBySchema = new Map<string, Promise<Map<string, Map<string, string> | null>>>();

/** The central types of the pulled columns, per table (null where JSON cannot carry them as they are). */
export async function pulledTypes(client: pg.ClientBase, schema?: string): Promise<Map<string, Map<string, string> | null>> {
  schema ??= await schemaIdentity(client);
  if (!typesBySchema.has(schema)) typesBySchema.set(schema, columnTypes(client));
  return typesBySchema.get(schema)!;
}

/**
 * One answer of `GET /api/pull` as JSON text (see PullOutput in shared/serviceApi), for a person of `role`: what a
 * first download keeps of closed cases depends on it, and so does the identity a cache is filled from.
 */
export async function pullPage(client: pg.ClientBase, query: PullQuery, role: StaffRole): Promise<string> {
  const schema = await schemaIdentity(client);
  const types = await pulledTypes(client, schema);
  const shape = cacheShape(role);
  let resume: Resume;
  const clock = await client.query<{ version: number }>('SELECT version FROM sync_clock');
  const committed = Number(clock.rows[0]?.version ?? 0);
  if (query.resume) {
    resume = decodeResume(query.resume);
    if (resume.target < query.after) throw new ServiceError(400, 'pull.badResume', 'The resume token is behind the cursor.');
    // A target past the clock would let a cursor jump over versions still to come.
    if (resume.target > committed) throw new ServiceError(400, 'pull.badResume', 'The resume token names a version not yet committed.');
    const table = SYNCED_TABLES[resume.table];
    if (resume.after !== null && (!table || resume.after.length !== 1 + table.key.length || typeof resume.after[0] !== 'number')) {
      throw new ServiceError(400, 'pull.badResume', 'The resume token does not fit the table it names.');
    }
  } else {
    // A first download leaves closed cases' detail out (closedCaseDetail.ts), the same on every page of it.
    const from = query.after === 0 ? closedHistoryFrom(shape, Date.now()) : null;
    resume = { target: committed, table: 0, after: null, closedHistoryFrom: from, byCase: from !== null };
  }
  const { after, limit } = query;
  const remaining = query.count === '1' && resume.target > after ? await countRemaining(client, after, resume) : null;
  const parts: string[] = [];
  let room = limit;
  let next: Resume | null = resume.target > after ? resume : null;
  while (next && room > 0) {
    const table = SYNCED_TABLES[next.table];
    if (!table) {
      next = null;
      break;
    }
    const tableTypes = types.get(table.central) ?? null;
    const params: unknown[] = [];
    const select = pageSelect(table, next, after, room, params, shape);
    const { rows } = await client
      .query<{ page: string | null; n: number; last: string | null }>(pageSql(table, tableTypes, select, orderOf(table, next)), params)
      .catch((error: { code?: string }) => {
        // A key of the wrong type in a forged token (class 22, data exception) is the caller's fault, not an outage.
        if (String(error.code ?? '').startsWith('22')) throw new ServiceError(400, 'pull.badResume', 'The resume token does not fit the table it names.');
        throw error;
      });
    const { n, last } = rows[0];
    let page = rows[0].page;
    if (!tableTypes) page = await plainPage(client, table, select, params);
    if (n > 0) parts.push(`{"table":${JSON.stringify(table.local)},"columns":${JSON.stringify(selectedColumns(table))},"rows":${page}}`);
    room -= n;
    if (room === 0 && last) next = { ...next, after: JSON.parse(last) as Resume['after'] };
    else next = next.table + 1 < SYNCED_TABLES.length ? { ...next, table: next.table + 1, after: null } : null;
  }
  const more = next !== null;
  const version = more ? after : Math.max(after, resume.target);
  return `{"version":${version},"target":${Math.max(after, resume.target)},"more":${more},"resume":${more ? JSON.stringify(encodeResume(next!)) : 'null'},` +
    `"remaining":${remaining === null ? 'null' : remaining},"schema":${JSON.stringify(`${schema}/${shape}`)},` +
    `"closedDetailLeftOut":${resume.closedHistoryFrom !== null},"tables":[${parts.join(',')}]}`;
}

/** A table whose columns the server cannot render as the cache stores them: read and serialised here. */
async function plainPage(client: pg.ClientBase, table: SyncedTable, select: string, params: unknown[]): Promise<string> {
  const columns = selectedColumns(table);
  const { rows } = await client.query<Record<string, unknown>>(select, params);
  return JSON.stringify(rows.map((row) => columns.map((c) => row[c] ?? null)));
}
