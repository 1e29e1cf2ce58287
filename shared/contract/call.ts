// One call of the contract: its input schema, validated at the boundary, and its output type. Each domain's file
// declares its calls (`caseCalls`, `offerCalls`, …); index.ts merges them into the one contract.
import type { z } from 'zod';
import type { ApiName } from './names';

export interface Call<I extends z.ZodType, O> {
  input: I;
  /** Only a type: outputs come from our own core, inputs from a renderer we do not trust. */
  output?: O;
}

export const call = <O>() => <I extends z.ZodType>(input: I): Call<I, O> => ({ input });

/** A domain's calls: names of the one list of calls only (names.ts), each declared once. */
export type DomainCalls = Partial<Record<ApiName, Call<z.ZodType, unknown>>>;
