// What every letter the grid company sends shares — the offer to the owner, the work order to an area supplier:
// one A4 page style, the letterhead (logo and sender), the recipient and reference block, and the company footer.
// Each letter's template fills the body; values are escaped by the `html` tag unless they are already Markup.
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

export const LETTER_STYLE = `
@page { size: A4; margin: 15mm 18mm 16mm 22mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Inter", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 9.5pt; line-height: 1.42; color: #1d2a30; }
header.letterhead { display: flex; justify-content: space-between; align-items: flex-start;
  border-bottom: 2px solid #0b4f6c; padding-bottom: 3mm; margin-bottom: 7mm; }
header.letterhead svg { width: 62mm; height: auto; }
header.letterhead .sender { text-align: right; font-size: 8pt; color: #4a6b7a; line-height: 1.35; }
.address-row { display: flex; justify-content: space-between; align-items: flex-start; margin-bottom: 6mm; }
.recipient { font-size: 10.5pt; line-height: 1.35; min-height: 18mm; padding-top: 2mm; }
.meta { font-size: 8.5pt; text-align: right; }
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
table.lines { font-size: 7.5pt; table-layout: fixed; }
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
.acceptance .fields { display: flex; gap: 8mm; margin-top: 8mm; }
.acceptance .fields div { flex: 1; border-top: 1px solid #1d2a30; padding-top: 1mm; font-size: 8pt; color: #4a6b7a; }
.due { border: 2px solid #0b4f6c; background: #eef4f7; padding: 2mm 4mm; margin: 2mm 0 3mm; font-size: 10.5pt; }
body.compact .recipient { min-height: 0; }
body.compact .address-row { margin-bottom: 4mm; }
body.compact footer.company { margin-top: 3mm; }
body.compact .subtitle { margin-bottom: 3mm; }
body.compact h1 { font-size: 13pt; }
footer.company { margin-top: 10mm; border-top: 1px solid #9fb3bd; padding-top: 2mm; font-size: 7.5pt; color: #4a6b7a;
  display: flex; justify-content: space-between; }
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
</head>
<body class="${frame.compact ? 'compact' : ''}">
<header class="letterhead">
  ${new Markup(frame.logoSvg)}
  <div class="sender">
    <strong>${c.name}</strong><br>
    ${c.postalAddress.street}<br>${c.postalAddress.postcode} ${c.postalAddress.postTown}<br>
    Besøk: ${c.visitingAddress}<br>
    Tlf. ${c.phone} · ${c.email}<br>${c.web}<br>
    Org.nr. ${orgNo}
  </div>
</header>

<div class="address-row">
  <div class="recipient" data-role="recipient">
    ${frame.recipient.name}<br>
    ${frame.recipient.lines.map((line) => html`${line}<br>`)}
  </div>
  <dl class="meta">
    ${frame.meta.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}
  </dl>
</div>
${frame.body}
<footer class="company">
  <span>${c.name} · Org.nr. ${orgNo}</span><span>${c.web}</span>
</footer>
</body>
</html>
`.html;
}
