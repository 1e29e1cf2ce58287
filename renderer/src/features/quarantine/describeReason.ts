// A quarantine reason in a case handler's words: which field (by its name, not its JSON path) and what is wrong
// with it. The importer's own (English, technical) words stay available as the detail.
import type { TFunction } from 'i18next';
import type { QuarantineReason } from '../../api/contract';

export interface ReasonText {
  /** "Postnummer (anlegget)", or null for the record as a whole. */
  field: string | null;
  /** "har feil antall sifre". */
  problem: string;
  /** The importer's message, for whoever wants the exact detail. */
  detail: string;
}

/** `changes.installation.meteringPointIds.2` → `installation_meteringPointIds`, with the index kept apart. */
function fieldKey(path: string): { key: string; index: number | null } {
  const parts = path.split('.').filter((part) => part !== '');
  const numeric = parts.filter((part) => /^\d+$/.test(part));
  const named = parts.filter((part) => !/^\d+$/.test(part));
  if (named[0] === 'changes') named.shift();
  return { key: named.join('_'), index: numeric.length > 0 ? Number(numeric[numeric.length - 1]) : null };
}

export function describeField(t: TFunction, path: string): string | null {
  if (path === '') return null;
  const { key, index } = fieldKey(path);
  const lastName = key.split('_').pop() ?? key;
  // The field's own name; else the name of its last segment (`owner_email` and `installer_email` share "E-post").
  const name = t([`quarantine.field.${key}`, `quarantine.field.${lastName}`, 'quarantine.field.unknown'], { path });
  return index === null ? name : t('quarantine.fieldNumber', { name, number: index + 1 });
}

export function describeReason(t: TFunction, reason: QuarantineReason): ReasonText {
  // zod says "received undefined" when a field is missing: that is "mangler", not "har feil type".
  const code = reason.code === 'invalid_type' && /received undefined/.test(reason.message) ? 'missing' : reason.code;
  return {
    field: describeField(t, reason.path),
    // Identifier codes are `<identifier>.<problem>`; the problem reads the same for each identifier.
    problem: t([`quarantine.problem.${code}`, `quarantine.problem.identifier.${code.split('.').pop()}`, 'quarantine.problem.unknown']),
    detail: reason.message,
  };
}

/** One line: "Postnummer (anlegget): har feil antall sifre". */
export function reasonLine(t: TFunction, reason: QuarantineReason): string {
  const { field, problem } = describeReason(t, reason);
  return field ? `${field}: ${problem}` : problem.charAt(0).toUpperCase() + problem.slice(1);
}
