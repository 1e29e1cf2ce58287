// The decision on the advance notice as a printable letter to the installer: approval with its conditions, or
// rejection with its reason. The words are the portal message's (rules/decisionMessages.ts), so the two never
// disagree; the letter adds the frame, the facts and the signature.
import { decisionLetter, type ApprovalNextStep } from '../../shared/rules';
import { html, renderLetterFrame } from '../offers/letterLayout';
import type { CaseLetterFacts } from './caseLetterFacts';
import { caseMeta, factsTable, installerAddressee, paragraphsOf, placeOf, signature } from './letterParts';

export type Decision =
  | { kind: 'approval'; conditions: readonly string[]; nextStep: ApprovalNextStep; releaseOnAcceptance?: boolean }
  | { kind: 'rejection'; reason: string };

const TITLE: Readonly<Record<Decision['kind'], string>> = {
  approval: 'Forhåndsmeldingen er godkjent',
  rejection: 'Forhåndsmeldingen er avvist',
};

/** The message's "Gjelder <place> (saksnummer …)." line: the letter's subtitle and facts already say it. */
const withoutCaseLine = (body: string): string => body.split('\n').filter((line) => !line.startsWith('Gjelder ')).join('\n');

export function decisionLetterHtml(facts: CaseLetterFacts, decision: Decision): string {
  const message = decisionLetter({
    ...decision,
    caseNumber: facts.caseNumber,
    address: facts.place.address,
    postcode: facts.place.postcode,
    postTown: facts.place.postTown,
    requestType: facts.requestType,
  });
  const body = html`
<h1>${TITLE[decision.kind]}</h1>
<p class="subtitle">Sak ${facts.caseNumber} · ${placeOf(facts)}</p>
${factsTable([['Anleggsadresse', placeOf(facts)], ['Matrikkelnummer', facts.cadastralNumber], ['Eier', facts.owner.name],
    ['Hovedsikring', facts.mainFuseA === null ? null : `${facts.mainFuseA} A`]])}
${paragraphsOf(withoutCaseLine(message.body))}
${signature(facts)}`;
  return renderLetterFrame({
    title: `${TITLE[decision.kind]} – sak ${facts.caseNumber}`,
    company: facts.letterhead.company,
    logoSvg: facts.letterhead.logoSvg,
    recipient: installerAddressee(facts),
    meta: caseMeta(facts),
    body,
  });
}
