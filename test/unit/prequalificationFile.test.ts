// The prequalification register file: CSV (either separator) and JSON, every row checked, bad rows reported by line
// with the reason while the good ones are kept; the accepted category words; and the replacement plan.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_WORDS,
  PrequalificationFileError,
  categoryOf,
  parsePrequalificationFile,
} from '../../core/registers/prequalificationFile';
import { planReplacement } from '../../core/registers/prequalificationStore';
import { PREQUALIFICATION_CATEGORIES } from '../../shared/rules';

const FIXTURES = path.resolve(__dirname, '../fixtures/prequalifications');
const csv = readFileSync(path.join(FIXTURES, 'register.csv'), 'utf8');
const json = readFileSync(path.join(FIXTURES, 'register.json'), 'utf8');

describe('the CSV format', () => {
  it('reads semicolon CSV with Norwegian category words and both date forms, and reports each bad row by line', () => {
    const read = parsePrequalificationFile('register.csv', csv);
    expect(read.entries.map((e) => [e.line, e.organisationNumber, e.name, e.category, e.validFrom, e.validTo])).toEqual([
      [2, '987654325', 'Sørlandet Elektro AS', 'service_cable', '2025-01-01', '2027-12-31'],
      [3, '987654325', 'Sørlandet Elektro AS', 'direct_meter', '2025-01-01', '2027-12-31'],
      [4, '922334455', 'Grimstad Elektriske; avd. Fevik', 'insulated_cabinet_switching', '2026-01-01', '2026-12-31'],
      [5, '922334455', null, 'uninsulated_cabinet_pole', '2024-03-01', '2026-02-28'],
      [6, '944556672', 'Mandal Installasjon AS', 'uninsulated_cabinet_pole', '2026-06-01', '2028-05-31'],
      [7, '928282821', null, 'service_cable', '2026-01-01', '2026-12-31'],
    ]);
    expect(read.errors).toEqual([
      { line: 8, problem: 'bad_organisation_number', detail: '987654321' },
      { line: 9, problem: 'unknown_category', detail: 'høyspent' },
      { line: 10, problem: 'bad_date', detail: 'gyldig_fra 2026-02-30' },
      { line: 11, problem: 'from_after_to', detail: '2027-01-01 > 2026-12-31' },
      { line: 12, problem: 'missing_column', detail: '3/5' },
    ]);
  });

  it('reads comma CSV, without a name column, and a quoted field across lines keeps the line numbers right', () => {
    const comma =
      'Organisasjonsnummer,Kategori,Gyldig fra,Gyldig til,merknad\n' +
      '987654325,"direct_meter",2026-01-01,2026-12-31,"to\nlinjer"\n' +
      '922334455,stikkledning,2026-01-01,,x\n';
    const read = parsePrequalificationFile('x.csv', comma);
    expect(read.entries).toEqual([
      { line: 2, organisationNumber: '987654325', name: null, category: 'direct_meter', validFrom: '2026-01-01', validTo: '2026-12-31' },
    ]);
    expect(read.errors).toEqual([{ line: 4, problem: 'missing_date', detail: 'gyldig_til' }]);
  });

  it('refuses a file whose header lacks a required column, naming it', () => {
    const text = 'organisasjonsnummer;kategori;gyldig_fra\n987654325;stikkledning;2026-01-01\n';
    expect(() => parsePrequalificationFile('x.csv', text)).toThrow(PrequalificationFileError);
    expect(() => parsePrequalificationFile('x.csv', text)).toThrow(/gyldig_til/);
    expect(() => parsePrequalificationFile('x.csv', '')).toThrow(/empty/);
  });
});

describe('the JSON format', () => {
  it('reads an array of objects (Norwegian or English keys, numbers for the org number) and reports bad entries by position', () => {
    const read = parsePrequalificationFile('register.json', json);
    expect(read.entries.map((e) => [e.line, e.organisationNumber, e.category, e.validFrom, e.validTo])).toEqual([
      [1, '987654325', 'direct_meter', '2025-01-01', '2028-12-31'],
      [2, '922334455', 'insulated_cabinet_switching', '2026-01-01', '2026-12-31'],
    ]);
    expect(read.errors).toEqual([
      { line: 3, problem: 'missing_column', detail: 'gyldig_fra, gyldig_til' },
      { line: 4, problem: 'not_an_object', detail: '"not an object"' },
      { line: 5, problem: 'bad_date', detail: 'gyldig_fra 2026-13-01' },
    ]);
  });

  it('refuses what is not JSON, or not an array', () => {
    expect(() => parsePrequalificationFile('x.json', '[{"a":')).toThrow(/Not valid JSON/);
    expect(() => parsePrequalificationFile('x.json', '{"a":1}')).toThrow(/array/);
  });
});

describe('the category words', () => {
  it('accepts the documented Norwegian words in any case and spacing, and our codes', () => {
    expect(categoryOf('stikkledning')).toBe('service_cable');
    expect(categoryOf('Direktemålte   målere')).toBe('direct_meter');
    expect(categoryOf('isolerte kabelskap/byggestrøm')).toBe('insulated_cabinet_switching');
    expect(categoryOf('Isolerte kabelskap / Byggestrøm')).toBe('insulated_cabinet_switching');
    expect(categoryOf('uisolerte skap og mast')).toBe('uninsulated_cabinet_pole');
    for (const category of PREQUALIFICATION_CATEGORIES) expect(categoryOf(category)).toBe(category);
    expect(categoryOf('høyspent')).toBeNull();
    expect(categoryOf('')).toBeNull();
  });

  it('documents every accepted word in docs/prequalification-register-format.md', () => {
    const doc = readFileSync(path.resolve(__dirname, '../../docs/prequalification-register-format.md'), 'utf8');
    for (const words of Object.values(CATEGORY_WORDS)) for (const word of words) expect(doc).toContain(`\`${word}\``);
  });
});

describe('the replacement plan', () => {
  const p = (id: number, category: 'service_cable' | 'direct_meter', validFrom: string, validTo: string) => ({ id, category, validFrom, validTo });

  it('keeps identical periods, updates a renewed one in place, adds new ones and removes what the file no longer has', () => {
    const stored = [p(1, 'service_cable', '2024-01-01', '2025-12-31'), p(2, 'direct_meter', '2024-01-01', '2026-12-31'), p(3, 'direct_meter', '2020-01-01', '2021-12-31')];
    const plan = planReplacement(stored, [
      { category: 'direct_meter', validFrom: '2024-01-01', validTo: '2026-12-31' },
      { category: 'service_cable', validFrom: '2026-01-01', validTo: '2028-12-31' },
      { category: 'service_cable', validFrom: '2029-01-01', validTo: '2030-12-31' },
    ]);
    expect(plan).toEqual({
      unchanged: 1,
      update: [{ id: 1, period: { category: 'service_cable', validFrom: '2026-01-01', validTo: '2028-12-31' } }],
      insert: [{ category: 'service_cable', validFrom: '2029-01-01', validTo: '2030-12-31' }],
      remove: [3],
    });
  });
});
