// What a ferdigmelding (completion notice) must carry before the grid company takes it, whether it completes the case
// or only part of it, and the answer the installer gets when it is refused — in bokmål, like every message to an
// installer. Pure: the importers (core/import/messagePlans.ts) ask here, on the desk and centrally alike.
//
// The samsvarserklæring: whoever carried out the work issues a declaration of conformity before a new installation is
// taken into use (forskrift om elektriske lavspenningsanlegg, FOR-1998-11-06-1060, § 12), and the grid company
// energises and mounts the meter only after the ferdigmelding (rules/meterClock.ts, rules/decisionMessages.ts). Meter
// readings: where the case names meters already there (a fuse change, work at a metering point), the reading of each
// when the work was done settles the grid customer's account; a new installation's meter is mounted after the
// notice, and its reading is the mounter's (the work order's report). Construction power's notice asks for
// termination (leave to its own flow) and carries none of this.
import type { AttachmentKind, RequestType } from './domain';

export const COMPLETION_REFUSAL_CODES = ['declarationMissing', 'meterReadingMissing', 'statusNotAllowed', 'refusedByHandler'] as const;
export type CompletionRefusalCode = (typeof COMPLETION_REFUSAL_CODES)[number];

export interface CompletionNoticeContent {
  attachmentKinds: readonly AttachmentKind[];
  meterReadings: ReadonlyArray<{ meterNumber: string; readingKwh: number }>;
}

export interface CompletionRefusal {
  code: CompletionRefusalCode;
  /** The meters without a reading (meterReadingMissing). */
  meterNumbers?: string[];
  /** The case handler's own words (refusedByHandler: a record discarded from the quarantine). */
  reason?: string;
}

/**
 * What is missing from a ferdigmelding for a case of `requestType` whose meters are `caseMeterNumbers`; empty when it
 * may be taken. A termination request (construction power) is not checked here.
 */
export function completionNoticeProblems(
  requestType: RequestType,
  caseMeterNumbers: readonly string[],
  content: CompletionNoticeContent,
): CompletionRefusal[] {
  if (requestType === 'temporary_installation') return [];
  const problems: CompletionRefusal[] = [];
  if (!content.attachmentKinds.includes('declaration_of_conformity')) problems.push({ code: 'declarationMissing' });
  const read = new Set(content.meterReadings.map((reading) => reading.meterNumber.trim()));
  const unread = caseMeterNumbers.filter((meter) => !read.has(meter.trim()));
  if (unread.length > 0) problems.push({ code: 'meterReadingMissing', meterNumbers: unread });
  return problems;
}

/**
 * A partial ferdigmelding reports some of the installation done (some units of a block, some metering points): it
 * is recorded with what it carried and answered nowhere, and the case stays where it is — the case moves to
 * `completion_reported` (and the meter clock starts) only with the notice that reports the rest done. One case has
 * one service line and one meter order (rules/workRelease.ts), so there is nothing to release part by part.
 */
export const completesCase = (notice: { partial?: boolean }): boolean => notice.partial !== true;

const REFUSAL_NB: Readonly<Record<CompletionRefusalCode, (refusal: CompletionRefusal) => string>> = {
  declarationMissing: () =>
    'Samsvarserklæringen mangler. Legg den ved ferdigmeldingen (forskrift om elektriske lavspenningsanlegg § 12).',
  meterReadingMissing: (refusal) =>
    `Målerstanden mangler for måler ${(refusal.meterNumbers ?? []).join(', ')}. Oppgi målerstanden da arbeidet ble avsluttet.`,
  statusNotAllowed: () =>
    'Saken tar ikke imot ferdigmelding nå: den er ikke godkjent, tilbudet er ikke godtatt ennå, eller saken er avsluttet. ' +
      'Se status på saken i portalen.',
  refusedByHandler: (refusal) => `Saksbehandleren kunne ikke ta den imot: «${(refusal.reason ?? '').trim()}»`,
};

/** The reasons in words the installer reads, one line each. */
export const completionRefusalLines = (refusals: readonly CompletionRefusal[]): string[] =>
  refusals.map((refusal) => REFUSAL_NB[refusal.code](refusal));

export interface CompletionRefusalLetterInput {
  caseNumber: string;
  address: string;
  refusals: readonly CompletionRefusal[];
}

/** The answer to a refused ferdigmelding: what is wrong, and that a new one is to be sent. */
export function completionRefusalMessage(input: CompletionRefusalLetterInput): { subject: string; body: string } {
  const body = [
    'Hei,',
    '',
    `Vi har mottatt ferdigmeldingen for ${input.address} (saksnummer ${input.caseNumber}), men kan ikke ta den imot:`,
    ...completionRefusalLines(input.refusals).map((line) => `- ${line}`),
    '',
    'Send en ny ferdigmelding i portalen når dette er i orden. Vi spenningssetter ikke og monterer ikke måler før vi har ' +
      'tatt imot ferdigmeldingen.',
    '',
    'Med vennlig hilsen',
    'Nettselskapet',
  ].join('\n');
  return { subject: `Ferdigmelding ikke mottatt – ${input.caseNumber}, ${input.address}`, body };
}
