// The quarantine: incoming records the importer could not take, kept with their reasons until a case handler
// fixes and re-imports them or discards them (with a reason). Nothing in it is ever deleted.
import { z } from 'zod';
import { call, type DomainCalls } from './call';

export const QUARANTINE_STATES = ['open', 'ready', 'imported', 'discarded'] as const;
export type QuarantineState = (typeof QUARANTINE_STATES)[number];

/** The largest record a handler may save: the importer's own limit for one record. */
export const QUARANTINE_RAW_MAX_BYTES = 5 * 1024 * 1024;

export const QuarantineId = z.uuid();

/** Counted in UTF-8 bytes, as the file held it; the character count alone would let 15 MB of æøå through. */
const QuarantineRaw = z
  .string()
  .max(QUARANTINE_RAW_MAX_BYTES)
  .superRefine((raw, ctx) => {
    if (new TextEncoder().encode(raw).length > QUARANTINE_RAW_MAX_BYTES) {
      ctx.addIssue({ code: 'too_big', origin: 'string', maximum: QUARANTINE_RAW_MAX_BYTES, inclusive: true, input: raw });
    }
  });

export const QuarantineListInput = z
  .object({ states: z.array(z.enum(QUARANTINE_STATES)).min(1).max(QUARANTINE_STATES.length).default(['open', 'ready']) })
  .strict();
export const QuarantineGetInput = z.object({ id: QuarantineId }).strict();
export const QuarantineSaveInput = z.object({ id: QuarantineId, raw: QuarantineRaw }).strict();
export const QuarantineDiscardInput = z.object({ id: QuarantineId, reason: z.string().trim().min(1).max(1_000) }).strict();

export interface QuarantineReason {
  /** Dotted path of the field in the record (`installation.mainFuseAmperes`); empty for the record as a whole. */
  path: string;
  /** The importer's code for what is wrong (`invalid_type`, `json.invalid`, …). */
  code: string;
  /** The importer's own words, shown when the app has none of its own for this code. */
  message: string;
}

export interface QuarantineItem {
  id: string;
  /** The file the record came in. */
  source: string;
  messageId: string | null;
  receivedAt: string;
  state: QuarantineState;
  reasons: QuarantineReason[];
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** Why it was discarded. */
  resolutionNote: string | null;
  /** A change made here that the central database has not yet recorded. */
  pending: boolean;
}

export interface QuarantineDetail extends QuarantineItem {
  raw: string;
}

export interface QuarantineList {
  items: QuarantineItem[];
  /** Records still waiting for a handler (state open), whatever the filter. */
  openCount: number;
}

export type QuarantineReimportResult =
  /** Standalone: the record went through; the cases it made or found. */
  | { outcome: 'imported'; caseIds: number[] }
  /** Standalone: still broken; the row keeps the fix and its new reasons. */
  | { outcome: 'stillInvalid'; reasons: QuarantineReason[] }
  /** Central: saved and marked ready; the importer at the central server imports it. */
  | { outcome: 'queuedForImporter' };

/** This domain's calls (merged into the one contract in index.ts). */
export const quarantineCalls = {
  'quarantine.list': call<QuarantineList>()(QuarantineListInput),
  'quarantine.get': call<QuarantineDetail>()(QuarantineGetInput),
  'quarantine.save': call<QuarantineItem>()(QuarantineSaveInput),
  'quarantine.reimport': call<QuarantineReimportResult>()(QuarantineSaveInput),
  'quarantine.discard': call<QuarantineItem>()(QuarantineDiscardInput),
} satisfies DomainCalls;
