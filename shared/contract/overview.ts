// The overview's one call: its input, validated in core. The figures it answers with are in overviewView.ts.
import { z } from 'zod';
import { call, type DomainCalls } from './call';
import type { Overview } from './overviewView';

export * from './overviewView';

export const OverviewInput = z
  .object({ weeks: z.union([z.literal(4), z.literal(13), z.literal(52)]).default(13) })
  .strict();

/** This domain's calls (merged into the one contract in index.ts). */
export const overviewCalls = {
  'overview.get': call<Overview>()(OverviewInput),
} satisfies DomainCalls;
