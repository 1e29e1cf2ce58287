// The overview's one call: its input, validated in core. The figures it answers with are in overviewView.ts.
import { z } from 'zod';

export * from './overviewView';

export const OverviewInput = z
  .object({ weeks: z.union([z.literal(4), z.literal(13), z.literal(52)]).default(13) })
  .strict();
