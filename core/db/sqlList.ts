// A fixed list of the app's own constants (statuses, kinds) as an SQL list literal, for WHERE … IN (…) clauses
// written once at load time. Never for a person's input: those go in as bound parameters.

/** `['a', 'b']` → `'a', 'b'` (single quotes doubled, so a constant with one cannot break the statement). */
export const sqlStringList = (values: readonly string[]): string =>
  values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
