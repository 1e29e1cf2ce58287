// The quarantine editor's live parse error: where the JSON breaks, as line and column a person can find.
import { describe, expect, it } from 'vitest';
import { jsonProblem } from '../../renderer/src/features/quarantine/jsonProblem';

describe('jsonProblem', () => {
  it('says nothing about valid JSON', () => {
    expect(jsonProblem('{\n  "a": [1, 2]\n}')).toBeNull();
  });

  it('names the line and column of a syntax error', () => {
    expect(jsonProblem('{\n  "a": 1,\n  "b" 2\n}')).toEqual({ line: 3, column: 7, kind: 'syntax' });
  });

  it('tells an empty text and a text that ends too early apart from other errors', () => {
    expect(jsonProblem('   ')).toEqual({ line: null, column: null, kind: 'empty' });
    expect(jsonProblem('{ "a": ')?.kind).toBe('endsEarly');
  });
});
