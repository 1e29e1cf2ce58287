// What every letter the grid company sends shares — the offer to the owner, the work order to an area supplier:
// one A4 page style, the letterhead (logo and sender), the recipient and reference block, and the company footer.
// Each letter's template fills the body; values are escaped by the `html` tag unless they are already Markup.
//
// Print (issue 13, item 16):
// - The recipient sits in a window-envelope field placed absolutely on the first page: 20 mm from the left edge,
//   45 mm from the top, 85 × 45 mm — DIN 5008 form B's address field, which C5 and DL window envelopes are cut for
//   (din-5008-richtlinien.de, "Anschriftenfeld"; sekretaria.de, "Absender"). Norwegian C5 windows start some 44 mm
//   from the top and are 35 mm high (officeconsult.no, "plassering av mottakerfelt i vinduskonvolutter"), so the
//   return line and the address are set in the field's upper 30 mm, where every such window shows them.
// - Above the recipient, one small line with the company's return address, as Posten asks: on one line, no larger
//   than the recipient's font; the address itself in 10–12 pt, straight left edge, no bold, no blank lines
//   (21grams.se, "Adressera rätt i Norge", Posten's rules for domestic letters).
// - "Side 1 av 3" and the case reference on every page come from CSS page margin boxes (@page @bottom-left/-right
//   with counter(page)/counter(pages)), shipped in Chromium 131 (blink-dev "Intent to Ship: @page margin boxes");
//   Electron 40 runs Chromium 144 (electronjs.org, "Electron 40.0.0"), Debian's Chromium is newer still.
//   Unlike page.pdf's or printToPDF's headerTemplate/footerTemplate they live in the letter itself, so Playwright's
//   page.pdf, Electron's printToPDF and webContents.print() all print them, and no renderer needs the reference.
import type { LetterheadCompany } from './letterhead';

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Markup that is already safe (made by `html`, or the letterhead's own SVG). */
export class Markup {
  constructor(readonly html: string) {}
}

/** Tagged template that escapes every interpolated value unless it is already markup (a Markup). */
export const html = (strings: TemplateStringsArray, ...values: unknown[]): Markup =>
  new Markup(strings.reduce((out, s, i) => {
    if (i === 0) return s;
    const value = values[i - 1];
    const text = value instanceof Markup ? value.html
      : Array.isArray(value) ? value.map((v) => (v instanceof Markup ? v.html : escapeHtml(String(v)))).join('')
        : value === null || value === undefined ? '' : escapeHtml(String(value));
    return out + text + s;
  }, ''));

/** The window field, in millimetres from the sheet's top-left corner (DIN 5008 form B; see the head of this file). */
export const ENVELOPE_WINDOW_MM = { left: 20, top: 45, width: 85, height: 45 } as const;

/** The page margins in millimetres; the left one is the window's, so the letter's text aligns with the address. */
export const PAGE_MARGIN_MM = { top: 15, right: 18, bottom: 20, left: ENVELOPE_WINDOW_MM.left } as const;

/** The letterhead's fixed height: it ends above the window field whatever the company's logo. */
const LETTERHEAD_HEIGHT_MM = 27;

export const LETTER_STYLE = `
@page { size: A4; margin: ${PAGE_MARGIN_MM.top}mm ${PAGE_MARGIN_MM.right}mm ${PAGE_MARGIN_MM.bottom}mm ${PAGE_MARGIN_MM.left}mm;
  @bottom-left { font: 7.5pt "Inter", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #4a6b7a;
    vertical-align: top; padding-top: 4mm; }
  @bottom-right { content: "Side " counter(page) " av " counter(pages);
    font: 7.5pt "Inter", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #4a6b7a;
    vertical-align: top; padding-top: 4mm; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Inter", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 9.5pt; line-height: 1.42; color: #1d2a30; }
header.letterhead { display: flex; justify-content: space-between; align-items: flex-start;
  height: ${LETTERHEAD_HEIGHT_MM}mm; overflow: hidden; border-bottom: 2px solid #0b4f6c; padding-bottom: 2mm; }
header.letterhead svg { width: 62mm; max-height: 18mm; height: auto; }
header.letterhead .sender { text-align: right; font-size: 8pt; color: #4a6b7a; line-height: 1.3; }
.window { position: absolute; left: ${ENVELOPE_WINDOW_MM.left - PAGE_MARGIN_MM.left}mm;
  top: ${ENVELOPE_WINDOW_MM.top - PAGE_MARGIN_MM.top}mm; width: ${ENVELOPE_WINDOW_MM.width}mm;
  height: ${ENVELOPE_WINDOW_MM.height}mm; overflow: hidden; padding: 1.5mm 0 0 0; }
.window .return-address { font-size: 7pt; line-height: 1.2; color: #1d2a30; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; border-bottom: 0.5px solid #9fb3bd; padding-bottom: 0.6mm; margin-bottom: 1.5mm; }
.recipient { font-size: 10pt; line-height: 1.25; }
/* Beside the window and below it: the first page's text starts under the window field. */
.address-row { display: flex; justify-content: flex-end; align-items: flex-start;
  height: ${ENVELOPE_WINDOW_MM.top + ENVELOPE_WINDOW_MM.height - PAGE_MARGIN_MM.top - LETTERHEAD_HEIGHT_MM}mm;
  padding-top: ${ENVELOPE_WINDOW_MM.top - PAGE_MARGIN_MM.top - LETTERHEAD_HEIGHT_MM}mm; margin-bottom: 3mm; }
.meta { font-size: 8.5pt; text-align: right; margin: 0; }
.meta dt { color: #4a6b7a; }
.meta dd { margin: 0 0 1mm; }
h1 { font-size: 14pt; margin: 0 0 1mm; color: #0b4f6c; }
.subtitle { font-size: 10pt; margin: 0 0 5mm; }
h2 { font-size: 10.5pt; margin: 4.5mm 0 1.5mm; color: #0b4f6c; break-after: avoid; }
p { margin: 0 0 2mm; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; break-inside: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { text-align: left; font-weight: 600; font-size: 8.5pt; color: #4a6b7a; border-bottom: 1px solid #9fb3bd;
  padding: 1mm 1.5mm; }
td { padding: 0.8mm 1.5mm; border-bottom: 0.5px solid #dce4e8; vertical-align: top; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.sum td { font-weight: 700; border-top: 1px solid #1d2a30; border-bottom: none; }
tr.grand td { font-weight: 700; font-size: 11pt; border-top: 2px solid #0b4f6c; border-bottom: none;
  background: #eef4f7; }
/* The specification stays on one page when it fits on one: split, it left a single row on a page of its own. */
table.lines { font-size: 7.5pt; table-layout: fixed; break-inside: avoid; }
table.lines th { white-space: normal; }
table.lines small { color: #4a6b7a; }
table.facts th { width: 30%; border-bottom: 0.5px solid #dce4e8; font-size: 8.5pt; padding: 0.6mm 1.5mm; }
table.facts td { padding: 0.6mm 1.5mm; }
.keep { break-inside: avoid; }
.nowrap { white-space: nowrap; }
.signature { margin-top: 5mm; }
.owner-access { border: 1.5px solid #1d5a73; border-radius: 2mm; padding: 2mm 4mm; margin: 3mm 0; break-inside: avoid; }
.owner-access .code { font-family: "DejaVu Sans Mono", monospace; font-size: 12pt; white-space: nowrap; }
.owner-access .link { white-space: nowrap; font-weight: 600; }
.acceptance { border: 1px solid #9fb3bd; padding: 3mm 4mm; margin-bottom: 4mm; break-inside: avoid; }
/* No forced page break in any letter: a slip forced onto a new page left the page before it a third to two thirds
   empty (npm run letters, the offers). It keeps together and follows where it fits. */
.acceptance { break-before: auto !important; }
.acceptance .fields { display: flex; gap: 8mm; margin-top: 8mm; }
.acceptance .fields div { flex: 1; border-top: 1px solid #1d2a30; padding-top: 1mm; font-size: 8pt; color: #4a6b7a; }
.due { border: 2px solid #0b4f6c; background: #eef4f7; padding: 2mm 4mm; margin: 2mm 0 3mm; font-size: 10.5pt; }
body.compact .address-row { margin-bottom: 1mm; }
body.compact table.facts th, body.compact table.facts td { padding-top: 0.3mm; padding-bottom: 0.3mm; }
body.compact .subtitle { margin-bottom: 3mm; }
body.compact h1 { font-size: 13pt; }
`;

/** "123 456 789 MVA": the organisation number as letters print it. */
export function printedOrganisationNumber(company: Pick<LetterheadCompany, 'organisationNumber' | 'vatRegistered'>): string {
  const n = company.organisationNumber;
  return `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` + (company.vatRegistered ? ' MVA' : '');
}

export interface LetterFrame {
  title: string;
  company: LetterheadCompany;
  logoSvg: string;
  recipient: { name: string; lines: string[] };
  /** The reference block beside the recipient: label and value, in order. */
  meta: Array<[label: string, value: string | number]>;
  body: Markup;
  /** Tighter spacing, for a letter meant to fit on one page (the work order). */
  compact?: boolean;
  /**
   * Printed at the foot of every page beside "Side n av N". Defaults to the meta entry "Vår referanse" (every
   * letter's case number), so a letter that names its reference there need not repeat it.
   */
  reference?: string;
}

/** A CSS string literal of any text: quotes and backslashes escaped, and `<` too, so it cannot close the style. */
export const cssString = (text: string): string =>
  `"${text.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`;

/** The reference every page's foot carries. */
export function pageReference(frame: Pick<LetterFrame, 'reference' | 'meta'>): string {
  const reference = frame.reference ?? frame.meta.find(([label]) => label === 'Vår referanse')?.[1];
  return reference === undefined ? '' : `Vår referanse ${reference}`;
}

/** The per-letter part of the page style: the reference in the foot of every page. */
function pageFootStyle(company: LetterheadCompany, reference: string): string {
  const text = [company.name, `Org.nr. ${printedOrganisationNumber(company)}`, reference].filter(Boolean).join(' · ');
  return `@page { @bottom-left { content: ${cssString(text)}; } }`;
}

/** The addressee's lines as a letter's window shows them (name first), read back from the letter's HTML. */
export function recipientLinesOf(letterHtml: string): string[] {
  const block = /data-role="recipient">([\s\S]*?)<\/div>/.exec(letterHtml)?.[1] ?? '';
  const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) =>
    ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
  return block.split('<br>').map((line) => unescape(line.trim())).filter((line) => line !== '');
}

