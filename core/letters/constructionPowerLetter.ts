// The order confirmation for construction power (ordrebekreftelse byggestrøm) to the customer: the period, the
// cabinet, the rent per day and the fees, and the meter readings taken when the cabinet is connected and when it is
// disconnected — the readings are what the customer pays by, and the support desk's most asked question.
// The rent is billed afterwards for the days the cabinet was actually connected (issue 13, item 3), not up front.
import { formatDateNb } from '../../shared/rules';
import { html, renderLetterFrame } from '../offers/letterLayout';
import type { CaseLetterFacts } from './caseLetterFacts';
import { caseMeta, factsTable, ownerAddressee, placeOf, signature } from './letterParts';

export interface ConstructionPowerLetterInput {
  /** YYYY-MM-DD: the wanted connection and the expected end; the real days count. */
  periodFrom: string;
  periodTo: string;
  cabinetId: string;
  /** Amounts as printed, including VAT: "45,00 kr". */
  rentPerDay: string;
  connectFee: string | null;
  disconnectFee: string | null;
}

export function constructionPowerLetterHtml(facts: CaseLetterFacts, input: ConstructionPowerLetterInput): string {
  const body = html`
<h1>Ordrebekreftelse: byggestrøm</h1>
<p class="subtitle">Sak ${facts.caseNumber} · ${placeOf(facts)}</p>
<p>Vi bekrefter bestillingen av byggestrøm fra ${facts.installer.name} på vegne av deg.</p>
${factsTable([
    ['Byggeplass', placeOf(facts)],
    ['Matrikkelnummer', facts.cadastralNumber],
    ['Periode', `${formatDateNb(input.periodFrom)} – ${formatDateNb(input.periodTo)} (ventet)`],
    ['Byggestrømskap', input.cabinetId],
    ['Hovedsikring', facts.mainFuseA === null ? null : `${facts.mainFuseA} A`],
    ['Målepunkt-ID', facts.meteringPointId],
    ['Leie av skap', `${input.rentPerDay} per dag, inkl. mva.`],
    ['Tilkobling', input.connectFee ? `${input.connectFee}, inkl. mva.` : null],
    ['Frakobling', input.disconnectFee ? `${input.disconnectFee}, inkl. mva.` : null],
  ])}
<div class="keep">
<h2>Måleravlesning ved start og slutt</h2>
<p>Vi leser av måleren den dagen skapet kobles til, og igjen den dagen det kobles fra. Avlesningene står på
  fakturaen, og nettleien regnes av forbruket mellom dem. Ta gjerne et bilde av måleren med dato begge dagene.</p>
</div>
<div class="keep">
<h2>Leie og avslutning</h2>
<p>Leien faktureres etterskuddsvis for de dagene skapet faktisk har vært tilkoblet, ikke for hele perioden på
  forhånd. Når byggestrømmen ikke trengs lenger, ber installatøren om frakobling i portalen. Vi kobler fra, leser
  av måleren og avslutter målepunktet.</p>
</div>
${signature(facts)}`;
  return renderLetterFrame({
    title: `Ordrebekreftelse byggestrøm – sak ${facts.caseNumber}`,
    company: facts.letterhead.company,
    logoSvg: facts.letterhead.logoSvg,
    recipient: ownerAddressee(facts),
    meta: caseMeta(facts),
    body,
  });
}
