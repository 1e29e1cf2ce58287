// Every kind of letter the grid company prints, one entry each: its file name, the request types it is written for,
// and how it is made from a case. Adding a kind (a withdrawal, a cancellation, a new request type's letter) is one
// entry here and, where it needs data of its own, one method on LetterSource.
import { APPROVAL_NEXT_STEP_BY_REQUEST_TYPE, GRID_WORK_BY_REQUEST_TYPE, REQUEST_TYPES, type RequestType } from '../../shared/rules';
import { offerLetterHtml } from '../offers/offerLetter';
import { workOrderLetterHtml } from '../workOrders/workOrderLetter';
import { constructionPowerLetterHtml } from './constructionPowerLetter';
import { decisionLetterHtml } from './decisionLetters';
import { fuseChangeLetterHtml } from './fuseChangeLetter';
import { informationRequestLetterHtml } from './informationRequestLetter';
import type { LetterSource } from './letterSource';
import { startApprovalLetterHtml } from './startApprovalLetter';
import { LETTER_SAMPLE_WORDS } from '../demo/letterSamples';

export interface LetterKind {
  kind: string;
  /** The start of the file name: `<fileStem>-<request type>.pdf`. */
  fileStem: string;
  /** What the letter is, in bokmål. */
  label: string;
  appliesTo(requestType: RequestType): boolean;
  /** The letter's HTML for the case, or null when this case cannot have it (no supplier covers its work, …). */
  html(source: LetterSource, caseId: number): string | null;
}

/** The request types in file names: "tilbud-ny-installasjon.pdf". */
export const REQUEST_TYPE_FILE_NAMES: Readonly<Record<RequestType, string>> = {
  new_installation: 'ny-installasjon',
  new_metering_point: 'nytt-malepunkt',
  temporary_installation: 'byggestrom',
  fuse_change: 'endring-av-hovedsikring',
  metering_point_work: 'arbeid-i-malepunkt',
  production: 'produksjon',
  join_split: 'sammenkobling-eller-utskillelse',
  street_lighting: 'veilys',
  change_of_use: 'endret-bruk',
  permanent_disconnection: 'permanent-frakobling',
  service_line_move: 'flytting-av-stikkledning',
};

const offerCase = (type: RequestType) => APPROVAL_NEXT_STEP_BY_REQUEST_TYPE[type] === 'offer';
const every = () => true;

