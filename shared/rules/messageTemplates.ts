// Letters to installers, in Norwegian bokmål (they go to a Norwegian installer whatever the desk's language).
// The handler edits the draft before it is sent.
import { formatDateNb } from './norwegianDate';

export interface InformationRequestLetterInput {
  caseNumber: string;
  address: string;
  postcode: string;
  postTown: string;
  /** The missing items, in words (their Norwegian labels). */
  missingItems: readonly string[];
  senderName: string;
  /**
   * The last day to answer (YYYY-MM-DD; `replyDeadline`), and what happens after it. The company's practice, not a
   * rule of law: no regulation sets a deadline for an advance notice; grid companies return an incomplete notice to
   * be corrected (Arva/Nordlandsnett, "Saksgangen til en nettmelding") and count the handling time from the complete
   * notice (Elvia, "Behandlingstid for meldinger").
   */
  replyBy: string;
}

/** Days the installer has to answer a request for information, counted from the day it is written. */
export const INFORMATION_REPLY_DAYS = 14;

/** The reply deadline: `days` calendar days after `isoDate`. */
export function replyDeadline(isoDate: string, days = INFORMATION_REPLY_DAYS): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "Har vi ikke fått …": the deadline and what follows it, one paragraph in the message and the printed letter. */
export const replyDeadlineText = (replyBy: string): string =>
  `Svarfrist: ${formatDateNb(replyBy)}. Har vi ikke fått opplysningene innen fristen, kan vi avslutte saken uten nytt ` +
  'varsel. Da må dere sende en ny forhåndsmelding når opplysningene er klare.';

export function informationRequestLetter(input: InformationRequestLetterInput): { subject: string; body: string } {
  const place = `${input.address}, ${input.postcode} ${input.postTown}`;
  const body = [
    'Hei,',
    '',
    `Takk for meldingen om ${place} (saksnummer ${input.caseNumber}).`,
    '',
    'Vi mangler følgende for å kunne behandle meldingen:',
    ...input.missingItems.map((item) => `- ${item}`),
    '',
    'Send oss dette som et tillegg til meldingen i portalen. Saken venter til vi har mottatt det, og ' +
      'behandlingstiden regnes fra meldingen er komplett.',
    '',
    replyDeadlineText(input.replyBy),
    '',
    'Med vennlig hilsen',
    input.senderName,
  ].join('\n');
  return { subject: `Mangler i melding ${input.caseNumber} – ${input.address}`, body };
}
