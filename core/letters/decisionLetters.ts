// A decision or an ending told to the installer, as a printable letter: approval with its conditions, rejection or
// referral with its reason, a withdrawal, a cancellation or a closure, a refused ferdigmelding. The words are the
// portal message's (rules/decisionMessages.ts, closureMessages.ts, completionNotice.ts), so the two never disagree;
// the letter adds the frame, the facts and the signature.
import {
  closureLetter, completionRefusalMessage, decisionLetter, type ApprovalNextStep, type ClosureMessageKind, type ClosureReason,
  type CompletionRefusal,
} from '../../shared/rules';
import { html, renderLetterFrame } from '../offers/letterLayout';
import type { CaseLetterFacts } from './caseLetterFacts';
import { caseMeta, factsTable, installerAddressee, paragraphsOf, placeOf, signature } from './letterParts';

export type Decision =
  | { kind: 'approval'; conditions: readonly string[]; nextStep: ApprovalNextStep; releaseOnAcceptance?: boolean }
  | { kind: 'rejection'; reason: string }
  | { kind: 'developer_referral'; reason: string }
  | { kind: ClosureMessageKind; closureReason: ClosureReason; reason?: string; costsOre?: number | null }
  | { kind: 'completion_refused'; refusals: readonly CompletionRefusal[] };

const TITLE: Readonly<Record<Decision['kind'], string>> = {
  approval: 'Forhåndsmeldingen er godkjent',
  rejection: 'Forhåndsmeldingen er avvist',
  developer_referral: 'Forhåndsmeldingen hører til et utbyggerprosjekt',
  withdrawal: 'Forhåndsmeldingen er trukket',
  cancellation: 'Bestillingen er kansellert',
  closure: 'Saken er avsluttet',
  completion_refused: 'Ferdigmeldingen kunne ikke tas imot',
};

/** The message's "Gjelder <place> (saksnummer …)." line: the letter's subtitle and facts already say it. */
const withoutCaseLine = (body: string): string => body.split('\n').filter((line) => !line.startsWith('Gjelder ')).join('\n');

/** The portal message's text for the decision: the same function the desk and the service write it with. */
function messageBody(facts: CaseLetterFacts, decision: Decision): string {
  const letterCase = {
    caseNumber: facts.caseNumber, address: facts.place.address, postcode: facts.place.postcode,
    postTown: facts.place.postTown, requestType: facts.requestType,
  };
  switch (decision.kind) {
    case 'approval': case 'rejection': case 'developer_referral':
      return decisionLetter({ ...decision, ...letterCase }).body;
    case 'completion_refused':
      return completionRefusalMessage({ caseNumber: facts.caseNumber, address: placeOf(facts), refusals: decision.refusals }).body;
    default:
      return closureLetter({ ...decision, ...letterCase }).body;
  }
}

export function decisionLetterHtml(facts: CaseLetterFacts, decision: Decision): string {
  const body = html`
<h1>${TITLE[decision.kind]}</h1>
<p class="subtitle">Sak ${facts.caseNumber} · ${placeOf(facts)}</p>
${factsTable([['Anleggsadresse', placeOf(facts)], ['Matrikkelnummer', facts.cadastralNumber], ['Eier', facts.owner.name],
    ['Hovedsikring', facts.mainFuseA === null ? null : `${facts.mainFuseA} A`]])}
${paragraphsOf(withoutCaseLine(messageBody(facts, decision)))}
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
