// The start message (klarsignal) as a printable letter to the installer: the work at the connection point may
// start, why now, and who does each piece of grid-side work — the installer, the area supplier under the
// framework agreement, or the grid company itself. Signed by the company and the case handler by name.
// Never "igangsettingstillatelse": that is the building-permit term of plan- og bygningsloven (§ 21-2), not ours.
import { formatDateNb, GRID_WORK_NAMES_NB, type GridWorkKind, type WorkPerformer } from '../../shared/rules';
import { html, renderLetterFrame } from '../offers/letterLayout';
import type { CaseLetterFacts } from './caseLetterFacts';
import { caseMeta, factsTable, installerAddressee, placeOf, signature } from './letterParts';

export interface StartApprovalLetterInput {
  /** What released the work: payment or acceptance of an offer, or an approval that needed no offer. */
  release:
    | { by: 'payment' | 'acceptance'; offerVersion: number; on: string }
    | { by: 'approval'; on: string };
  /** Each grid-side work and who does it; `name` is the firm (installer or supplier) or the grid company. */
  work: Array<{ kind: GridWorkKind; performer: WorkPerformer; name: string }>;
}

const PERFORMER_NB: Readonly<Record<WorkPerformer, string>> = {
  installer: 'dere som installatør',
  area_supplier: 'områdeentreprenøren etter vår rammeavtale',
  grid_company: 'nettselskapet',
};

function why(release: StartApprovalLetterInput['release']): string {
  const on = formatDateNb(release.on);
  if (release.by === 'payment') return `Anleggsbidraget etter tilbud versjon ${release.offerVersion} er registrert betalt ${on}.`;
  if (release.by === 'acceptance') {
    return `Eieren godtok tilbud versjon ${release.offerVersion} ${on}, og vi frigir arbeidet når tilbudet er godtatt.`;
  }
  return `Forhåndsmeldingen ble godkjent ${on}, og saken krever ikke anleggsbidrag.`;
}

export function startApprovalLetterHtml(facts: CaseLetterFacts, input: StartApprovalLetterInput): string {
  const body = html`
<h1>Klarsignal: arbeidet kan starte</h1>
<p class="subtitle">Sak ${facts.caseNumber} · ${placeOf(facts)}</p>
<p>Arbeidet i tilknytningspunktet for ${placeOf(facts)} kan starte. ${why(input.release)}</p>
${factsTable([['Anleggsadresse', placeOf(facts)], ['Matrikkelnummer', facts.cadastralNumber], ['Eier', facts.owner.name],
    ['Hovedsikring', facts.mainFuseA === null ? null : `${facts.mainFuseA} A`]])}
<div class="keep">
<h2>Hvem gjør arbeidet</h2>
<table class="facts" data-role="who-does-the-work"><tbody>${input.work.map((work) => html`
  <tr><th scope="row">${GRID_WORK_NAMES_NB[work.kind]}</th><td>${work.name} (${PERFORMER_NB[work.performer]})</td></tr>`)}
</tbody></table>
${input.work.some((work) => work.performer !== 'installer')
    ? html`<p>Avtal tidspunkt med den som gjør arbeidet i nettet. Kobling og frakobling i nettet avtales med
      driftssentralen vår; ingen kobler i nettselskapets skap uten avtale.</p>` : ''}
</div>
<div class="keep">
<h2>Når arbeidet er utført</h2>
<p>Send ferdigmelding i portalen med målerstand og dato for spenningssetting. Vi monterer ikke måler og registrerer
  ikke målepunktet før ferdigmeldingen er mottatt.</p>
</div>
${signature(facts)}`;
  return renderLetterFrame({
    title: `Klarsignal – sak ${facts.caseNumber}`,
    company: facts.letterhead.company,
    logoSvg: facts.letterhead.logoSvg,
    recipient: installerAddressee(facts),
    meta: caseMeta(facts),
    body,
  });
}
