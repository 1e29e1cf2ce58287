// The offer letter's HTML template: A4, inline CSS and the inline SVG logo, nothing fetched. It takes a view in
// which every figure is already formatted (offerLetter.ts builds it) and only escapes and lays it out; the page,
// letterhead, address block and footer are every letter's (letterLayout.ts).
import type { LetterheadCompany } from './letterhead';
import { html, Markup, renderLetterFrame } from './letterLayout';

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
  /** '−', '+', '=' before the label: how the row joins the ones above it (rules/offerSettlement.ts). */
  operator: string;
  net: string;
  vatRate: string;
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
  /** What is bought, as label and value rows: main fuse, phases, network system, connection point. */
  connection: [string, string][];
  /** The cost of the connection per main component; the fee and services are not in it. */
  components: LetterComponentRow[];
  componentTotal: LetterComponentRow;
  lines: LetterLineRow[];
  /** The steps from the cost of the connection to the amount to pay, VAT per row. */
  settlement: LetterSettlementRow[];
  /** Whether the offer works out a contribution (not services alone), and deducts a connection fee from it. */
  hasContribution: boolean;
  hasDeduction: boolean;
  /** "2 300,00 kr"-style amounts for running text. */
  contribution: string;
  /** The most that can be invoiced on top of the contribution after post-calculation (§ 16-11). */
  postCalculationCap: string;
  grandTotal: string;
  validUntil: string;
  paymentTerms: string;
  /** When the installer may start at the connection point: company practice. */
  startApprovalOn: 'paid' | 'accepted';
  caseHandler: { name: string; phone: string | null; email: string | null };
  ownerAccess: { link: string; code: string } | null;
}

/**
 * A regulated anleggsbidrag is not a supply in the VAT Act's sense (merverdiavgiftsloven § 1-3 første ledd bokstav a):
 * it is outside the Act, not a zero-rated ("fritatt") supply. Skatteetaten's binding rulings BFU 15/10 and BFU 21/13
 * (anleggsbidrag for moving a line, agreed with a developer: that one is taxable) and Skattedirektoratet's practice
 * since 1970 for contributions collected under kontrollforskriften (FOR-1999-03-11-302) say so; services carry 25 %.
 */
export const VAT_NOTE = 'Anleggsbidraget er utenfor merverdiavgiftsloven, fordi det kreves inn etter kontrollforskriften; '
  + 'tjenester som byggestrøm og montering av måler har 25 % merverdiavgift.';

/** The regulation by its present title (renamed 2019) and number; §§ 16-1 (the duty) and 16-2 (what the owner is told). */
const REGULATION = new Markup('forskrift om kontroll av nettvirksomhet (kontrollforskriften), '
  + '<span class="nowrap">FOR-1999-03-11-302</span>');

/**
 * The connection agreement (tilknytningsavtale) follows the company's standard connection terms: the industry's
 * "Standard tilknytningsavtale" / standard tilknytningsvilkår, which regulate the grid company and the owner of the
 * installation (Elklagenemnda, "Standardavtaler"; made by Energi Norge with Forbrukerombudet, e.g. hsevnett.no
 * "Leveringsbetingelser"). The letter names them and where the owner finds them.
 *
 * RME, the regulator disagreements about the contribution are brought to (§ 16-2 first paragraph letter d). Postal
 * address as on NVE's letters (Postboks 5091 Majorstuen, 0301 Oslo) and RME's e-mail, rme@nve.no (nve.no,
 * Reguleringsmyndigheten › Klage › Anleggsbidrag; domain.md "Facts checked against public sources").
 */
export const RME_ADDRESS = 'Reguleringsmyndigheten for energi (RME), Postboks 5091 Majorstuen, 0301 Oslo, e-post rme@nve.no';

export function renderLetterHtml(view: LetterView): string {
  const c = view.company;
  const componentRow = (row: LetterComponentRow, className = '') => html`
    <tr class="${className}"><td>${row.label}</td><td class="num">${row.work}</td><td class="num">${row.material}</td>
    <td class="num">${row.total}</td></tr>`;
  const lineRow = (row: LetterLineRow) => html`
    <tr><td>${row.description}<br><small>${row.component} · ${row.kind}</small></td>
    <td class="num">${row.quantity}</td><td class="num">${row.unitPrice}</td><td class="num">${row.net}</td>
    <td class="num">${row.vatRate}</td><td class="num">${row.vat}</td><td class="num">${row.gross}</td></tr>`;
  const settlementRow = (row: LetterSettlementRow) => html`
    <tr class="${row.emphasis ?? ''}"><td><span class="op">${row.operator}</span> ${row.label}</td>
    <td class="num">${row.net}</td><td class="num">${row.vatRate}</td><td class="num">${row.vat}</td>
    <td class="num">${row.gross}</td></tr>`;
  const place = view.installation.address;

  const body = html`
<h1>Tilbud om tilknytning – anleggsbidrag</h1>
<p class="subtitle">Sak ${view.caseNumber} · ${place}${view.installation.cadastralNumber
    ? html`<br>Matrikkelnummer ${view.installation.cadastralNumber}` : ''}${view.installation.meteringPointId
    ? html` · målepunkt-ID ${view.installation.meteringPointId}` : ''}</p>

<p>Vi viser til meldingen om tilknytning av anlegget på ${place}${view.installerName
    ? html`, sendt oss av ${view.installerName} på dine vegne` : ''}. For å knytte anlegget til strømnettet må
  ${c.name} gjøre arbeid i nettet. Du er eier av anlegget, og dette tilbudet gjelder avtalen mellom deg og oss.
  Nedenfor står hva tilknytningen er beregnet å koste, hvordan beløpet er satt sammen, og hvordan du godtar tilbudet.</p>

<div class="keep">
<h2>Hva tilbudet gjelder</h2>
<table class="facts">
  <tbody>${view.connection.map(([label, value]) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`)}</tbody>
