// A grid company's completeness rules file (docs/completeness-rules.md): read and checked whole, then stored in
// the local database or the central one. A file with any error is refused with every error's path; nothing of it
// is stored.
import type pg from 'pg';
import type { z } from 'zod';
import { CompletenessRulesFileSchema, type CompletenessRulesFile } from '../../shared/contract';
import { REQUEST_TYPES } from '../../shared/rules';

export type RulesFileReading = { ok: true; file: CompletenessRulesFile } | { ok: false; errors: string[] };

export function readCompletenessRulesFile(text: string): RulesFileReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = CompletenessRulesFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  return { ok: false, errors: describeIssues(parsed.error.issues, []) };
}

type Issue = z.core.$ZodIssue;

/**
 * "Invalid input" for a union (an item's `requires`, a condition) says nothing of what to fix: follow the variant
 * that came closest (no unknown keys, fewest issues) and name its issue, e.g. `…items.0.requires.attachment: Invalid option …`.
 */
function describeIssues(issues: readonly Issue[], prefix: readonly PropertyKey[]): string[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Every schema here is strict, so the variant the author meant is one without unknown keys.
      const strays = (variant: readonly Issue[]) => variant.filter((i) => i.code === 'unrecognized_keys').length;
      const closest = [...issue.errors].sort((a, b) => strays(a) - strays(b) || a.length - b.length)[0];
      return describeIssues(closest, path);
    }
    return [`${path.map(String).join('.') || '(file)'}: ${issue.message}`];
  });
}

/** Stores the rule sets centrally in one transaction (as the owner or a supervisor); the sync brings them to every desk. */
export async function storeCompletenessRulesCentral(client: pg.ClientBase, file: CompletenessRulesFile): Promise<number> {
  const entries = REQUEST_TYPES.flatMap((type) => (file.ruleSets[type] ? [[type, file.ruleSets[type]] as const] : []));
  await client.query('BEGIN');
  try {
    for (const [type, ruleSet] of entries) {
      await client.query(
        `INSERT INTO completeness_rules (request_type, rules, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (request_type) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at`,
        [type, JSON.stringify(ruleSet)],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return entries.length;
}
