// Connecting to the central PostgreSQL server as the person using the app (their own database role).
// Values come back in the shapes the local cache stores: ISO timestamps, `YYYY-MM-DD` dates, numbers.
import pg from 'pg';

export interface CentralSettings {
  host: string;
  port: number;
  database: string;
  user: string;
}

export interface CentralCredentials extends CentralSettings {
  password: string | null;
}

const OID = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184, json: 114, jsonb: 3802 };

/**
 * A timestamp as the server sends it in UTC (`2026-11-27 10:15:00.123456+00`, see `options` below) turned into
 * what `Date#toISOString` gives (`2026-11-27T10:15:00.123Z`: milliseconds, the rest cut off) by rearranging the
 * text: an initial pull parses a million of them, and a Date for each cost seconds. Anything else goes by Date.
 */
const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?(?:\+00)?$/;

function isoTimestamp(value: string): string {
  const utc = UTC_TIMESTAMP.exec(value);
  if (utc) return `${utc[1]}T${utc[2]}.${`${utc[3] ?? ''}000`.slice(0, 3)}Z`;
  return new Date(/([+-]\d\d(:?\d\d)?|Z)$/.test(value) ? value : `${value}Z`).toISOString();
}

/** Per-connection type parsing, so nothing global in `pg` is changed for other users of the module. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case OID.int8:
      case OID.numeric:
        return (value: string) => Number(value);
      case OID.date:
        return (value: string) => value;
      case OID.timestamptz:
      case OID.timestamp:
        return isoTimestamp;
      case OID.json:
      case OID.jsonb:
        // Kept as text: the cache stores JSON as text.
        return (value: string) => value;
      default:
        return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
    }
  },
};

const ISO_MILLISECONDS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * A column rendered by the server as the JSON value the cache stores — what the type parsers above make of it:
 * timestamps as `toISOString` text (to_char's MS truncates, as `isoTimestamp` does), JSON as its text, numbers
 * as numbers, dates as `YYYY-MM-DD`. A pull asks for whole pages this way (one JSON text per page): parsing
 * that is native work, while the row protocol costs JavaScript per value.
 */
export const CACHE_SHAPED_TYPE =
  /^(smallint|integer|bigint|numeric(\(.*\))?|real|double precision|boolean|text|character varying(\(.*\))?|uuid|date|timestamp(\(\d\))? with(out)? time zone|jsonb?)$/;

/** `type` as `format_type` names it; only for types CACHE_SHAPED_TYPE accepts. */
export function cacheShapedColumn(column: string, type: string): string {
  type = type.replace(/\(\d\)/, '');
  switch (type) {
    case 'timestamp with time zone':
      return `to_char(${column} AT TIME ZONE 'UTC', ${ISO_MILLISECONDS})`;
    case 'timestamp without time zone':
      return `to_char(${column}, ${ISO_MILLISECONDS})`;
    case 'json':
    case 'jsonb':
      return `${column}::text`;
    default:
      return column;
  }
}

export function connectionConfig(credentials: CentralCredentials | string): pg.ClientConfig {
  const base: pg.ClientConfig =
    typeof credentials === 'string'
      ? { connectionString: credentials }
      : {
          host: credentials.host,
          port: credentials.port,
          database: credentials.database,
          user: credentials.user,
          password: credentials.password ?? undefined,
        };
  return {
    ...base,
    types: types,
    connectionTimeoutMillis: 5_000,
    application_name: 'saksbehandlerpulten',
    // Timestamps arrive in UTC whatever the server's zone, so they convert to ISO strings exactly.
    options: '-c TimeZone=UTC',
    keepAlive: true,
  };
}

export async function connectCentral(credentials: CentralCredentials | string): Promise<pg.Client> {
  const client = new pg.Client(connectionConfig(credentials));
  // An idle connection that breaks must not crash the process; the engine notices on its next query.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Who the server says we are: the login role the audit trail will name. */
export async function sessionUser(client: pg.Client): Promise<string> {
  const result = await client.query<{ user: string }>('SELECT session_user AS user');
  return result.rows[0].user;
}
