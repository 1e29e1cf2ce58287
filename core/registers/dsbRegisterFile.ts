// Reads a file of DSB's register of electrical businesses (Elvirksomhetsregisteret): CSV (semicolon or comma, a
// header row) or JSON (an array of objects), as docs/dsb-register-format.md describes. Every row is checked; a bad
// row is reported with its line and why, and the good rows are kept.
import { checkOrganisationNumber, type DsbStatus } from '../../shared/rules';
import { columnKey, normalizedDate, readRegisterRecords, type RegisterLayout } from './csvFile';

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

const LAYOUT: RegisterLayout<keyof RawRow> = {
  columnOf: (name) => COLUMN_ALIASES[columnKey(name)] ?? null,
  required: REQUIRED_COLUMNS,
  nameOf: (column) => column,
  itemName: 'business',
  refuse: (message) => {
    throw new DsbFileError(message);
  },
};

/** By the file's name: `.json` is JSON, anything else is read as CSV. */
export function parseDsbRegisterFile(fileName: string, text: string, fileDate: string): DsbRegisterFile {
  const { records, problems } = readRegisterRecords(fileName, text, LAYOUT);
  const entries: DsbRegisterEntry[] = [];
  const errors: DsbRowError[] = [...problems];
  for (const { line, raw } of records) {
    const result = entryOf(raw, line, fileDate);
    if ('problem' in result) errors.push(result);
    else entries.push(result);
  }
  return { entries, errors: errors.sort((a, b) => a.line - b.line) };
}
