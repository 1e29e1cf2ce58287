// What one mutation is, end to end: its arguments and how the desk applies them, how the central service applies
// them as the person who made it, and — for a change that belongs to no case — which central rows it touched. Each
// domain module (mutations/domains/*) exports the entries of its mutations; registry.ts merges them and is typed
// against the one list of names (rules/mutationNames.ts), so a mutation without an entry does not build.
import type pg from 'pg';
import type { z } from 'zod';
import type { CaselessMutationName, MutationName } from '../../shared/rules';
import type { CoreContext } from '../context';
import type { StoredFiles } from '../sync/letterToSend';
import type { MutationDefinition } from './runMutation';

export interface OutboxEntry {
  seq: number;
  mutation: string;
  args: Record<string, unknown>;
  precondition: Record<string, unknown>;
  caseId: number | null;
  createdAt: string;
}

/** Files of this desk an applier may send along (an issued offer's letter, by its SHA-256). */
export type ApplierFiles = StoredFiles;

/**
 * Carries an outbox entry out on the central database, in the caller's transaction, as the person (the service sets
 * role and desk.actor). Throws RefusedByCentral, or lets PostgreSQL's refusal through. `files` is given by the push;
 * an applier called without it has no file of this desk to send.
 */
export type CentralApply = (client: pg.ClientBase, entry: OutboxEntry, files?: ApplierFiles) => Promise<void>;

/** The central rows a change touched, as `{table (local name), where, params}` to read back. */
export interface RowsRef {
  table: string;
  where: string;
  params: unknown[];
}

/** A change to a case: applied on the desk by runMutation (with its history), centrally by `central`. */
export interface CaseMutationEntry {
  /** The desk's apply, with the arguments' schema (`local.args`) that the service checks a push against too. */
  local: MutationDefinition<z.ZodType>;
  /** How the service applies it; null for a mutation that is never pushed (a standalone-only one). */
  central: CentralApply | null;
}

/** A change that belongs to no case (caselessChange.ts): one outbox row, made on the desk by its domain's `record`. */
export interface CaselessMutationEntry {
  args: z.ZodType;
  /** Records the change (and, standalone, makes it); its services call it with their own arguments. */
  record: (core: CoreContext, ...rest: never[]) => number;
  central: CentralApply;
  /** The central rows the change touched, sent back with the verdict so the desk never shows the old values. */
  rowsChanged: (args: Record<string, unknown>) => RowsRef;
}

export type MutationEntryOf<N extends MutationName> = N extends CaselessMutationName ? CaselessMutationEntry : CaseMutationEntry;

/** Every mutation of the one list with its entry: the type of the registry. */
export type MutationEntries = { [N in MutationName]: MutationEntryOf<N> };

/** A domain's share of the list: names of the one list only, each with the entry its kind needs. */
export type DomainMutations = Partial<MutationEntries>;

/** One entry per name of a family made by one factory (the status actions, the offer's billing steps). */
export function entriesFor<Name extends MutationName, Entry>(names: readonly Name[], entryOf: (name: Name) => Entry): Record<Name, Entry> {
  return Object.fromEntries(names.map((name) => [name, entryOf(name)])) as Record<Name, Entry>;
}
