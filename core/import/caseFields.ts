// The case fields a message carries, by the names CaseFacts and the case columns share (camelCase here,
// snake_case in SQL), and the facts the completeness rules read from a stored case row.
import { caseFactsOf, definedOnly, ownerFields, productionFields, requestCaseFields, type CaseFieldValues } from '../../shared/rules/requestFacts';
import type { SupplementMessage } from './incomingMessage';

// The request's fields are pure (rules/requestFacts.ts): the portal's form reaches the same facts from its message.
export { caseFactsOf, requestCaseFields, type CaseFieldValues };

export const columnOf = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const fieldOf = (column: string): string => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The fields a supplement sets (only those it names). */
export function supplementCaseFields(message: SupplementMessage): CaseFieldValues {
  const { installation, owner, production, wantedStartDate, wantedConnectionDate, wantedEndDate } = message.changes;
  return {
    ...definedOnly(installation ?? {}),
    ...productionFields(production),
    ...ownerFields(owner ?? {}),
    ...definedOnly({ wantedStartDate, wantedConnectionDate, wantedEndDate }),
  };
}

const JSON_ARRAY_FIELDS = new Set(['meteringPointIds', 'meterNumbers']);
/** SQLite keeps them as 0/1. */
const BOOLEAN_FIELDS = new Set(['hasProduction', 'sharedServiceLine', 'companyCabinet']);

/** A stored case row (snake_case columns, JSON arrays as text, booleans as 0/1) as camelCase field values. */
export function fieldsOfRow(row: Record<string, unknown>): CaseFieldValues {
  const fields: CaseFieldValues = {};
  for (const [column, value] of Object.entries(row)) {
    const field = fieldOf(column);
    if (JSON_ARRAY_FIELDS.has(field)) fields[field] = typeof value === 'string' ? (JSON.parse(value) as string[]) : (value as string[]);
    else if (BOOLEAN_FIELDS.has(field)) fields[field] = Boolean(value);
    else fields[field] = value as CaseFieldValues[string];
  }
  return fields;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The supplement's fields that differ from the case's. */
export function changedFields(current: CaseFieldValues, proposed: CaseFieldValues): string[] {
  return Object.keys(proposed).filter((field) => !sameValue(current[field], proposed[field]));
}

/** Values as SQL binds them: arrays as JSON text; booleans as SQLite's 0/1 unless `booleans` says keep. */
export function sqlValue(value: CaseFieldValues[string], booleans: 'integer' | 'boolean' = 'integer'): unknown {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'boolean' && booleans === 'integer') return value ? 1 : 0;
  return value;
}
