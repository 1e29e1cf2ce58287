// Pull, the service's side: the rows above a desk's cursor, table by table (parents first), in (version, key)
// order, up to `limit` rows per answer. Versions become visible in commit order (db/central 0001), so the target
// fixed by the first page stays complete; `resume` carries the target and where the last page stopped. Where the
// server can render a table's rows as the cache stores them, the page is PostgreSQL's own JSON text, passed on
// without being parsed here.
import type pg from 'pg';
import { z } from 'zod';
import { CACHE_SHAPED_TYPE, cacheShapedColumn } from '../../core/sync/centralConnection';
import { SYNCED_TABLES, type SyncedTable } from '../../core/sync/syncedTables';
import type { PullQuery } from '../../shared/serviceApi';
import { ServiceError } from '../http/errors';

/** PostgreSQL functions take at most 100 arguments: wider rows are built from several arrays. */
const ARRAY_ARGUMENTS = 90;

const Resume = z.object({
  target: z.number().int().min(0),
  table: z.number().int().min(0).max(SYNCED_TABLES.length),
  after: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).max(8).nullable(),
});
type Resume = z.infer<typeof Resume>;

export const selectedColumns = (table: SyncedTable) => [
  ...table.columns.filter((c) => c !== 'version'),
  'version',
  ...(table.tombstones ? ['deleted'] : []),
];

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

function pageSql(table: SyncedTable, types: ReadonlyMap<string, string> | null, resume: boolean, limit: number): string {
  const columns = selectedColumns(table);
  const order = ['version', ...table.key];
  const after = resume ? `AND (${order.join(', ')}) > (${order.map((_, i) => `$${i + 3}`).join(', ')})` : '';
  const page = `SELECT ${columns.join(', ')} FROM ${table.central}
          WHERE version > $1 AND version <= $2 ${after}
          ORDER BY ${order.join(', ')} LIMIT ${Math.trunc(limit)}`;
  // The page once (materialised), then its rows as JSON, their number and the last key: a top-1 scan, not a second sort.
  const orderBy = (prefix: string, direction = '') => order.map((c) => `${prefix}${c}${direction}`).join(', ');
  const last = `(SELECT json_build_array(${orderBy('l.')}) FROM p l ORDER BY ${orderBy('l.', ' DESC')} LIMIT 1)::text AS last`;
  const count = '(SELECT count(*) FROM p)::int AS n';
  if (!types) return `WITH p AS MATERIALIZED (${page}) SELECT NULL::text AS page, ${count}, ${last}`;
  const shaped = columns.map((c) => cacheShapedColumn(`p.${c}`, types.get(c)!));
  const groups: string[] = [];
  for (let i = 0; i < shaped.length; i += ARRAY_ARGUMENTS) groups.push(`json_build_array(${shaped.slice(i, i + ARRAY_ARGUMENTS).join(', ')})`);
  const row = groups.length === 1 ? groups[0] : `json_build_array(${groups.join(', ')})`;
  return `WITH p AS MATERIALIZED (${page})
          SELECT (SELECT coalesce(json_agg(${row} ORDER BY ${orderBy('p.')}), '[]') FROM p)::text AS page, ${count}, ${last}`;
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

async function countRemaining(client: pg.ClientBase, from: number, target: number): Promise<number> {
  const parts = SYNCED_TABLES.map((t) => `(SELECT count(*) FROM ${t.central} WHERE version > $1 AND version <= $2)`);
  const result = await client.query<{ n: number }>(`SELECT ${parts.join(' + ')} AS n`, [from, target]);
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

/** One answer of `GET /api/pull` as JSON text (see PullOutput in shared/serviceApi). */
export async function pullPage(client: pg.ClientBase, query: PullQuery): Promise<string> {
  const schema = await schemaIdentity(client);
  if (!typesBySchema.has(schema)) typesBySchema.set(schema, columnTypes(client));
  const types = await typesBySchema.get(schema)!;
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
    resume = { target: committed, table: 0, after: null };
  }
  const { after, limit } = query;
  const remaining = query.count === '1' && resume.target > after ? await countRemaining(client, after, resume.target) : null;
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
    const { rows } = await client
      .query<{ page: string | null; n: number; last: string | null }>(pageSql(table, tableTypes, next.after !== null, room), [
        after, next.target, ...(next.after ?? []),
      ])
      .catch((error: { code?: string }) => {
        // A key of the wrong type in a forged token (class 22, data exception) is the caller's fault, not an outage.
        if (String(error.code ?? '').startsWith('22')) throw new ServiceError(400, 'pull.badResume', 'The resume token does not fit the table it names.');
        throw error;
      });
    const { n, last } = rows[0];
    let page = rows[0].page;
    if (!tableTypes) page = await plainPage(client, table, next, after, n);
    if (n > 0) parts.push(`{"table":${JSON.stringify(table.local)},"columns":${JSON.stringify(selectedColumns(table))},"rows":${page}}`);
    room -= n;
    if (room === 0 && last) next = { target: next.target, table: next.table, after: JSON.parse(last) as Resume['after'] };
    else next = next.table + 1 < SYNCED_TABLES.length ? { target: next.target, table: next.table + 1, after: null } : null;
  }
  const more = next !== null;
  const version = more ? after : Math.max(after, resume.target);
  return `{"version":${version},"target":${Math.max(after, resume.target)},"more":${more},"resume":${more ? JSON.stringify(encodeResume(next!)) : 'null'},` +
    `"remaining":${remaining === null ? 'null' : remaining},"schema":${JSON.stringify(schema)},"tables":[${parts.join(',')}]}`;
}

/** A table whose columns the server cannot render as the cache stores them: read and serialised here. */
async function plainPage(client: pg.ClientBase, table: SyncedTable, at: Resume, after: number, n: number): Promise<string> {
  const columns = selectedColumns(table);
  const order = ['version', ...table.key];
  const where = at.after ? `AND (${order.join(', ')}) > (${order.map((_, i) => `$${i + 3}`).join(', ')})` : '';
  const { rows } = await client.query<Record<string, unknown>>(
    `SELECT ${columns.join(', ')} FROM ${table.central} WHERE version > $1 AND version <= $2 ${where}
     ORDER BY ${order.join(', ')} LIMIT ${n}`,
    [after, at.target, ...(at.after ?? [])],
  );
  return JSON.stringify(rows.map((row) => columns.map((c) => row[c] ?? null)));
}
