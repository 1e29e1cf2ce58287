// The letter on a change of main fuse (endring av hovedsikring) to the customer: the new fuse size and whether it
// costs anything. A larger fuse within the capacity the grid already has needs no reinforcement and costs no
// anleggsbidrag (kontrollforskriften, FOR-1999-03-11-302, § 16-1: a contribution covers the costs of a new connection or of reinforcing
// the grid for the customer); where the grid must be reinforced the customer gets an offer first.
import { html, renderLetterFrame } from '../offers/letterLayout';
import type { CaseLetterFacts } from './caseLetterFacts';
import { caseMeta, factsTable, ownerAddressee, placeOf, signature } from './letterParts';

export interface FuseChangeLetterInput {
  newFuseA: number;
  phases: number | null;
  /** null: no cost; else the offer that follows, by amount as printed. */
  cost: null | { amount: string; what: string };
}

export function fuseChangeLetterHtml(facts: CaseLetterFacts, input: FuseChangeLetterInput): string {
  const body = html`
<h1>Endring av hovedsikring</h1>
<p class="subtitle">Sak ${facts.caseNumber} · ${placeOf(facts)}</p>
<p>${facts.installer.name} har meldt at hovedsikringen for ${placeOf(facts)} skal endres. Vi har behandlet meldingen
  og godkjent den.</p>
${factsTable([
    ['Ny hovedsikring', `${input.newFuseA} A${input.phases ? `, ${input.phases}-fase` : ''}`],
    ['Målepunkt-ID', facts.meteringPointId],
    ['Målernummer', facts.meterNumber],
    ['Installatør', facts.installer.name],
  ])}
<div class="due keep" data-role="fuse-cost">
  ${input.cost === null
    ? html`<strong>Endringen koster deg ingenting hos oss.</strong><br>Nettet har kapasitet til den nye sikringen uten
      forsterkning, og da krever vi ikke anleggsbidrag. Installatørens arbeid avtaler du med installatøren.`
    : html`<strong>Endringen koster ${input.cost.amount}.</strong><br>${input.cost.what} Du får et eget tilbud, og
      arbeidet starter først når du har godtatt det.`}
</div>
<div class="keep">
<h2>Nettleien</h2>
<p>Nettleiens fastledd kan avhenge av hovedsikringen eller av effekten du bruker. En ny sikring kan derfor gi en
  annen nettleie fra den dagen endringen er ferdigmeldt.</p>
</div>
${signature(facts)}`;
  return renderLetterFrame({
    title: `Endring av hovedsikring – sak ${facts.caseNumber}`,
    company: facts.letterhead.company,
    logoSvg: facts.letterhead.logoSvg,
    recipient: ownerAddressee(facts),
    meta: caseMeta(facts),
    body,
  });
}
