// The offer letter's one HTML template: A4, inline CSS and the inline SVG logo, nothing fetched. It takes a view in
// which every figure is already formatted (offerLetter.ts builds it) and only escapes and lays it out.
import type { LetterheadCompany } from './letterhead';

export interface LetterComponentRow {
  label: string;
  work: string;
  material: string;
  total: string;
}

export interface LetterLineRow {
  description: string;
  component: string;
  kind: string;
  quantity: string;
  unitPrice: string;
  net: string;
  vatRate: string;
  vat: string;
  gross: string;
}

export interface LetterSettlementRow {
  label: string;
  net: string;
  vat: string;
  gross: string;
  emphasis: 'sum' | 'grand' | null;
}

export interface LetterView {
  company: LetterheadCompany;
  logoSvg: string;
  date: string;
  recipient: { name: string; lines: string[] };
  caseNumber: string;
  offerVersion: number;
  installation: { address: string; cadastralNumber: string | null; meteringPointId: string | null };
  installerName: string | null;
  components: LetterComponentRow[];
  componentTotal: LetterComponentRow;
  lines: LetterLineRow[];
  /** Per VAT code, the connection fee deduction, the sums and what is to be paid. */
  settlement: LetterSettlementRow[];
  /** "2 300,00 kr"-style amounts for running text. */
  contribution: string;
  grandTotal: string;
  validUntil: string;
  paymentTerms: string;
  /** When the installer may start at the connection point: company practice. */
  startApprovalOn: 'paid' | 'accepted';
  caseHandler: { name: string; phone: string | null; email: string | null };
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Tagged template that escapes every interpolated value unless it is already markup (a Markup). */
class Markup {
  constructor(readonly html: string) {}
}
const html = (strings: TemplateStringsArray, ...values: unknown[]): Markup =>
  new Markup(strings.reduce((out, s, i) => {
    if (i === 0) return s;
    const value = values[i - 1];
    const text = value instanceof Markup ? value.html
      : Array.isArray(value) ? value.map((v) => (v instanceof Markup ? v.html : escapeHtml(String(v)))).join('')
        : value === null || value === undefined ? '' : escapeHtml(String(value));
    return out + text + s;
  }, ''));

const LEGAL_BASIS = new Markup('forskrift om økonomisk og teknisk rapportering, inntektsramme for nettvirksomheten og '
  + 'tariffer (kontrollforskriften), <span class="nowrap">FOR-1999-03-11-302</span>, kapittel 16');

const STYLE = `
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
.keep { break-inside: avoid; }
.nowrap { white-space: nowrap; }
.signature { margin-top: 5mm; }
.acceptance { border: 1px solid #9fb3bd; padding: 3mm 4mm; margin-bottom: 4mm; break-inside: avoid; }
.acceptance .fields { display: flex; gap: 8mm; margin-top: 8mm; }
.acceptance .fields div { flex: 1; border-top: 1px solid #1d2a30; padding-top: 1mm; font-size: 8pt; color: #4a6b7a; }
footer.company { margin-top: 10mm; border-top: 1px solid #9fb3bd; padding-top: 2mm; font-size: 7.5pt; color: #4a6b7a;
  display: flex; justify-content: space-between; }
`;

export function renderLetterHtml(view: LetterView): string {
  const c = view.company;
  const orgNo = `${c.organisationNumber.slice(0, 3)} ${c.organisationNumber.slice(3, 6)} ${c.organisationNumber.slice(6)}`
    + (c.vatRegistered ? ' MVA' : '');
  const componentRow = (row: LetterComponentRow, className = '') => html`
    <tr class="${className}"><td>${row.label}</td><td class="num">${row.work}</td><td class="num">${row.material}</td>
    <td class="num">${row.total}</td></tr>`;
  const lineRow = (row: LetterLineRow) => html`
    <tr><td>${row.description}<br><small>${row.component} · ${row.kind}</small></td>
    <td class="num">${row.quantity}</td><td class="num">${row.unitPrice}</td><td class="num">${row.net}</td>
    <td class="num">${row.vatRate}</td><td class="num">${row.vat}</td><td class="num">${row.gross}</td></tr>`;
  const settlementRow = (row: LetterSettlementRow) => html`
    <tr class="${row.emphasis ?? ''}"><td>${row.label}</td><td class="num">${row.net}</td><td class="num">${row.vat}</td>
    <td class="num">${row.gross}</td></tr>`;
  const place = view.installation.address;

  return html`<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Tilbud om tilknytning – ${view.caseNumber}</title>
<style>${new Markup(STYLE)}</style>
</head>
<body>
<header class="letterhead">
  ${new Markup(view.logoSvg)}
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
    ${view.recipient.name}<br>
    ${view.recipient.lines.map((line) => html`${line}<br>`)}
  </div>
  <dl class="meta">
    <dt>Dato</dt><dd>${view.date}</dd>
    <dt>Vår referanse</dt><dd>${view.caseNumber}</dd>
    <dt>Tilbudsversjon</dt><dd>${view.offerVersion}</dd>
  </dl>
</div>

<h1>Tilbud om tilknytning – anleggsbidrag</h1>
<p class="subtitle">Sak ${view.caseNumber} · ${place}${view.installation.cadastralNumber
    ? html`<br>Matrikkelnummer ${view.installation.cadastralNumber}` : ''}${view.installation.meteringPointId
    ? html` · målepunkt-ID ${view.installation.meteringPointId}` : ''}</p>

<p>Vi viser til meldingen om tilknytning av anlegget på ${place}${view.installerName
    ? html`, sendt oss av ${view.installerName} på dine vegne` : ''}. For å knytte anlegget til strømnettet må
  ${c.name} gjøre arbeid i nettet. Du er eier av anlegget, og dette tilbudet gjelder avtalen mellom deg og oss.
  Nedenfor står hva tilknytningen er beregnet å koste, hvordan beløpet er satt sammen, og hvordan du godtar tilbudet.</p>

<h2>Kostnadsoverslag fordelt på arbeid og materiell</h2>
<table class="components">
  <thead><tr><th>Hovedkomponent</th><th class="num">Arbeid (kr)</th><th class="num">Materiell (kr)</th>
    <th class="num">Sum eks. mva (kr)</th></tr></thead>
  <tbody>
    ${view.components.map((row) => componentRow(row))}
    ${componentRow(view.componentTotal, 'sum')}
  </tbody>
</table>

<h2>Oppgjør og merverdiavgift</h2>
<table class="settlement keep">
  <thead><tr><th>Post</th><th class="num">Eks. mva (kr)</th><th class="num">Mva (kr)</th>
    <th class="num">Inkl. mva (kr)</th></tr></thead>
  <tbody>${view.settlement.map(settlementRow)}</tbody>
</table>
<p>Anleggsbidraget i dette tilbudet er ${view.contribution}. Merverdiavgiften er beregnet på hver linje for seg. Anleggsbidrag er ikke merverdiavgiftspliktig (sats 0 %);
  tjenester er det (25 %). Alle linjene står i spesifikasjonen til slutt i brevet.</p>

<div class="keep">
<h2>Rettslig grunnlag</h2>
<p>Nettselskapet skal fastsette og kreve inn anleggsbidrag etter ${LEGAL_BASIS}. Anleggsbidraget skal dekke de
  faktiske kostnadene ved tilknytningen og er fastsatt etter denne forskriften.</p>
</div>

<div class="keep">
<h2>Vår praksis for anleggsbidrag</h2>
<p>${c.practice}</p>
</div>

<div class="keep">
<h2>Uenighet om anleggsbidraget</h2>
<p>Er du uenig i anleggsbidraget eller i hvordan det er beregnet, kan du ta saken opp med oss. Blir vi ikke enige,
  kan du bringe uenigheten inn for Reguleringsmyndigheten for energi (RME) i NVE, som avgjør saken.</p>
</div>

<div class="keep">
<h2>Gyldighet, aksept og betaling</h2>
<p><strong>Tilbudet gjelder til ${view.validUntil}.</strong> Etter denne datoen må vi gi et nytt tilbud.</p>
<p>Du godtar tilbudet ved å signere og returnere dette brevet til ${c.name}, ${c.postalAddress.street},
  ${c.postalAddress.postcode} ${c.postalAddress.postTown} eller til ${c.email}, eller ved å godta det på
  ${c.portal}. Oppgi saksnummer ${view.caseNumber}.</p>
<p>Betaling: ${view.paymentTerms}</p>
<p>Installatøren får klarsignal til å starte arbeidet ved tilknytningspunktet når ${view.startApprovalOn === 'paid'
    ? 'anleggsbidraget er betalt' : 'du har godtatt tilbudet'}. Arbeid som gjøres før det, skjer for egen risiko.</p>
</div>

<div class="signature keep">
<p>Har du spørsmål, ta kontakt med saksbehandleren din.</p>
<p>Med vennlig hilsen<br>${c.name}</p>
<p><strong>${view.caseHandler.name}</strong><br>Saksbehandler${view.caseHandler.phone
    ? html` · tlf. ${view.caseHandler.phone}` : ''}${view.caseHandler.email ? html` · ${view.caseHandler.email}` : ''}</p>
</div>

<section class="acceptance" style="break-before: page">
  <strong>Aksept av tilbud – sak ${view.caseNumber}, versjon ${view.offerVersion}</strong><br>
  Jeg godtar tilbudet om tilknytning av ${place} til ${view.grandTotal} inkl. mva.
  <div class="fields"><div>Sted og dato</div><div>Underskrift</div><div>Navn med blokkbokstaver</div></div>
</section>

<h2>Spesifikasjon av kostnadsoverslaget</h2>
<table class="lines">
  <colgroup><col style="width: 34%"><col style="width: 9%"><col style="width: 12%"><col style="width: 12%">
    <col style="width: 9%"><col style="width: 11%"><col style="width: 13%"></colgroup>
  <thead><tr><th>Linje</th><th class="num">Mengde</th><th class="num">Enhetspris (kr)</th><th class="num">Eks. mva (kr)</th>
    <th class="num">Mva-sats</th><th class="num">Mva (kr)</th><th class="num">Inkl. mva (kr)</th></tr></thead>
  <tbody>${view.lines.map(lineRow)}</tbody>
</table>

<footer class="company">
  <span>${c.name} · Org.nr. ${orgNo}</span><span>${c.web}</span>
</footer>
</body>
</html>
`.html;
}
