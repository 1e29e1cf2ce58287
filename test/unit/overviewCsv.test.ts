// CSV for Norwegian Excel: semicolons, decimal comma, CRLF, a byte order mark, quoting where needed, and no
// formula injection from a name that begins with "=".
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../renderer/src/features/overview/csv';

describe('toCsv', () => {
  it('writes a byte order mark, semicolons and CRLF, with a decimal comma', () => {
    const csv = toCsv(['Meldingstype', 'Median', 'Saker'], [['Nyinstallasjon', 4.5, 12], ['Veilys', 3, 1]]);
    expect(csv).toBe('\uFEFFMeldingstype;Median;Saker\r\nNyinstallasjon;4,5;12\r\nVeilys;3;1\r\n');
  });

  it('keeps large numbers without a thousands separator and rounds to two decimals', () => {
    expect(toCsv(['n'], [[123456], [2.345678], [-1.5]])).toBe('\uFEFFn\r\n123456\r\n2,35\r\n-1,5\r\n');
  });

  it('leaves empty cells empty', () => {
    expect(toCsv(['a', 'b'], [[null, 'x']])).toBe('\uFEFFa;b\r\n;x\r\n');
  });

  it('quotes fields with a semicolon, a quote, a line break or edge spaces, doubling quotes', () => {
    const csv = toCsv(['t'], [['Sørlandet Elektro; avd. Arendal'], ['«Hytta» "nord"'], ['to\nlinjer'], [' innrykk']]);
    expect(csv.split('\r\n').slice(1, 5)).toEqual([
      '"Sørlandet Elektro; avd. Arendal"',
      '"«Hytta» ""nord"""',
      '"to\nlinjer"',
      '" innrykk"',
    ]);
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(toCsv(['t'], [['=HYPERLINK("x")'], ['+47 123'], ['@sum'], ['-']])).toBe(
      '\uFEFFt\r\n"\'=HYPERLINK(""x"")"\r\n\'+47 123\r\n\'@sum\r\n\'-\r\n',
    );
  });

  it('keeps æ, ø and å as UTF-8', () => {
    const bytes = new TextEncoder().encode(toCsv(['Sted'], [['Bykle og Åseral']]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('Bykle og Åseral');
  });
});
