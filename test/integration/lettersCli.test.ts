// `npm run letters -- --out <dir>` end to end: it seeds a fresh demo database, renders every letter kind for every
// request type it applies to, and the PDFs are read back with poppler as a recipient would see them — a page count
// and "Side n av N" on every page, the case reference on every page, the addressee inside the window-envelope field
// (20 mm from the left, 45 mm from the top, 85 × 45 mm), no half-empty page before the last, no building-permit word
// and no raw codes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterFiles } from '../../core/letters/letterKinds';
import { GRID_WORK_KINDS, REQUEST_TYPES } from '../../shared/rules';

interface ManifestEntry { file: string; kind: string; requestType: string; caseNumber: string; recipient: string[] }

const PT_PER_MM = 72 / 25.4;
let out: string;
let manifest: ManifestEntry[];
let listing: string;

const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
const pageText = (file: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
/** The text inside a rectangle of page 1, in millimetres from the sheet's top-left corner. */
const textIn = (file: string, box: { left: number; top: number; width: number; height: number }) =>
  execFileSync('pdftotext', ['-f', '1', '-l', '1', '-r', '72',
    '-x', String(Math.floor(box.left * PT_PER_MM)), '-y', String(Math.floor(box.top * PT_PER_MM)),
    '-W', String(Math.ceil(box.width * PT_PER_MM)), '-H', String(Math.ceil(box.height * PT_PER_MM)), file, '-'], { encoding: 'utf8' });
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

beforeAll(() => {
  out = mkdtempSync(path.join(os.tmpdir(), 'letters-cli-'));
  listing = execFileSync('npx', ['tsx', 'cli/letters-cli.ts', '--out', out, '--today', '2026-11-28'], {
    encoding: 'utf8', cwd: path.resolve(__dirname, '../..'),
  });
  manifest = JSON.parse(readFileSync(path.join(out, 'letters.json'), 'utf8')) as ManifestEntry[];
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run letters', () => {
  it('writes one PDF per letter kind and request type, with names that say which, and lists them', () => {
    const expected = letterFiles().map((file) => file.fileName);
    expect(expected).toContain('tilbud-ny-installasjon.pdf');
    expect(expected).toContain('klarsignal-endring-av-hovedsikring.pdf');
    for (const file of expected) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
      expect(listing).toContain(file);
    }
    expect(manifest.map((entry) => entry.file).sort()).toEqual([...expected].sort());
  });

  it('numbers every page "Side n av N" and prints the case reference on every page', () => {
    for (const entry of manifest) {
      const file = path.join(out, entry.file);
      const pages = pagesOf(file);
      expect(pages, entry.file).toBeGreaterThanOrEqual(1);
      for (let page = 1; page <= pages; page++) {
        const text = squeeze(pageText(file, page));
        expect(text, `${entry.file} page ${page}`).toContain(`Side ${page} av ${pages}`);
        expect(text, `${entry.file} page ${page}`).toContain(`Vår referanse ${entry.caseNumber}`);
      }
    }
  });

  it('leaves no page but the last half empty', () => {
    const footTop = 275 * PT_PER_MM;
    for (const entry of manifest) {
      const file = path.join(out, entry.file);
      const pages = pagesOf(file);
      for (let page = 1; page < pages; page++) {
        const words = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-'], { encoding: 'utf8' });
        const lowest = Math.max(...[...words.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])).filter((y) => y < footTop));
        expect(lowest / PT_PER_MM, `${entry.file} page ${page} ends at`).toBeGreaterThan(150);
      }
    }
  });

  it('shows the return line and the whole addressee inside the window field, and nothing beside it there', () => {
    const window = { left: 20, top: 45, width: 85, height: 45 };
    for (const entry of manifest) {
      const file = path.join(out, entry.file);
      const inWindow = textIn(file, window).split('\n').map((line) => line.trim()).filter(Boolean);
      expect(inWindow[0], entry.file).toBe('Agder Nett AS, Postboks 415 Sentrum, 4604 Kristiansand S');
      expect(inWindow.slice(1), entry.file).toEqual(entry.recipient);
      // The same lines are not cut at the window's edges: a slightly smaller box still finds the name whole.
      const inner = squeeze(textIn(file, { left: 21, top: 46, width: 83, height: 43 }));
      expect(inner, entry.file).toContain(entry.recipient[0]);
      // The return line and the addressee are in the upper part that Norwegian C5 windows (44–79 mm) show.
      expect(squeeze(textIn(file, { left: 20, top: 45, width: 85, height: 33 })), entry.file).toContain(entry.recipient.at(-1)!);
    }
  });

  it('never uses the building-permit word, nor shows a raw code', () => {
    const rawCodes = [...REQUEST_TYPES, ...GRID_WORK_KINDS, 'undefined', 'null', 'NaN', 'area_supplier', 'grid_company'];
    for (const entry of manifest) {
      const text = execFileSync('pdftotext', [path.join(out, entry.file), '-'], { encoding: 'utf8' });
      expect(text.toLowerCase(), entry.file).not.toContain('igangsettingstillatelse');
      for (const code of rawCodes) expect(text, `${entry.file}: ${code}`).not.toMatch(new RegExp(`\\b${code}\\b`));
    }
  });

  it('says in the klarsignal who does the grid work, signed by the case handler, and in the work order its number', () => {
    const klarsignal = squeeze(execFileSync('pdftotext', ['-layout', path.join(out, 'klarsignal-ny-installasjon.pdf'), '-'], { encoding: 'utf8' }));
    const whoDoesIt = klarsignal.slice(klarsignal.indexOf('Hvem gjør arbeidet'));
    expect(whoDoesIt).toContain('Tilkobling av stikkledning i');
    expect(whoDoesIt).toMatch(/ \((dere som installatør|områdeentreprenøren etter vår rammeavtale|nettselskapet)\)/);
    expect(klarsignal).toMatch(/Med vennlig hilsen Agder Nett AS \S+ \S+.* saksbehandler/);
    const order = manifest.find((entry) => entry.file === 'arbeidsordre-ny-installasjon.pdf')!;
    const orderText = squeeze(execFileSync('pdftotext', ['-layout', path.join(out, order.file), '-'], { encoding: 'utf8' }));
    expect(orderText).toContain(`AO-${order.caseNumber}`);
    expect(orderText).toMatch(/Kabelskap KS-\d{4}-\d{4}/);
    expect(orderText).toContain('avtales med driftssentralen');
    expect(pagesOf(path.join(out, order.file))).toBe(1);
  });
});
