// Reading CSV as spreadsheets export it, through csv-parse: the delimiter from the header, quotes, BOM and every kind
// of line break, blank lines skipped, each record with the line it starts on; and a file with a quote that never
// closes refused with that line (the hand tokenizer took the rest of the file as one field, without a word).
import { describe, expect, it } from 'vitest';
import { parseBillingFile } from '../../core/billing/billingFile';
import { CsvSyntaxError, readCsv } from '../../core/registers/csvFile';
import { PrequalificationFileError, parsePrequalificationFile } from '../../core/registers/prequalificationFile';

describe('readCsv', () => {
  it('takes the delimiter the header uses more, and keeps the other one inside fields', () => {
    expect(readCsv('navn;beløp\nNord, AS;12,50\n')).toEqual([
      { line: 1, fields: ['navn', 'beløp'] },
      { line: 2, fields: ['Nord, AS', '12,50'] },
    ]);
    expect(readCsv('name,amount\n"Nord; AS",12.50')).toEqual([
      { line: 1, fields: ['name', 'amount'] },
      { line: 2, fields: ['Nord; AS', '12.50'] },
    ]);
  });

  it('reads quoted fields with doubled quotes and line breaks, and counts lines from where each record starts', () => {
    const text = '\uFEFFa;b\r\n1;"to\r\nlinjer"\r\n\r\n2;"sier ""hei"""\r\n   \r\n3;4';
    expect(readCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'to\r\nlinjer'] },
      { line: 5, fields: ['2', 'sier "hei"'] },
      { line: 7, fields: ['3', '4'] },
    ]);
  });

  it('reads old Mac line breaks (CR alone) and keeps a lone quote inside an unquoted field', () => {
    expect(readCsv('a;b\r1;15" skjerm\r2;3\r')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '15" skjerm'] },
      { line: 3, fields: ['2', '3'] },
    ]);
  });

  it('returns short and long rows as they are, for the importer to report', () => {
    expect(readCsv('a;b;c\n1;2\n1;2;3;4').map((r) => r.fields.length)).toEqual([3, 2, 4]);
  });

  it('refuses a quote that never closes, naming the line its record starts on', () => {
    const read = () => readCsv('a;b\n1;2\n3;"ikke lukket\n4;5\n6;7\n');
    expect(read).toThrow(CsvSyntaxError);
    expect(read).toThrow('Line 3: a quoted field is never closed');
  });
});

describe('the importers on a broken CSV file', () => {
  it('the prequalification register refuses the file with the line, instead of reading half of it', () => {
    const text = 'organisasjonsnummer;navn;kategori;gyldig_fra;gyldig_til\n987654325;"Sørlandet Elektro AS;stikkledning;2025-01-01;2027-12-31\n';
    expect(() => parsePrequalificationFile('register.csv', text)).toThrow(PrequalificationFileError);
    expect(() => parsePrequalificationFile('register.csv', text)).toThrow(/Line 2: a quoted field is never closed/);
  });

  it('the payment file is refused whole with a reason the desk has words for', () => {
    const file = parseBillingFile('b.csv', 'hendelse_id;type;saksnummer;tilbudsversjon;beløp;dato\nF-1;betaling;"2026-1;1;100;2026-12-01\n');
    expect(file).toMatchObject({ ok: false, reasons: [{ code: 'billing.notCsv', message: expect.stringContaining('linje 2') as unknown }] });
  });
});
