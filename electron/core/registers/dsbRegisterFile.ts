// Reads a file of DSB's register of electrical businesses (Elvirksomhetsregisteret): CSV (semicolon or comma, a
// header row) or JSON (an array of objects), as docs/dsb-register-format.md describes. Every row is checked; a bad
// row is reported with its line and why, and the good rows are kept.
import { checkOrganisationNumber, type DsbStatus } from '../../shared/rules';
import { columnKey, normalizedDate, readCsv } from './csvFile';

export interface DsbRegisterEntry {
  organisationNumber: string;
  name: string;
  registrationId: string | null;
  status: DsbStatus;
  asOf: string;
  /** Line in the CSV file (the header is line 1), or the position in the JSON array (from 1). */
  line: number;
}

export type DsbRowProblem =
  | 'missing_column'
  | 'missing_organisation_number'
  | 'bad_organisation_number'
  | 'missing_name'
  | 'unknown_status'
  | 'bad_date'
  | 'not_an_object';

export interface DsbRowError {
  line: number;
  problem: DsbRowProblem;
  /** The offending value or column, to show beside the reason. */
  detail: string;
}

export interface DsbRegisterFile {
  entries: DsbRegisterEntry[];
  errors: DsbRowError[];
}

/** A file that cannot be read as a register at all (not rows that are bad). */
export class DsbFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DsbFileError';
  }
}

/** DSB's own words and ours, lower case. "Slettet" (deleted) is treated as deregistered. */
const STATUS_WORDS: Readonly<Record<string, DsbStatus>> = {
  active: 'active',
  aktiv: 'active',
  suspended: 'suspended',
  suspendert: 'suspended',
  deregistered: 'deregistered',
  avregistrert: 'deregistered',
  slettet: 'deregistered',
  deleted: 'deregistered',
};

/** Column names in the file (Norwegian, as documented; English accepted) → our field. */
const COLUMN_ALIASES: Readonly<Record<string, keyof RawRow>> = {
  organisasjonsnummer: 'organisationNumber',
  orgnr: 'organisationNumber',
  organisationnumber: 'organisationNumber',
  navn: 'name',
  name: 'name',
  registreringsnummer: 'registrationId',
  registrationid: 'registrationId',
  status: 'status',
  dato: 'date',
  date: 'date',
};
const REQUIRED_COLUMNS: ReadonlyArray<keyof RawRow> = ['organisationNumber', 'name', 'status'];

interface RawRow {
  organisationNumber?: string;
  name?: string;
  registrationId?: string;
  status?: string;
  date?: string;
}

function entryOf(raw: RawRow, line: number, fileDate: string): DsbRegisterEntry | DsbRowError {
  const orgText = (raw.organisationNumber ?? '').trim();
  if (orgText === '') return { line, problem: 'missing_organisation_number', detail: '' };
  const org = checkOrganisationNumber(orgText);
  if (!org.valid) return { line, problem: 'bad_organisation_number', detail: orgText };
  const name = (raw.name ?? '').trim();
  if (name === '') return { line, problem: 'missing_name', detail: org.normalized };
  const statusText = (raw.status ?? '').trim();
  const status = STATUS_WORDS[statusText.toLowerCase()];
  if (!status) return { line, problem: 'unknown_status', detail: statusText };
  const dateText = (raw.date ?? '').trim();
  const asOf = dateText === '' ? fileDate : normalizedDate(dateText);
  if (asOf === null) return { line, problem: 'bad_date', detail: dateText };
  const registrationId = (raw.registrationId ?? '').trim() || null;
  return { organisationNumber: org.normalized, name, registrationId, status, asOf, line };
}

export function parseDsbCsv(text: string, fileDate: string): DsbRegisterFile {
  const [header, ...rows] = readCsv(text);
  if (!header) throw new DsbFileError('The file is empty: expected a header row.');
  const columns = header.fields.map((name) => COLUMN_ALIASES[columnKey(name)] ?? null);
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new DsbFileError(`The header row lacks the column(s): ${missing.join(', ')} (found: ${header.fields.join(', ')}).`);
  }
  const entries: DsbRegisterEntry[] = [];
  const errors: DsbRowError[] = [];
  for (const { line, fields } of rows) {
    if (fields.length < header.fields.length) {
      errors.push({ line, problem: 'missing_column', detail: `${fields.length}/${header.fields.length}` });
      continue;
    }
    const raw: RawRow = {};
    columns.forEach((column, i) => {
      if (column) raw[column] = fields[i];
    });
    const result = entryOf(raw, line, fileDate);
    if ('problem' in result) errors.push(result);
    else entries.push(result);
  }
  return { entries, errors };
}

export function parseDsbJson(text: string, fileDate: string): DsbRegisterFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DsbFileError(`Not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new DsbFileError('Expected a JSON array of objects, one per business.');
  const entries: DsbRegisterEntry[] = [];
  const errors: DsbRowError[] = [];
  parsed.forEach((item: unknown, index) => {
    const line = index + 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ line, problem: 'not_an_object', detail: JSON.stringify(item)?.slice(0, 40) ?? '' });
      return;
    }
    const raw: RawRow = {};
    for (const [key, value] of Object.entries(item)) {
      const column = COLUMN_ALIASES[key.toLowerCase().replace(/[\s_-]/g, '')];
      if (column && (typeof value === 'string' || typeof value === 'number')) raw[column] = String(value);
    }
    const absent = REQUIRED_COLUMNS.filter((column) => raw[column] === undefined);
    if (absent.length > 0) {
      errors.push({ line, problem: 'missing_column', detail: absent.join(', ') });
      return;
    }
    const result = entryOf(raw, line, fileDate);
    if ('problem' in result) errors.push(result);
    else entries.push(result);
  });
  return { entries, errors };
}

/** By the file's name: `.json` is JSON, anything else is read as CSV. */
export function parseDsbRegisterFile(fileName: string, text: string, fileDate: string): DsbRegisterFile {
  return /\.json$/i.test(fileName) ? parseDsbJson(text, fileDate) : parseDsbCsv(text, fileDate);
}
