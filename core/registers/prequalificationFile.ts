// Reads a file of the grid company's prequalification register (prekvalifiseringsregisteret): CSV (semicolon or
// comma, a header row) or JSON (an array of objects), as docs/prequalification-register-format.md describes. Every
// row is checked — organisation number with its check digit, a known category, real dates, from not after to; a bad
// row is reported with its line and why, and the good rows are kept.
import { checkOrganisationNumber, type PrequalificationCategory } from '../../shared/rules';
import { columnKey, normalizedDate, readRegisterRecords, type RegisterLayout } from './csvFile';

export interface PrequalificationEntry {
  organisationNumber: string;
  /** The installer's name, when the file has one: used only to add an installer the desk does not know yet. */
  name: string | null;
  category: PrequalificationCategory;
  validFrom: string;
  validTo: string;
  /** Line in the CSV file (the header is line 1), or the position in the JSON array (from 1). */
  line: number;
}

export type PrequalificationRowProblem =
  | 'missing_column'
  | 'missing_organisation_number'
  | 'bad_organisation_number'
  | 'missing_category'
  | 'unknown_category'
  | 'missing_date'
  | 'bad_date'
  | 'from_after_to'
  | 'not_an_object';

export interface PrequalificationRowError {
  line: number;
  problem: PrequalificationRowProblem;
  /** The offending value or column, to show beside the reason. */
  detail: string;
}

export interface PrequalificationFile {
  entries: PrequalificationEntry[];
  errors: PrequalificationRowError[];
}

/** A file that cannot be read as a register at all (not rows that are bad). */
export class PrequalificationFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrequalificationFileError';
  }
}

/**
 * The words accepted for each category, compared after lower-casing, trimming, collapsing white space and removing
 * spaces around "/". Documented word for word in docs/prequalification-register-format.md: keep the two in step.
 */
export const CATEGORY_WORDS: Readonly<Record<PrequalificationCategory, readonly string[]>> = {
  service_cable: ['service_cable', 'stikkledning', 'stikkledninger', 'tilkobling av stikkledning'],
  direct_meter: ['direct_meter', 'direktemålt måler', 'direktemålte målere', 'direktemålte målere ≤ 80 a'],
  insulated_cabinet_switching: [
    'insulated_cabinet_switching',
    'isolerte kabelskap/byggestrøm',
    'isolerte kabelskap',
    'isolerte skap/byggestrøm',
    'byggestrøm',
  ],
  uninsulated_cabinet_pole: ['uninsulated_cabinet_pole', 'uisolerte skap og mast', 'uisolerte skap/mast', 'uisolerte kabelskap og mast'],
};

export const normalizedCategoryWord = (value: string): string =>
  value.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\s*\/\s*/g, '/');

const CATEGORY_BY_WORD: ReadonlyMap<string, PrequalificationCategory> = new Map(
  (Object.entries(CATEGORY_WORDS) as Array<[PrequalificationCategory, readonly string[]]>).flatMap(([category, words]) =>
    words.map((word) => [normalizedCategoryWord(word), category] as const),
  ),
);

export function categoryOf(value: string): PrequalificationCategory | null {
  return CATEGORY_BY_WORD.get(normalizedCategoryWord(value)) ?? null;
}

interface RawRow {
  organisationNumber?: string;
  name?: string;
  category?: string;
  validFrom?: string;
  validTo?: string;
}

/** Column names in the file (Norwegian, as documented; English accepted), without spaces, "_" or "-" → our field. */
const COLUMN_ALIASES: Readonly<Record<string, keyof RawRow>> = {
  organisasjonsnummer: 'organisationNumber',
  orgnr: 'organisationNumber',
  organisationnumber: 'organisationNumber',
  navn: 'name',
  name: 'name',
  kategori: 'category',
  category: 'category',
  gyldigfra: 'validFrom',
  validfrom: 'validFrom',
  gyldigtil: 'validTo',
  validto: 'validTo',
};
const REQUIRED_COLUMNS: ReadonlyArray<keyof RawRow> = ['organisationNumber', 'category', 'validFrom', 'validTo'];
/** The documented (Norwegian) name of each column, for messages. */
const COLUMN_NAMES: Readonly<Record<keyof RawRow, string>> = {
  organisationNumber: 'organisasjonsnummer',
  name: 'navn',
  category: 'kategori',
  validFrom: 'gyldig_fra',
  validTo: 'gyldig_til',
};
const columnOf = (name: string): keyof RawRow | null => COLUMN_ALIASES[columnKey(name)] ?? null;

function entryOf(raw: RawRow, line: number): PrequalificationEntry | PrequalificationRowError {
  const orgText = (raw.organisationNumber ?? '').trim();
  if (orgText === '') return { line, problem: 'missing_organisation_number', detail: '' };
  const org = checkOrganisationNumber(orgText);
  if (!org.valid) return { line, problem: 'bad_organisation_number', detail: orgText };
  const categoryText = (raw.category ?? '').trim();
  if (categoryText === '') return { line, problem: 'missing_category', detail: org.normalized };
  const category = categoryOf(categoryText);
  if (category === null) return { line, problem: 'unknown_category', detail: categoryText };
  const dates: string[] = [];
  for (const [column, value] of [['gyldig_fra', raw.validFrom], ['gyldig_til', raw.validTo]] as const) {
    const text = (value ?? '').trim();
    if (text === '') return { line, problem: 'missing_date', detail: column };
    const date = normalizedDate(text);
    if (date === null) return { line, problem: 'bad_date', detail: `${column} ${text}` };
    dates.push(date);
  }
  const [validFrom, validTo] = dates;
  if (validFrom > validTo) return { line, problem: 'from_after_to', detail: `${validFrom} > ${validTo}` };
  const name = (raw.name ?? '').trim() || null;
  return { organisationNumber: org.normalized, name, category, validFrom, validTo, line };
}

const LAYOUT: RegisterLayout<keyof RawRow> = {
  columnOf,
  required: REQUIRED_COLUMNS,
  nameOf: (column) => COLUMN_NAMES[column],
  itemName: 'prequalification',
  refuse: (message) => {
    throw new PrequalificationFileError(message);
  },
};

/** By the file's name: `.json` is JSON, anything else is read as CSV. */
export function parsePrequalificationFile(fileName: string, text: string): PrequalificationFile {
  const { records, problems } = readRegisterRecords(fileName, text, LAYOUT);
  const entries: PrequalificationEntry[] = [];
  const errors: PrequalificationRowError[] = [...problems];
  for (const { line, raw } of records) {
    const result = entryOf(raw, line);
    if ('problem' in result) errors.push(result);
    else entries.push(result);
  }
  return { entries, errors: errors.sort((a, b) => a.line - b.line) };
}
