// Reads the billing system's file of payments, acceptances and invoices (docs/payment-import-format.md): CSV as
// spreadsheets export it (`;` or `,`, a header row) or JSON (an array of objects). Every row is checked on its own;
// a bad row keeps its whole content (as a one-row JSON file, so it can be fixed and imported again) and its reasons
// in Norwegian. Amounts are read exactly into øre (rules/money.ts `nok`), never through a float.
import { nok, type BillingKind, type Ore } from '../../shared/rules';
import { columnKey, CsvSyntaxError, normalizedDate, readCsv, type CsvRecord } from '../registers/csvFile';
import { reason, type ImportReason } from '../import/importReasons';

export interface BillingRow {
  billingEventId: string;
  kind: BillingKind;
  caseNumber: string;
  offerVersion: number;
  amountOre: Ore | null;
  occurredOn: string;
  reference: string | null;
  /** CSV line (the header is line 1) or position in the JSON array (from 1). */
  line: number;
  /** The row as a one-row JSON billing file. */
  raw: string;
}

export interface BadBillingRow {
  line: number;
  /** The billing system's event id, when the row has one: the quarantine names the row by it. */
  billingEventId: string | null;
  raw: string;
  reasons: ImportReason[];
}

export type BillingFile =
  | { ok: true; rows: BillingRow[]; bad: BadBillingRow[] }
  /** The file cannot be read at all: kept whole, with why. */
  | { ok: false; reasons: ImportReason[] };

type Field = 'id' | 'kind' | 'caseNumber' | 'offerVersion' | 'amount' | 'date' | 'reference';

/** The names each column goes by, compared by `columnKey` (case, spaces, `_` and `-` ignored). Documented in the docs. */
export const BILLING_COLUMNS: Readonly<Record<Field, readonly string[]>> = {
  id: ['hendelse_id', 'billing_event_id', 'event_id'],
  kind: ['type', 'kind'],
  caseNumber: ['saksnummer', 'case_number'],
  offerVersion: ['tilbudsversjon', 'offer_version'],
  amount: ['beløp', 'belop', 'amount'],
  date: ['dato', 'date'],
  reference: ['referanse', 'reference'],
};

/** The words for each kind, lower-cased. */
export const BILLING_KIND_WORDS: Readonly<Record<BillingKind, readonly string[]>> = {
  offer_sent: [],
  // 'godtatt' is the word the desk and the letters use; the billing system's own words are read as well.
  acceptance: ['godtatt', 'aksept', 'akseptert', 'acceptance'],
  invoice: ['faktura', 'faktura_sendt', 'invoice'],
  payment: ['betaling', 'betalt', 'innbetaling', 'payment'],
};

const FIELD_OF = new Map<string, Field>(
  (Object.entries(BILLING_COLUMNS) as [Field, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [columnKey(name), field] as const)),
);
const KIND_OF = new Map<string, BillingKind>(
  (Object.entries(BILLING_KIND_WORDS) as [BillingKind, readonly string[]][]).flatMap(([kind, words]) =>
    words.map((word) => [word, kind] as const)),
);

export const BILLING_EVENT_ID_MAX_LENGTH = 100;

interface SourceRecord {
  line: number;
  values: Record<string, string>;
}

function csvSource(text: string): SourceRecord[] | ImportReason[] {
  let records: CsvRecord[];
  try {
    records = readCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return [reason('', 'billing.notCsv', `Ikke lesbar CSV på linje ${error.line}: et felt i anførselstegn lukkes aldri.`)];
  }
  const [header, ...rows] = records;
  if (!header) return [reason('', 'billing.emptyFile', 'Filen er tom: forventet en overskriftsrad og én rad per hendelse.')];
  const names = header.fields.map((name) => name.trim());
  return rows.map(({ line, fields }) => ({
    line,
    values: Object.fromEntries(names.map((name, i) => [name, (fields[i] ?? '').trim()] as const).filter(([name]) => name !== '')),
  }));
}

function jsonSource(text: string): SourceRecord[] | ImportReason[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return [reason('', 'billing.notJson', `Ikke gyldig JSON: ${(error as Error).message}`)];
  }
  if (!Array.isArray(parsed)) return [reason('', 'billing.notArray', 'Forventet en JSON-liste med ett objekt per hendelse.')];
  return parsed.map((item: unknown, index) => {
    const values: Record<string, string> = {};
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      for (const [key, value] of Object.entries(item)) {
        if (typeof value === 'string' || typeof value === 'number') values[key] = String(value).trim();
        else if (value !== null) values[key] = JSON.stringify(value);
      }
    } else {
      values[''] = JSON.stringify(item) ?? '';
    }
    return { line: index + 1, values };
  });
}

