// The change stream from core to renderer: after every commit that changes what a screen shows, one batch naming
// the tables and cases it touched. `version` grows with every batch a core publishes, so a listener can tell a
// batch it has seen from a new one; case-scoped reads (a case's view, its offers) are only read again when their
// case is named, or when `allCases` says a change was too large to name them (an initial pull).
import { z } from 'zod';
import { CHANGE_TABLES } from './changeTables';

export { CASE_TABLES, CHANGE_TABLES, type ChangeTable } from './changeTables';
export { CHANGES_CHANNEL } from './names';

export const ChangeBatchSchema = z
  .object({
    version: z.number().int().positive(),
    tables: z.array(z.enum(CHANGE_TABLES)),
    caseIds: z.array(z.number().int().positive()),
    allCases: z.boolean(),
  })
  .strict();

export type ChangeBatch = z.infer<typeof ChangeBatchSchema>;
export type ChangeListener = (batch: ChangeBatch) => void;
