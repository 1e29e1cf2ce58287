// The installer's answer to an advance notice (forhåndsmelding), in bokmål like every message to an installer:
// approved with the grid company's conditions and what happens next, rejected with the reason, or referred to a
// developer project with the reason. Written in the same transaction as the decision, on the desk and centrally.
//
// Practice behind the words (checked December 2026): each advance notice goes back to the installer approved,
// possibly with conditions, or rejected with reasons; the installer then does the work and sends the ferdigmelding,
// and the grid company energises and registers the meter only after it (Nordlandsnett/Arva, "Saksgangen til en
// nettmelding", arva.no; Lede, "Opprette melding tilkobling av byggestrømskap": "Når meldingen er behandlet kommer
// den tilbake i status godkjent og det er nå klart for å tilkoble"). Where the connection costs an investment
// contribution, the owner gets the offer and the work at the connection point waits for payment (or acceptance,
// where the company releases then): kontrollforskriften (FOR-1999-03-11-302) §§ 16-1 and 16-2.
import type { OutgoingMessageKind, RequestType } from './domain';

/** The kinds of outgoing message a decision on the advance notice writes. */
export const DECISION_MESSAGE_KINDS = ['approval', 'rejection', 'developer_referral'] as const satisfies readonly OutgoingMessageKind[];
export type DecisionMessageKind = (typeof DECISION_MESSAGE_KINDS)[number];

/** After approval: the owner gets an offer first, or the installer may go ahead now. */
export type ApprovalNextStep = 'offer' | 'go_ahead';

/**
 * What approval normally leads to, by request type. Work at a metering point, a fuse change without grid
 * reinforcement and production within the main fuse cost no investment contribution by default (NVE's pages on
 * plusskunder: no anleggsbidrag while feed-in stays within the main fuse), so their approval is the go-ahead.
 * A case the handler has drafted or issued an offer on is an offer case whatever its type.
 */
export const APPROVAL_NEXT_STEP_BY_REQUEST_TYPE: Readonly<Record<RequestType, ApprovalNextStep>> = {
  new_installation: 'offer',
  new_metering_point: 'offer',
  temporary_installation: 'offer',
  fuse_change: 'go_ahead',
  metering_point_work: 'go_ahead',
  production: 'go_ahead',
  join_split: 'offer',
  street_lighting: 'offer',
  // A change of use is the local electrical inspection's (DLE) matter: the grid company only takes note.
  change_of_use: 'go_ahead',
  // Changes to existing grid the customer asks for are paid by the customer (NVE/RME, "Flytting av nettanlegg":
  // "Nettselskapene skal ta betalt for kostnader ved endring av eksisterende nettanlegg").
  permanent_disconnection: 'offer',
  service_line_move: 'offer',
};

export function approvalNextStep(requestType: RequestType, hasOffer: boolean): ApprovalNextStep {
  return hasOffer ? 'offer' : APPROVAL_NEXT_STEP_BY_REQUEST_TYPE[requestType];
}

/** The request types as the letters name them. */
export const REQUEST_TYPE_NB: Readonly<Record<RequestType, string>> = {
  new_installation: 'ny installasjon',
  new_metering_point: 'nytt anlegg i eksisterende installasjon',
  temporary_installation: 'midlertidig installasjon (byggestrøm)',
  fuse_change: 'endring av hovedsikring',
  metering_point_work: 'arbeid i målepunkt',
  production: 'produksjon (plusskunde)',
  join_split: 'sammenkobling eller utskillelse av anlegg',
  street_lighting: 'veilys',
  change_of_use: 'endring av bruk (melding til det lokale eltilsynet)',
  permanent_disconnection: 'permanent frakobling eller riving',
  service_line_move: 'flytting av stikkledning eller inntak',
};

export interface DecisionLetterCase {
  caseNumber: string;
  address: string;
  postcode: string;
  postTown: string;
  requestType: RequestType;
}

export type DecisionLetterInput = DecisionLetterCase & (
  | {
      kind: 'approval';
      conditions: readonly string[];
      nextStep: ApprovalNextStep;
      /** The company releases the work at acceptance of the offer instead of at payment (company setting). */
      releaseOnAcceptance?: boolean;
    }
  | { kind: 'rejection'; reason: string }
  | { kind: 'developer_referral'; reason: string }
);

export const SIGNATURE = ['Med vennlig hilsen', 'Nettselskapet'];

/** The reason as the handler wrote it, quoted whole. */
export const quoted = (reason: string): string[] => [`«${reason.trim()}»`];

type ApprovalInput = Extract<DecisionLetterInput, { kind: 'approval' }>;

const released = (input: ApprovalInput): string =>
  (input.releaseOnAcceptance ? 'godtatt tilbudet.' : 'godtatt tilbudet og betalt.');

/**
 * What comes next, and the closing, for the types that are not a connection: a change of use is the electrical
 * inspection's (no grid work); a disconnection and a moved service line are work on existing grid the owner pays
 * for (NVE/RME, "Flytting av nettanlegg"), not an investment contribution for a connection.
 */
