// Tables as CSV the way Norwegian Excel opens them: semicolon between fields (the comma is the decimal sign),
// decimal comma, CRLF between rows, and a UTF-8 byte order mark so æ, ø and å survive the double-click.

export type CsvCell = string | number | null;

const BOM = '\uFEFF';

/** Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is kept as text with a leading `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

function textCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function numberCell(value: number): string {
  if (!Number.isFinite(value)) return '';
  // No thousands separator: a spreadsheet reads "1 234" as text. Up to two decimals, as the screen shows them.
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

function cell(value: CsvCell): string {
  if (value === null) return '';
  return typeof value === 'number' ? numberCell(value) : textCell(value);
}

/** The header row and the rows, as one CSV text with a byte order mark. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return BOM + [header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}
