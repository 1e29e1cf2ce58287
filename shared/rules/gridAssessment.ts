// The grid assessment (driftsmessig forsvarlighetsvurdering): before the grid company approves work that adds load or
// production, it records whether the connection is operationally sound. NEM-forskriften (FOR-2019-01-24-1725)
// § 3-7, in force from 1 January 2026 (FOR-2025-09-12-1827): "Nettselskap skal dokumentere vurderinger i
// enkeltsaker. På forespørsel fra kunde skal nettselskapet uten ugrunnet opphold gi innsyn i vurderingen som gjelder
// kunden." (wording as quoted by Simonsen Vogt Wiig, media.svw.no, "To nye bestemmelser i NEM-forskriften").
import type { RequestType } from './domain';

export const GRID_ASSESSMENT_OUTCOMES = ['sound', 'sound_with_conditions', 'not_sound'] as const;
export type GridAssessmentOutcome = (typeof GRID_ASSESSMENT_OUTCOMES)[number];

export const GRID_ASSESSMENT_NOTE_MAX_LENGTH = 1_000;

/** The recorded assessment, as the case keeps it (`cases.grid_assessment`, JSON). */
export interface GridAssessment {
  outcome: GridAssessmentOutcome;
  note: string;
  /** The person who assessed (user id) and when (ISO time), stamped by whoever applies it, never by the input. */
  by: string;
  at: string;
}

/** What the rule needs to know of a request. */
export interface GridAssessmentFacts {
  requestType: RequestType | string;
  hasProduction: boolean;
  /** The main fuse asked for, and the one the installation has today where the request says so. */
  mainFuseA: number | null;
  previousMainFuseA?: number | null;
}

/**
 * Request types that connect something new or add load to the grid: a new building, a new metering point,
 * construction power, joining or splitting installations, a new ignition cabinet for street lights.
 */
const ADDS_LOAD: ReadonlySet<string> = new Set([
  'new_installation', 'new_metering_point', 'temporary_installation', 'production', 'join_split', 'street_lighting',
]);

/**
 * Whether approval needs a recorded grid assessment. Production on any request feeds into the grid; a fuse change
 * needs one when it goes up — and when the request does not say what the fuse was, it is assessed, because the
 * regulation asks for the assessment wherever capacity may increase ("tilknytning eller kapasitetsøkning").
 * Work at the metering point alone (seal, meter swap) adds nothing.
 */
export function gridAssessmentRequired(facts: GridAssessmentFacts): boolean {
  if (facts.hasProduction) return true;
  if (ADDS_LOAD.has(facts.requestType)) return true;
  if (facts.requestType === 'fuse_change') {
    const before = facts.previousMainFuseA ?? null;
    return before === null || facts.mainFuseA === null || facts.mainFuseA > before;
  }
  return false;
}

export type GridAssessmentBlockerCode = 'decision.gridAssessmentMissing' | 'decision.gridAssessmentNotSound';

/**
 * What the assessment says about approving: missing where one is required, and a "not sound" assessment stands in
 * the way whether required or not — such a case is rejected, or assessed again with conditions, never approved.
 */
export function gridAssessmentBlocker(required: boolean, assessment: GridAssessment | null): GridAssessmentBlockerCode | null {
  if (assessment?.outcome === 'not_sound') return 'decision.gridAssessmentNotSound';
  if (required && assessment === null) return 'decision.gridAssessmentMissing';
  return null;
}

/** The stored JSON read back; anything that is not a whole assessment counts as none. */
export function parseGridAssessment(stored: unknown): GridAssessment | null {
  if (typeof stored !== 'string' || stored === '') return null;
  try {
    const value = JSON.parse(stored) as Partial<GridAssessment> | null;
    if (!value || !(GRID_ASSESSMENT_OUTCOMES as readonly string[]).includes(String(value.outcome))) return null;
    if (typeof value.by !== 'string' || typeof value.at !== 'string') return null;
    return { outcome: value.outcome as GridAssessmentOutcome, note: String(value.note ?? ''), by: value.by, at: value.at };
  } catch {
    return null;
  }
}

/** A "sound with conditions" or "not sound" assessment says what the conditions or the reasons are. */
export function gridAssessmentNoteMissing(outcome: GridAssessmentOutcome, note: string): boolean {
  return outcome !== 'sound' && note.trim() === '';
}
