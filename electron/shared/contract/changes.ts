// Placeholder for part B's change stream (issue 14): which tables and cases changed, at which version.
export type ChangeBatch = { version: number; tables: string[]; caseIds: string[] };
