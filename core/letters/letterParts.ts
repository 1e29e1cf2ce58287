// The pieces the case letters share: the installer as addressee, the reference block, the signature with the
// company and the case handler by name, and a portal message's plain text set as paragraphs.
import { formatDateNb } from '../../shared/rules';
import { html, type LetterFrame, type Markup } from '../offers/letterLayout';
import type { CaseLetterFacts } from './caseLetterFacts';

/** "Storgata 1, 4610 Kristiansand S". */
export const placeOf = (facts: Pick<CaseLetterFacts, 'place'>): string =>
  `${facts.place.address}, ${facts.place.postcode} ${facts.place.postTown}`;

/** The installer firm as the window shows it: the firm, the person the request named, the e-mail the portal uses. */
export function installerAddressee(facts: CaseLetterFacts): LetterFrame['recipient'] {
  const i = facts.installer;
  return { name: i.name, lines: [...(i.contact ? [`Att.: ${i.contact}`] : []), ...(i.email ? [i.email] : [])] };
}

/** The owner, at the owner's postal address (or the installation's, where none is recorded). */
export function ownerAddressee(facts: CaseLetterFacts): LetterFrame['recipient'] {
  const { address, postcode, postTown } = facts.owner.postal;
  return { name: facts.owner.name, lines: [address, `${postcode} ${postTown}`] };
}

export function caseMeta(facts: CaseLetterFacts): LetterFrame['meta'] {
  return [['Dato', formatDateNb(facts.today)], ['Vår referanse', facts.caseNumber], ['Saksbehandler', facts.caseHandler.name]];
}

/** Signed by the company and the case handler by name, with how to reach the handler. */
export function signature(facts: CaseLetterFacts): Markup {
  const c = facts.letterhead.company;
  const reach = [facts.caseHandler.email, `tlf. ${c.phone}`].filter(Boolean).join(' · ');
  return html`<div class="signature keep" data-role="signature">
<p>Med vennlig hilsen<br><strong>${c.name}</strong></p>
<p>${facts.caseHandler.name}<br>saksbehandler<br><small>${reach}</small></p>
</div>`;
}

/**
 * A portal message's text as paragraphs: blank lines part paragraphs, "- " lines are a list. The greeting and the
 * message's own closing lines ("Med vennlig hilsen" and the name after it) give way to the letter's signature.
 */
export function paragraphsOf(text: string): Markup {
  const lines = text.split('\n');
  const closing = lines.findIndex((line) => line.trim() === 'Med vennlig hilsen');
  const kept = (closing >= 0 ? lines.slice(0, closing) : lines).filter((line, index) => !(index === 0 && /^Hei\b/.test(line)));
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of kept) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return html`${blocks.map((block) => {
    const items = block.filter((line) => line.startsWith('- '));
    const prose = block.filter((line) => !line.startsWith('- '));
    return html`${prose.length > 0 ? html`<p>${prose.join(' ')}</p>` : ''}${items.length > 0
      ? html`<ul class="keep">${items.map((item) => html`<li>${item.slice(2)}</li>`)}</ul>` : ''}`;
  })}`;
}

/** A small facts table; rows without a value are left out. */
export function factsTable(rows: Array<[label: string, value: string | null | undefined]>): Markup {
  return html`<table class="facts keep"><tbody>${rows
    .filter((row): row is [string, string] => Boolean(row[1]))
    .map(([label, value]) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`)}</tbody></table>`;
}