</table>
<p>Når du godtar tilbudet, inngår du en tilknytningsavtale med ${c.name} om å knytte anlegget til strømnettet slik det
  står her. Tilknytningsavtalen følger våre standard tilknytningsvilkår, som bygger på bransjens standardavtale for
  tilknytning. Vilkårene finner du på ${c.web}, og vi sender dem til deg om du ber om det.</p>
</div>

${view.components.length > 0 ? html`<h2>Kostnad for tilknytningen fordelt på arbeid og materiell</h2>
<table class="components">
  <thead><tr><th>Hovedkomponent</th><th class="num">Arbeid (kr)</th><th class="num">Materiell (kr)</th>
    <th class="num">Sum (kr)</th></tr></thead>
  <tbody>
    ${view.components.map((row) => componentRow(row))}
    ${componentRow(view.componentTotal, 'sum')}
  </tbody>
</table>` : ''}

<h2>Fra kostnad til beløpet du betaler</h2>
<table class="settlement keep">
  <thead><tr><th>Post</th><th class="num">Eks. mva (kr)</th><th class="num">Mva-sats</th><th class="num">Mva (kr)</th>
    <th class="num">Inkl. mva (kr)</th></tr></thead>
  <tbody>${view.settlement.map(settlementRow)}</tbody>
</table>
<p>${view.hasContribution ? html`Anleggsbidraget er kostnaden for tilknytningen${view.hasDeduction
    ? ' fratrukket tilknytningsgebyret' : ''}, og er i dette tilbudet ${view.contribution}.` : ''}${view.hasDeduction
    ? ' Tilknytningsgebyret og eventuelle tjenester kommer i tillegg, så du betaler gebyret én gang.' : ''}
  ${VAT_NOTE} Merverdiavgiften er beregnet på hver linje for seg. Alle linjene står i spesifikasjonen til slutt i brevet.</p>

<div class="keep">
<h2>Rettslig grunnlag</h2>
<p>Nettselskapet skal fastsette og kreve inn anleggsbidrag etter ${REGULATION} § 16-1. Etter § 16-2 skal vi gi deg
  hjemmelen for anleggsbidraget, vår praksis, det estimerte anleggsbidraget med beregningsgrunnlag og hvor du kan
  bringe en uenighet inn; det står i dette brevet. Anleggsbidraget skal dekke de nødvendige kostnadene ved
  tilknytningen, fratrukket tilknytningsgebyret.</p>
</div>

<div class="keep">
<h2>Estimat og etterberegning</h2>
<p>Beløpet i dette tilbudet er det estimerte anleggsbidraget etter kontrollforskriften. Når arbeidet er ferdig,
  beregner vi anleggsbidraget på nytt ut fra de faktiske kostnadene (etterberegning etter § 16-11):</p>
<ul>
  <li>Blir det faktiske anleggsbidraget lavere enn det du har betalt, betaler vi tilbake forskjellen.</li>
  <li>Blir det høyere, fakturerer vi forskjellen, men høyst 15 prosent utover det estimerte anleggsbidraget – i dette
    tilbudet høyst ${view.postCalculationCap}. Grensen gjelder ikke dersom kostnadsoverskridelsen skyldes forhold på
    din side.</li>
</ul>
</div>

<div class="keep">
<h2>Vår praksis for anleggsbidrag</h2>
<p>${c.practice}</p>
</div>

<div class="keep">
<h2>Uenighet om anleggsbidraget</h2>
<p>Er du uenig i anleggsbidraget eller i hvordan det er beregnet, kan du ta saken opp med oss. Blir vi ikke enige,
  kan du bringe saken inn for ${RME_ADDRESS}.</p>
</div>

<div class="keep">
<h2>Gyldighet, svar og betaling</h2>
<p><strong>Tilbudet gjelder til ${view.validUntil}.</strong> Etter denne datoen må vi gi et nytt tilbud.</p>
${view.ownerAccess ? html`<div class="owner-access">
  <p><strong>Svar på tilbudet på nett.</strong> Gå til <span class="link">${view.ownerAccess.link}</span> og skriv inn
    koden <strong class="code">${view.ownerAccess.code}</strong>. Der kan du lese tilbudet, godta det eller takke nei.
    Koden er personlig: gi den bare til den som skal svare for deg.</p>
</div>
<p>Du kan også godta tilbudet ved å signere og returnere dette brevet til ${c.name}, ${c.postalAddress.street},
  ${c.postalAddress.postcode} ${c.postalAddress.postTown} eller til ${c.email}. Oppgi saksnummer ${view.caseNumber}.</p>`
  : html`<p>Du godtar tilbudet ved å signere og returnere dette brevet til ${c.name}, ${c.postalAddress.street},
  ${c.postalAddress.postcode} ${c.postalAddress.postTown} eller til ${c.email}, eller ved å godta det på
  ${c.portal}. Oppgi saksnummer ${view.caseNumber}.</p>`}
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
  <strong>Svarslipp – sak ${view.caseNumber}, tilbud versjon ${view.offerVersion}</strong><br>
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

`;
  return renderLetterFrame({
    title: `Tilbud om tilknytning – ${view.caseNumber}`,
    company: c,
    logoSvg: view.logoSvg,
    recipient: view.recipient,
    meta: [['Dato', view.date], ['Vår referanse', view.caseNumber], ['Tilbudsversjon', view.offerVersion]],
    body,
  });
}
