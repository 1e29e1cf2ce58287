// Every letter's frame: the addressee in the window-envelope field (20 mm from the left, 45 mm from the top,
// 85 × 45 mm) with the company's return line above it, and "Side n av N" with the case reference in every page's
// foot through CSS page margin boxes — the reference escaped so no case text can break out of the style.
import { describe, expect, it } from 'vitest';
import {
  keepLawReferencesTogether,
  cssString, ENVELOPE_WINDOW_MM, html, LETTER_STYLE, PAGE_MARGIN_MM, pageReference, recipientLinesOf, renderLetterFrame,
  returnAddressLine,
} from '../../core/offers/letterLayout';
import { loadLetterhead } from '../../core/offers/letterhead';

const letterhead = loadLetterhead();
const frame = (over: Partial<Parameters<typeof renderLetterFrame>[0]> = {}) => renderLetterFrame({
  title: 'Test',
  company: letterhead.company,
  logoSvg: letterhead.logoSvg,
  recipient: { name: 'Kari Nordmann', lines: ['Storgata 1', '4611 Kristiansand S'] },
  meta: [['Dato', '5. desember 2026'], ['Vår referanse', '2026-000123']],
  body: html`<p>Brødtekst</p>`,
  ...over,
});

/** The declarations of the first rule whose selector is exactly `selector`. */
function rule(css: string, selector: string): string {
  const at = css.indexOf(`\n${selector} {`);
  expect(at, `no rule for ${selector}`).toBeGreaterThanOrEqual(0);
  return css.slice(at, css.indexOf('}', at));
}
const mm = (declarations: string, property: string) => Number(new RegExp(`(?:^|[\\s;{])${property}:\\s*(-?[\\d.]+)mm`).exec(declarations)?.[1]);

describe('the window envelope field', () => {
  it('is 85 × 45 mm at 20 mm from the left and 45 mm from the top of the sheet, whatever the page margins', () => {
    expect(ENVELOPE_WINDOW_MM).toEqual({ left: 20, top: 45, width: 85, height: 45 });
    const window = rule(LETTER_STYLE, '.window');
    expect(window).toContain('position: absolute');
    // Absolute boxes are placed from the page area, which starts at the page margins.
    expect(mm(window, 'left') + PAGE_MARGIN_MM.left).toBe(20);
    expect(mm(window, 'top') + PAGE_MARGIN_MM.top).toBe(45);
    expect(mm(window, 'width')).toBe(85);
    expect(mm(window, 'height')).toBe(45);
    expect(window).toContain('overflow: hidden');
  });

  it('holds the return line first and then the addressee, and nothing else of the letter', () => {
    const letter = frame();
    const window = /<div class="window"[^>]*>([\s\S]*?)<\/div>\s*<\/div>/.exec(letter)?.[1] ?? '';
    expect(window.indexOf('Agder Nett AS, Postboks 415 Sentrum, 4604 Kristiansand S')).toBeGreaterThanOrEqual(0);
    expect(window.indexOf('Agder Nett AS, Postboks')).toBeLessThan(window.indexOf('Kari Nordmann'));
    expect(window).not.toContain('2026-000123');
    expect(recipientLinesOf(letter)).toEqual(['Kari Nordmann', 'Storgata 1', '4611 Kristiansand S']);
    expect(returnAddressLine(letterhead.company)).toBe('Agder Nett AS, Postboks 415 Sentrum, 4604 Kristiansand S');
  });

  it('sets the return line smaller than the address, on one line (Posten)', () => {
    const returnLine = rule(LETTER_STYLE, '.window .return-address');
    const recipient = rule(LETTER_STYLE, '.recipient');
    const pt = (declarations: string) => Number(/font-size: ([\d.]+)pt/.exec(declarations)?.[1]);
    expect(pt(returnLine)).toBeLessThan(pt(recipient));
    expect(pt(recipient)).toBeGreaterThanOrEqual(10);
    expect(returnLine).toContain('white-space: nowrap');
  });

  it('escapes the addressee like every value', () => {
    const letter = frame({ recipient: { name: 'Ola <b>& Co</b>', lines: [] } });
    expect(letter).toContain('Ola &lt;b&gt;&amp; Co&lt;/b&gt;');
    expect(recipientLinesOf(letter)).toEqual(['Ola <b>& Co</b>']);
  });
});

describe('the foot of every page', () => {
  it('numbers the pages "Side n av N" with the page counters', () => {
    expect(LETTER_STYLE).toMatch(/@bottom-right \{ content: "Side " counter\(page\) " av " counter\(pages\);/);
  });

  it('carries the company and the reference, taken from "Vår referanse" unless given', () => {
    expect(frame()).toContain('@page { @bottom-left { content: "Agder Nett AS · Org.nr. 923 456 783 MVA · Vår referanse 2026-000123"; } }');
    expect(frame({ reference: 'AO-2026-000123' })).toContain('Vår referanse AO-2026-000123"');
    expect(pageReference({ meta: [['Dato', 'i dag']] })).toBe('');
  });

  it('cannot be broken out of: quotes, backslashes, newlines and "<" are CSS escapes', () => {
    expect(cssString('a"b\\c\nd</style>')).toBe('"a\\22 b\\5C c\\A d\\3C /style>"');
    const letter = frame({ reference: '"; } </style><script>x</script>' });
    const style = letter.slice(letter.indexOf('<style>@page'), letter.indexOf('</head>'));
    expect(style.match(/<\/style>/g)).toHaveLength(1);
    expect(letter).not.toContain('<script>');
  });
});

describe('references to the law', () => {
  it('are never broken over two lines, in text only', () => {
    expect(keepLawReferencesTogether('<p title="§ 1-1">etter § 16-11 og §§ 16-1 og 16-2</p>')).toBe(
      '<p title="§ 1-1">etter <span class="nowrap">§ 16-11</span> og <span class="nowrap">§§ 16-1</span> og 16-2</p>');
  });
});
