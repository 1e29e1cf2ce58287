// Letters to installers, in Norwegian bokmål (they go to a Norwegian installer whatever the desk's language).
// The handler edits the draft before it is sent.

export interface InformationRequestLetterInput {
  caseNumber: string;
  address: string;
  postcode: string;
  postTown: string;
  /** The missing items, in words (their Norwegian labels). */
  missingItems: readonly string[];
  senderName: string;
}

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
    'Med vennlig hilsen',
    input.senderName,
  ].join('\n');
  return { subject: `Mangler i melding ${input.caseNumber} – ${input.address}`, body };
}