/** The company's return address as one line: "Agder Nett AS, Postboks 415 Sentrum, 4604 Kristiansand S". */
export function returnAddressLine(company: LetterheadCompany): string {
  const p = company.postalAddress;
  return `${company.name}, ${p.street}, ${p.postcode} ${p.postTown}`;
}

/**
 * A reference to the law ("§ 16-11", "§§ 16-1") is never broken over two lines: Chromium breaks after a hyphen, and
 * "§ 16-" at a line's end with "11" below reads as another section. Only text between tags is touched.
 */
export function keepLawReferencesTogether(markup: string): string {
  return markup.split(/(<[^>]*>)/).map((part) => (part.startsWith('<') ? part
    : part.replace(/§§?(?:\s|&nbsp;)?\d+-\d+(?:\s?[a-z]\b)?/g, (ref) => `<span class="nowrap">${ref}</span>`))).join('');
}

/** A whole letter: the document, the letterhead, recipient and references, the body, the company footer. */
export function renderLetterFrame(frame: LetterFrame): string {
  const c = frame.company;
  const orgNo = printedOrganisationNumber(c);
  return html`<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${frame.title}</title>
<style>${new Markup(LETTER_STYLE)}</style>
<style>${new Markup(pageFootStyle(c, pageReference(frame)))}</style>
</head>
<body class="${frame.compact ? 'compact' : ''}">
<header class="letterhead">
  ${new Markup(frame.logoSvg)}
  <div class="sender">
    <strong>${c.name}</strong><br>
    ${c.postalAddress.street}, ${c.postalAddress.postcode} ${c.postalAddress.postTown}<br>
    Besøk: ${c.visitingAddress}<br>
    Tlf. ${c.phone} · ${c.email}<br>
    ${c.web} · Org.nr. ${orgNo}
  </div>
</header>

<div class="window" data-role="envelope-window">
  <div class="return-address" data-role="return-address">${returnAddressLine(c)}</div>
  <div class="recipient" data-role="recipient">
    ${frame.recipient.name}<br>
    ${frame.recipient.lines.map((line) => html`${line}<br>`)}
  </div>
</div>
<div class="address-row">
  <dl class="meta">
    ${frame.meta.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}
  </dl>
</div>
${new Markup(keepLawReferencesTogether(frame.body.html))}
</body>
</html>
`.html;
}
