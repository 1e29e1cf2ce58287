// Type parsers that make rows read from the central database come out as the local cache stores them
// (the mapping table is at the top of schema.ts). Pass as `types` to a pg Client or Pool:
//   new pg.Client({ connectionString, types: localShapeTypes })
// Writing goes the other way without help: pg accepts ISO strings for timestamptz and date, numbers for bigint.
import pg from 'pg';

const { builtins } = pg.types;
const parseTimestamptz = pg.types.getTypeParser(builtins.TIMESTAMPTZ) as (text: string) => Date;

export class UnsafeIntegerError extends Error {
  constructor(readonly text: string) {
    super(`A bigint from the central database does not fit a JavaScript number: ${text}`);
    this.name = 'UnsafeIntegerError';
  }
}

function int8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new UnsafeIntegerError(text);
  return value;
}

const TEXT_PARSERS: ReadonlyMap<number, (text: string) => unknown> = new Map<number, (text: string) => unknown>([
  [builtins.INT8, int8],
  // 'YYYY-MM-DD' as sent: the default parser makes a local-midnight Date, which shifts with the time zone.
  [builtins.DATE, (text) => text],
  [builtins.TIMESTAMPTZ, (text) => parseTimestamptz(text).toISOString()],
  [builtins.JSONB, (text) => JSON.stringify(JSON.parse(text))],
  [builtins.JSON, (text) => JSON.stringify(JSON.parse(text))],
]);

export const localShapeTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    const parser = format === 'binary' ? undefined : TEXT_PARSERS.get(oid);
    return parser ?? (pg.types.getTypeParser(oid, format) as (text: string) => unknown);
  }) as pg.CustomTypesConfig['getTypeParser'],
};
