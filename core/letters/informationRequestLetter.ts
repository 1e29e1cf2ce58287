// The request for information (mangelbrev) as a printable letter to the installer: the missing items in the portal
// message's words (rules/messageTemplates.ts), a reply deadline and what happens when it passes.
//
// The deadline is the company's practice, not a rule of law: no regulation sets one for an advance notice. Grid
// companies send an incomplete notice back to the installer to be corrected (Arva/Nordlandsnett, "Saksgangen til en
// nettmelding": "sendes meldingen i retur til installatør med pålegg om å rette") and count the handling time from
// the complete notice (Elvia, "Behandlingstid for meldinger"). We give a fixed 14 days to answer; after that the
// case may be closed and a new notice is needed.
import { formatDateNb, informationRequestLetter, replyDeadline, replyDeadlineText } from '../../shared/rules';

export { INFORMATION_REPLY_DAYS, replyDeadline } from '../../shared/rules';
import { html, renderLetterFrame } from '../offers/letterLayout';
import type { CaseLetterFacts } from './caseLetterFacts';
import { caseMeta, installerAddressee, paragraphsOf, placeOf, signature } from './letterParts';

export function informationRequestLetterHtml(facts: CaseLetterFacts, missingItems: readonly string[]): string {
  const message = informationRequestLetter({
    caseNumber: facts.caseNumber,
    address: facts.place.address,
    postcode: facts.place.postcode,
    postTown: facts.place.postTown,
    missingItems: [...missingItems],
    senderName: facts.caseHandler.name,
    replyBy: replyDeadline(facts.today),
  });
  const deadline = formatDateNb(replyDeadline(facts.today));
  const body = html`
<h1>Forespørsel om opplysninger</h1>
<p class="subtitle">Sak ${facts.caseNumber} · ${placeOf(facts)}</p>
${paragraphsOf(message.body.replace(replyDeadlineText(replyDeadline(facts.today)), ''))}
<div class="due keep" data-role="reply-deadline">
  <strong>Svarfrist: ${deadline}</strong><br>
  Har vi ikke fått opplysningene innen fristen, kan vi avslutte saken uten nytt varsel. Da må dere sende en ny
  forhåndsmelding når opplysningene er klare.
</div>
${signature(facts)}`;
  return renderLetterFrame({
    title: `Forespørsel om opplysninger – sak ${facts.caseNumber}`,
    company: facts.letterhead.company,
    logoSvg: facts.letterhead.logoSvg,
    recipient: installerAddressee(facts),
    meta: caseMeta(facts),
    body,
  });
}
