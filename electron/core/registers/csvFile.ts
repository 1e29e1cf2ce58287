// Reading the registers' files (DSB's register, the prequalification register): CSV as spreadsheets export it
// (`;` or `,`, a header row, quoted fields, a byte-order mark) and dates as people write them.

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

/** The records of a CSV file, the delimiter (`;` or `,`) taken from whichever the header uses more. */
export function readCsv(text: string): Array<{ line: number; fields: string[] }> {
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = headerLine.split(';').length >= headerLine.split(',').length ? ';' : ',';
  return csvRecords(body, delimiter);
}

/** Splits CSV text into records of fields: quoted fields may hold the delimiter, quotes ("") and line breaks. */
function csvRecords(text: string, delimiter: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0].trim() !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