const APPROVAL_TEXT_BY_TYPE: Partial<Record<RequestType, (input: ApprovalInput) => { next: string[]; closing: string }>> = {
  change_of_use: () => ({
    next: ['Endringen av bruk krever ikke arbeid i nettet. Dere melder den til det lokale eltilsynet (DLE), og dere ' +
      'kan sette i gang nå. Denne godkjenningen er klarsignalet.'],
    closing: 'Send ferdigmelding i portalen når arbeidet er utført.',
  }),
  permanent_disconnection: (input) => ({
    next: ['Frakoblingen gjør vi, og eieren betaler for den. Eieren får et tilbud på arbeidet fra oss. Vi kobler fra ' +
      `stikkledningen og tar ned måleren når eieren har ${released(input)}`],
    closing: 'Vi gir beskjed når anlegget er frakoblet. Bygget må ikke rives før det.',
  }),
  service_line_move: (input) => ({
    next: ['Flyttingen av stikkledningen betales av eieren, som får et tilbud fra oss. Arbeidet i tilknytningspunktet ' +
      `kan starte først når vi har sendt dere klarsignal, etter at eieren har ${released(input)}` +
      ' Arbeid som gjøres før det, skjer for egen risiko.'],
    closing: 'Send ferdigmelding i portalen når arbeidet er utført. Vi kobler ikke til den flyttede stikkledningen før ' +
      'ferdigmeldingen er mottatt.',
  }),
};

function approvalParagraphs(input: ApprovalInput): string[] {
  const own = APPROVAL_TEXT_BY_TYPE[input.requestType]?.(input);
  const conditions = input.conditions.length > 0
    ? ['Godkjenningen gjelder på disse vilkårene:', ...input.conditions.map((condition) => `- ${condition}`), '']
    : ['Godkjenningen har ingen særskilte vilkår.', ''];
  const next = input.nextStep === 'offer'
    ? [
        'Tilknytningen krever anleggsbidrag. Eieren av installasjonen får et tilbud om tilknytningsavtale fra oss. ' +
          'Arbeidet i tilknytningspunktet kan starte først når vi har sendt dere klarsignal, etter at eieren har ' +
          (input.releaseOnAcceptance ? 'godtatt tilbudet.' : 'godtatt tilbudet og betalt anleggsbidraget.') +
          ' Arbeid som gjøres før det, skjer for egen risiko.',
      ]
    : [
        'Saken krever ikke anleggsbidrag, og dere kan sette i gang arbeidet nå. Denne godkjenningen er klarsignalet.',
      ];
  return [
    `Vi har behandlet forhåndsmeldingen om ${REQUEST_TYPE_NB[input.requestType]} og godkjenner den.`,
    '',
    ...conditions,
    ...(own?.next ?? next),
    '',
    own?.closing ?? 'Send ferdigmelding i portalen når arbeidet er utført. Vi spenningssetter ikke og monterer ikke måler før ' +
      'ferdigmeldingen er mottatt.',
  ];
}

function rejectionParagraphs(input: Extract<DecisionLetterInput, { kind: 'rejection' }>): string[] {
  return [
    `Vi har behandlet forhåndsmeldingen om ${REQUEST_TYPE_NB[input.requestType]} og kan ikke godkjenne den.`,
    '',
    'Begrunnelse:',
    ...quoted(input.reason),
    '',
    'Arbeidet kan ikke starte på grunnlag av denne meldingen. Dere kan sende en ny forhåndsmelding i portalen når ' +
      'forholdet er rettet. Ta kontakt med oss hvis noe i begrunnelsen er uklart.',
  ];
}

function referralParagraphs(input: Extract<DecisionLetterInput, { kind: 'developer_referral' }>): string[] {
  return [
    `Vi har behandlet forhåndsmeldingen om ${REQUEST_TYPE_NB[input.requestType]}. Den hører til et ` +
      'utbyggerprosjekt, og tilknytningen avtales med utbyggeren direkte, ikke gjennom denne meldingen.',
    '',
    'Begrunnelse:',
    ...quoted(input.reason),
    '',
    'Arbeidet i tilknytningspunktet kan ikke starte på grunnlag av denne meldingen. Utbyggeren får beskjed fra oss ' +
      'om hvordan prosjektet følges opp. Ta kontakt med oss hvis meldingen ikke gjelder et utbyggerprosjekt.',
  ];
}

const SUBJECT_LEAD: Readonly<Record<DecisionMessageKind, string>> = {
  approval: 'Forhåndsmelding godkjent',
  rejection: 'Forhåndsmelding avvist',
  developer_referral: 'Forhåndsmelding henvist til utbyggerprosjekt',
};

/** The letter to the installer: subject and body, in bokmål. */
export function decisionLetter(input: DecisionLetterInput): { subject: string; body: string } {
  const place = `${input.address}, ${input.postcode} ${input.postTown}`;
  const paragraphs = input.kind === 'approval' ? approvalParagraphs(input)
    : input.kind === 'rejection' ? rejectionParagraphs(input)
    : referralParagraphs(input);
  const body = ['Hei,', '', `Gjelder ${place} (saksnummer ${input.caseNumber}).`, '', ...paragraphs, '', ...SIGNATURE].join('\n');
  return { subject: `${SUBJECT_LEAD[input.kind]} ${input.caseNumber} – ${input.address}`, body };
}