export const LETTER_KINDS: readonly LetterKind[] = [
  {
    kind: 'offer',
    fileStem: 'tilbud',
    label: 'Tilbud om tilknytning',
    appliesTo: offerCase,
    html: (source, caseId) => offerLetterHtml(source.offer(caseId)),
  },
  {
    kind: 'construction_power_order',
    fileStem: 'ordrebekreftelse',
    label: 'Ordrebekreftelse byggestrøm',
    appliesTo: (type) => type === 'temporary_installation',
    html: (source, caseId) => constructionPowerLetterHtml(source.facts(caseId), source.constructionPower(caseId)),
  },
  {
    kind: 'fuse_change',
    fileStem: 'hovedsikring',
    label: 'Endring av hovedsikring',
    appliesTo: (type) => type === 'fuse_change',
    html: (source, caseId) => fuseChangeLetterHtml(source.facts(caseId), source.fuseChange(caseId)),
  },
  {
    kind: 'approval',
    fileStem: 'godkjenning',
    label: 'Godkjenning av forhåndsmelding',
    appliesTo: every,
    html: (source, caseId) => {
      const facts = source.facts(caseId);
      return decisionLetterHtml(facts, {
        kind: 'approval', conditions: facts.approvalConditions, nextStep: APPROVAL_NEXT_STEP_BY_REQUEST_TYPE[facts.requestType],
        releaseOnAcceptance: facts.releaseOnAcceptance,
      });
    },
  },
  {
    kind: 'rejection',
    fileStem: 'avslag',
    label: 'Avslag på forhåndsmelding',
    appliesTo: every,
    html: (source, caseId) => {
      const facts = source.facts(caseId);
      return decisionLetterHtml(facts, { kind: 'rejection', reason: facts.decisionReason ?? '' });
    },
  },
  {
    kind: 'developer_referral',
    fileStem: 'utbyggerprosjekt',
    label: 'Henvisning til utbyggerprosjekt',
    appliesTo: (type) => type === 'new_installation' || type === 'new_metering_point',
    html: (source, caseId) => {
      const facts = source.facts(caseId);
      return decisionLetterHtml(facts, { kind: 'developer_referral', reason: facts.decisionReason ?? '' });
    },
  },
  {
    kind: 'withdrawal',
    fileStem: 'trukket',
    label: 'Forhåndsmeldingen er trukket',
    appliesTo: every,
    html: (source, caseId) => decisionLetterHtml(source.facts(caseId), {
      kind: 'withdrawal', closureReason: 'withdrawn_by_owner', reason: LETTER_SAMPLE_WORDS.withdrawal,
    }),
  },
  {
    kind: 'cancellation',
    fileStem: 'kansellert',
    label: 'Bestillingen er kansellert',
    appliesTo: offerCase,
    html: (source, caseId) => decisionLetterHtml(source.facts(caseId), {
      kind: 'cancellation', closureReason: 'withdrawn_by_owner', reason: LETTER_SAMPLE_WORDS.cancellation, costsOre: 420_000,
    }),
  },
  {
    kind: 'closure',
    fileStem: 'avsluttet-tilbud-utlopt',
    label: 'Saken er avsluttet (tilbudet gikk ut)',
    appliesTo: offerCase,
    html: (source, caseId) => decisionLetterHtml(source.facts(caseId), { kind: 'closure', closureReason: 'offer_expired' }),
  },
  {
    kind: 'completion_refused',
    fileStem: 'ferdigmelding-avvist',
    label: 'Ferdigmeldingen kunne ikke tas imot',
    appliesTo: (type) => type !== 'temporary_installation',
    html: (source, caseId) => decisionLetterHtml(source.facts(caseId), {
      kind: 'completion_refused', refusals: [{ code: 'declarationMissing' }],
    }),
  },
  {
    kind: 'information_request',
    fileStem: 'foresporsel-om-opplysninger',
    label: 'Forespørsel om opplysninger',
    appliesTo: every,
    html: (source, caseId) => informationRequestLetterHtml(source.facts(caseId), source.missingItems(caseId)),
  },
  {
    kind: 'start_approval',
    fileStem: 'klarsignal',
    label: 'Klarsignal',
    appliesTo: every,
    html: (source, caseId) => {
      const facts = source.facts(caseId);
      const release = offerCase(facts.requestType)
        ? { by: facts.releaseOnAcceptance ? 'acceptance' as const : 'payment' as const, offerVersion: 1, on: facts.today }
        : { by: 'approval' as const, on: facts.today };
      return startApprovalLetterHtml(facts, source.startApproval(caseId, release));
    },
  },
  {
    kind: 'work_order',
    fileStem: 'arbeidsordre',
    label: 'Arbeidsordre',
    // A change of use (the electrical inspection's matter) and a permanent disconnection (the grid company's own
    // crew) order no work from anyone.
    appliesTo: (type) => GRID_WORK_BY_REQUEST_TYPE[type].length > 0,
    html: (source, caseId) => {
      const input = source.workOrder(caseId);
      return input ? workOrderLetterHtml(input) : null;
    },
  },
];

/** Every (kind, request type) pair the registry prints, in order, with its file name. */
export function letterFiles(): Array<{ letter: LetterKind; requestType: RequestType; fileName: string }> {
  return LETTER_KINDS.flatMap((letter) => REQUEST_TYPES.filter((type) => letter.appliesTo(type)).map((requestType) => ({
    letter, requestType, fileName: `${letter.fileStem}-${REQUEST_TYPE_FILE_NAMES[requestType]}.pdf`,
  })));
}
