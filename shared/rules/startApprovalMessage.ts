// The installer's start approval (klarsignal; not "igangsettingstillatelse", the building-permit term), in Norwegian bokmål like every message to an installer:
// the work at the connection point may start because the owner has paid the investment contribution — or accepted
// the offer, where the grid company releases the work on acceptance. Dates as letters write them (norwegianDate.ts).
import { formatDateNb } from './norwegianDate';

export interface StartApprovalInput {
  caseNumber: string;
  address: string;
  postcode: string;
  postTown: string;
  offerVersion: number;
  /** What released the work. */
  releasedBy: 'payment' | 'acceptance';
  /** `YYYY-MM-DD`. */
  releasedOn: string;
}


export function startApprovalMessage(input: StartApprovalInput): { subject: string; body: string } {
  const place = `${input.address}, ${input.postcode} ${input.postTown}`;
  const why = input.releasedBy === 'payment'
    ? `Anleggsbidraget etter tilbud versjon ${input.offerVersion} er registrert betalt ${formatDateNb(input.releasedOn.slice(0, 10))}.`
    : `Eieren godtok tilbud versjon ${input.offerVersion} ${formatDateNb(input.releasedOn.slice(0, 10))}, og vi frigir arbeidet når tilbudet er godtatt.`;
  const body = [
    'Hei,',
    '',
    `Arbeidet i tilknytningspunktet for ${place} (saksnummer ${input.caseNumber}) kan starte.`,
    why,
    '',
    'Husk ferdigmelding i portalen når arbeidet er utført. Vi spenningssetter ikke før ferdigmeldingen er mottatt.',
    '',
    'Med vennlig hilsen',
    'Nettselskapet',
  ].join('\n');
  return { subject: `Klarsignal ${input.caseNumber} – ${input.address}`, body };
}
