// Reading the registers' files (DSB's register, the prequalification register): CSV as spreadsheets export it
// (`;` or `,`, a header row, quoted fields, a byte-order mark) and dates as people write them.

import { CsvError, parse, type Options } from 'csv-parse/sync';

/** `YYYY-MM-DD` or `DD.MM.YYYY`, a day that exists; null otherwise. */
export function normalizedDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const norwegian = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : norwegian ? [norwegian[3], norwegian[2], norwegian[1]] : [];
  if (!year) return null;
  const date = `${year}-${month}-${day}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : null;
}

/** The header's name of a column as a lookup key: case, spaces, `_` and `-` ignored. */
export const columnKey = (name: string): string => name.trim().toLowerCase().replace(/[\s_-]/g, '');

export interface CsvRecord {
  /** The line the record starts on, counting from 1 (a quoted field may span lines). */
  line: number;
  fields: string[];
}

/** A file that is not CSV at all (a quote never closed): the line says where the broken record starts. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number, detail: string) {
    super(`Line ${line}: ${detail}`);
    this.name = 'CsvSyntaxError';
  }
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * The records of a CSV file, the delimiter (`;` or `,`) taken from whichever the header uses more. Blank lines are
 * skipped; rows shorter or longer than the header are returned as they are, for the importer to report.
 */
export function readCsv(text: string): CsvRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n|\r/, 1)[0] ?? '';
  const delimiter = headerLine.split(';').length >= headerLine.split(',').length ? ';' : ',';
  const records: CsvRecord[] = [];
  // csv-parse counts a CRLF inside quotes as two lines, so each record's start line is counted here from its raw
  // text, as records arrive (so that a failure later in the file still knows its line).
  let nextLine = 1;
  const onRecord = ({ raw, record }: { raw: string; record: string[] }): null => {
    const line = nextLine;
    nextLine += raw.match(LINE_BREAK)?.length ?? 0;
    if (record.length > 1 || record[0].trim() !== '') records.push({ line, fields: record });
    return null;
  };
  try {
    parse(body, {
      delimiter,
      raw: true,
      relax_quotes: true,
      relax_column_count: true,
      // With `raw`, csv-parse hands on_record the record wrapped with its raw text; its types do not say so.
      on_record: onRecord as unknown as Options['on_record'],
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const detail = error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted field is never closed (a " is missing).'
      : `not readable as CSV (${error.message}).`;
    throw new CsvSyntaxError(nextLine, detail);
  }
  return records;
}

/** How a register names its columns, and how it refuses a file it cannot read at all. */
export interface RegisterLayout<Column extends string> {
  columnOf(header: string): Column | null;
  required: readonly Column[];
  /** The column's name as the file writes it, for messages. */
  nameOf(column: Column): string;
  /** What one JSON object stands for ("business", "prequalification"), for messages. */
  itemName: string;
  /** Throws the register's own error. */
  refuse(message: string): never;
}

export type RawRecord<Column extends string> = Partial<Record<Column, string>>;

export interface RecordProblem {
  line: number;
  problem: 'missing_column' | 'not_an_object';
  detail: string;
}

/**
 * The records of a register file, each with its line (CSV) or position (JSON array), and the records that could
 * not be read as such. `.json` is read as a JSON array of objects, anything else as CSV with a header row.
 */
export function readRegisterRecords<Column extends string>(
  fileName: string,
  text: string,
  layout: RegisterLayout<Column>,
): { records: Array<{ line: number; raw: RawRecord<Column> }>; problems: RecordProblem[] } {
  return /\.json$/i.test(fileName) ? jsonRecords(text, layout) : csvRecordsOf(text, layout);
}

function csvRecordsOf<Column extends string>(text: string, layout: RegisterLayout<Column>) {
  const [header, ...rows] = csvOrRefuse(text, layout);
  if (!header) layout.refuse('The file is empty: expected a header row.');
  const columns = header.fields.map((name) => layout.columnOf(name));
  const missing = layout.required.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    layout.refuse(
      `The header row lacks the column(s): ${missing.map((column) => layout.nameOf(column)).join(', ')} (found: ${header.fields.join(', ')}).`,
    );
  }
  const records: Array<{ line: number; raw: RawRecord<Column> }> = [];
  const problems: RecordProblem[] = [];
  for (const { line, fields } of rows) {
    if (fields.length < header.fields.length) {
      problems.push({ line, problem: 'missing_column', detail: `${fields.length}/${header.fields.length}` });
      continue;
    }
    const raw: RawRecord<Column> = {};
    columns.forEach((column, i) => {
      if (column) raw[column] = fields[i];
    });
    records.push({ line, raw });
  }
  return { records, problems };
}

function csvOrRefuse<Column extends string>(text: string, layout: RegisterLayout<Column>): CsvRecord[] {
  try {
    return readCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) layout.refuse(error.message);
    throw error;
  }
}

function jsonRecords<Column extends string>(text: string, layout: RegisterLayout<Column>) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    layout.refuse(`Not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) layout.refuse(`Expected a JSON array of objects, one per ${layout.itemName}.`);
  const records: Array<{ line: number; raw: RawRecord<Column> }> = [];
  const problems: RecordProblem[] = [];
  parsed.forEach((item: unknown, index) => {
    const line = index + 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ line, problem: 'not_an_object', detail: JSON.stringify(item)?.slice(0, 40) ?? '' });
      return;
    }
    const raw: RawRecord<Column> = {};
    for (const [key, value] of Object.entries(item)) {
      const column = layout.columnOf(key);
      if (column && (typeof value === 'string' || typeof value === 'number')) raw[column] = String(value);
    }
    const absent = layout.required.filter((column) => raw[column] === undefined);
    if (absent.length > 0) problems.push({ line, problem: 'missing_column', detail: absent.map((column) => layout.nameOf(column)).join(', ') });
    else records.push({ line, raw });
  });
  return { records, problems };
}
