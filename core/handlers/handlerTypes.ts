// The shape of the core's handlers: one per call of the contract, taking the validated input.
import type { ApiName, OutputOf, ParsedInputOf } from '../../shared/contract';

export type Handlers = { [K in ApiName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>> };

/** A domain's handlers: calls of the contract only, each with its input and output types. */
export type DomainHandlers = Partial<Handlers>;
