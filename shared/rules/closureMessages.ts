// The installer's message when a case ends before its work is done, in bokmål like every message to an installer:
// a withdrawal (the installer or the owner withdrew the request before the owner accepted an offer), a cancellation
// (the case is ended after the owner accepted: the connection agreement is cancelled, with the costs already
// incurred where the company records them), or a closure for another reason (the owner declined the offer, the offer
// expired, a duplicate, other). Written in the same transaction as the ending, on the desk and centrally.
import type { CaseStatus, OutgoingMessageKind } from './domain';
import { isAcceptedStatus, type ClosureReason } from './caseClosure';
import { REQUEST_TYPE_NB, SIGNATURE, quoted, type DecisionLetterCase } from './decisionMessages';
import { formatNok } from './money';

export const CLOSURE_MESSAGE_KINDS = ['withdrawal', 'cancellation', 'closure'] as const satisfies readonly OutgoingMessageKind[];
export type ClosureMessageKind = (typeof CLOSURE_MESSAGE_KINDS)[number];

/**
 * The message an ending writes, by why it ended and where it stood. The plain `close` of a finished, rejected or
 * referred case tells nothing new (that decision was told), and `completed` says nothing the installer needs.
 */
export function closureMessageKindOf(reason: ClosureReason, from: CaseStatus): ClosureMessageKind | null {
  if (reason === 'rejected' || reason === 'developer_project' || reason === 'completed') return null;
  if (isAcceptedStatus(from)) return 'cancellation';
  return reason === 'withdrawn_by_installer' || reason === 'withdrawn_by_owner' ? 'withdrawal' : 'closure';
}

export interface ClosureLetterInput extends DecisionLetterCase {
  kind: ClosureMessageKind;
  closureReason: ClosureReason;
  /** The handler's or the party's words, quoted whole; absent when none were given. */
  reason?: string;
  /** A cancellation's costs already incurred, in øre; null or absent when none are recorded. */
  costsOre?: number | null;
}

const WHO_WITHDREW: Partial<Record<ClosureReason, string>> = {
  withdrawn_by_installer: 'installatøren',
  withdrawn_by_owner: 'eieren av installasjonen',
};

/** What ended the case, as one sentence. */
const WHY_CLOSED: Readonly<Record<ClosureReason, string>> = {
  completed: 'Saken er ferdig behandlet.',
  owner_declined: 'Eieren av installasjonen har takket nei til tilbudet om tilknytningsavtale.',
  offer_expired: 'Tilbudet om tilknytningsavtale gikk ut uten at eieren godtok det.',
  withdrawn_by_installer: 'Installatøren har trukket bestillingen.',
  withdrawn_by_owner: 'Eieren av installasjonen har trukket bestillingen.',
  duplicate: 'Forhåndsmeldingen er sendt flere ganger eller ved en feil.',
  other: 'Vi har avsluttet saken.',
  rejected: 'Forhåndsmeldingen ble avvist.',
  developer_project: 'Forhåndsmeldingen hører til et utbyggerprosjekt.',
};

const NEW_NOTICE = 'Arbeidet i tilknytningspunktet kan ikke starte på grunnlag av denne meldingen. Dere kan sende en ny ' +
  'forhåndsmelding i portalen hvis tiltaket blir aktuelt igjen.';

function paragraphs(input: ClosureLetterInput): string[] {
  const type = REQUEST_TYPE_NB[input.requestType];
  const words = input.reason?.trim() ? ['', 'Begrunnelse:', ...quoted(input.reason)] : [];
  if (input.kind === 'withdrawal') {
    return [
      `Vi har registrert at ${WHO_WITHDREW[input.closureReason] ?? 'dere'} har trukket forhåndsmeldingen om ${type}. ` +
        'Saken er avsluttet.',
      ...words, '', NEW_NOTICE,
    ];
  }
  if (input.kind === 'cancellation') {
    const costs = input.costsOre
      ? `Kostnadene nettselskapet allerede har hatt i saken, ${formatNok(input.costsOre)}, faktureres eieren etter ` +
        'tilknytningsavtalen.'
      : 'Vi har ikke registrert kostnader i saken som faktureres eieren.';
    return [
      `Eieren hadde godtatt tilbudet om tilknytning for ${type}, men bestillingen er nå kansellert. ` +
        `${WHY_CLOSED[input.closureReason]} Saken er avsluttet.`,
      ...words, '', costs, '',
      'Arbeid i tilknytningspunktet skal ikke gjøres. Ta kontakt med oss straks hvis arbeidet allerede er satt i gang.',
    ];
  }
  return [`Gjelder forhåndsmeldingen om ${type}. ${WHY_CLOSED[input.closureReason]} Saken er avsluttet.`, ...words, '', NEW_NOTICE];
}

const SUBJECT_LEAD: Readonly<Record<ClosureMessageKind, string>> = {
  withdrawal: 'Forhåndsmelding trukket',
  cancellation: 'Bestilling kansellert',
  closure: 'Sak avsluttet',
};

/** The letter to the installer: subject and body, in bokmål. */
export function closureLetter(input: ClosureLetterInput): { subject: string; body: string } {
  const place = `${input.address}, ${input.postcode} ${input.postTown}`;
  const body = ['Hei,', '', `Gjelder ${place} (saksnummer ${input.caseNumber}).`, '', ...paragraphs(input), '', ...SIGNATURE]
    .join('\n');
  return { subject: `${SUBJECT_LEAD[input.kind]} ${input.caseNumber} – ${input.address}`, body };
}