/** One row, checked: a BillingRow, or every reason it is not one. */
export function parseBillingRecord(record: SourceRecord): BillingRow | BadBillingRow {
  const raw = JSON.stringify([record.values]);
  const get = (field: Field): string => {
    const entry = Object.entries(record.values).find(([name]) => FIELD_OF.get(columnKey(name)) === field);
    return entry ? entry[1] : '';
  };
  const reasons: ImportReason[] = [];
  if ('' in record.values) reasons.push(reason('', 'billing.notAnObject', 'Raden er ikke et objekt med felter.'));

  const billingEventId = get('id');
  if (billingEventId === '') reasons.push(reason('hendelse_id', 'billing.missing', 'Mangler hendelses-ID (hendelse_id).'));
  else if (billingEventId.length > BILLING_EVENT_ID_MAX_LENGTH) {
    reasons.push(reason('hendelse_id', 'billing.tooLong', `Hendelses-ID er lengre enn ${BILLING_EVENT_ID_MAX_LENGTH} tegn.`));
  }

  const kindText = get('kind').toLowerCase();
  const kind = KIND_OF.get(kindText);
  if (!kind) {
    reasons.push(reason('type', 'billing.unknownKind',
      kindText === '' ? 'Mangler type (betaling, godtatt eller faktura).' : `Ukjent type «${get('kind')}»: bruk betaling, godtatt eller faktura.`));
  }

  const caseNumber = get('caseNumber');
  if (caseNumber === '') reasons.push(reason('saksnummer', 'billing.missing', 'Mangler saksnummer.'));

  const versionText = get('offerVersion');
  const offerVersion = /^\d{1,6}$/.test(versionText) ? Number(versionText) : NaN;
  if (!(offerVersion >= 1)) {
    reasons.push(reason('tilbudsversjon', 'billing.badOfferVersion',
      versionText === '' ? 'Mangler tilbudsversjon.' : `Tilbudsversjon «${versionText}» er ikke et helt tall fra 1.`));
  }

  const amountText = get('amount');
  let amountOre: Ore | null = null;
  if (amountText !== '') {
    try {
      amountOre = nok(amountText);
      if (amountOre < 0) {
        reasons.push(reason('beløp', 'billing.negativeAmount', `Beløpet «${amountText}» er negativt.`));
        amountOre = null;
      }
    } catch {
      reasons.push(reason('beløp', 'billing.badAmount', `Beløpet «${amountText}» er ikke kroner med høyst to desimaler (f.eks. 12 345,50).`));
    }
  } else if (kind === 'payment') {
    reasons.push(reason('beløp', 'billing.missing', 'En betaling må ha beløp.'));
  }

  const dateText = get('date');
  const occurredOn = normalizedDate(dateText);
  if (!occurredOn) {
    reasons.push(reason('dato', 'billing.badDate',
      dateText === '' ? 'Mangler dato.' : `Datoen «${dateText}» er ikke ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.`));
  }

  if (reasons.length > 0 || !kind || !occurredOn) {
    return { line: record.line, billingEventId: billingEventId === '' ? null : billingEventId.slice(0, BILLING_EVENT_ID_MAX_LENGTH), raw, reasons };
  }
  const reference = get('reference');
  return {
    billingEventId, kind, caseNumber, offerVersion, amountOre, occurredOn,
    reference: reference === '' ? null : reference.slice(0, 100),
    line: record.line, raw,
  };
}

export const isBadRow = (row: BillingRow | BadBillingRow): row is BadBillingRow => 'reasons' in row;

/** `.json` is read as JSON, anything else as CSV. */
export function parseBillingFile(fileName: string, text: string): BillingFile {
  const source = /\.json$/i.test(fileName) ? jsonSource(text) : csvSource(text);
  if (source.length > 0 && 'code' in source[0]) return { ok: false, reasons: source as ImportReason[] };
  const rows: BillingRow[] = [];
  const bad: BadBillingRow[] = [];
  for (const record of source as SourceRecord[]) {
    const row = parseBillingRecord(record);
    if (isBadRow(row)) bad.push(row);
    else rows.push(row);
  }
  return { ok: true, rows, bad };
}
