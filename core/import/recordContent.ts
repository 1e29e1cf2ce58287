// What a message says, apart from how it was written: the SHA-256 of its canonical JSON (keys sorted at every
// level, no spaces). Kept with each imported message id, so the same id arriving again is a duplicate only when
// it says the same; with other content it is quarantined for a person ("same message id, different content").
import { createHash } from 'node:crypto';

/** The value as JSON with every object's keys in sorted order and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const contentSha256 = (value: unknown): string => createHash('sha256').update(canonicalJson(value)).digest('hex');
