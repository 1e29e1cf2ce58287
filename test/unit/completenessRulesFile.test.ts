import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCompletenessRulesFile } from '../../core/casework/completenessRulesFile';

const item = (extra: Record<string, unknown>) => ({ code: 'x', label: { nb: 'X' }, requires: { attachment: 'photo' }, ...extra });
const errorsOf = (file: unknown) => {
  const reading = readCompletenessRulesFile(JSON.stringify(file));
  return reading.ok ? [] : reading.errors;
};

describe("reading a grid company's rules file", () => {
  it('accepts the shipped defaults', () => {
    const text = readFileSync(path.join(__dirname, '../../resources/rules/completeness.json'), 'utf8');
    expect(readCompletenessRulesFile(text).ok).toBe(true);
  });

  it('refuses text that is not JSON, saying so', () => {
    expect(readCompletenessRulesFile('{oops')).toEqual({ ok: false, errors: [expect.stringMatching(/^not valid JSON/)] });
  });

  it('names the exact place of a wrong attachment kind inside `requires`', () => {
    const errors = errorsOf({ ruleSets: { fuse_change: { items: [item({ requires: { attachment: 'map' } })] } } });
    expect(errors).toEqual([expect.stringMatching(/^ruleSets\.fuse_change\.items\.0\.requires\.attachment: Invalid option/)]);
  });

  it('names each wrong place inside nested conditions, and an unknown request type', () => {
    const when = { any: [{ field: 'mainFuseA', gt: '40' }, { field: 'mainFuse', gt: 4 }] };
    const errors = errorsOf({ ruleSets: { fuse_change: { items: [item({ when })] }, bogus: { items: [] } } });
    expect(errors).toEqual([
      expect.stringMatching(/^ruleSets\.fuse_change\.items\.0\.when\.any\.0\.gt: .*expected number/),
      expect.stringMatching(/^ruleSets\.fuse_change\.items\.0\.when\.any\.1\.field: Invalid option/),
      expect.stringMatching(/^ruleSets: .*bogus/),
    ]);
  });
});
