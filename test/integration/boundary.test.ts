// What crosses the process boundary is untrusted: every malformed call gets a clear error value, never a
// crash, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

let harness: InProcessHarness;
const countRows = (table: string): number =>
  (harness.core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(() => {
  harness = startInProcessHarness({ cases: 200 });
});
afterAll(() => harness.dispose());

describe('the contract boundary', () => {
  it('refuses a call that is not in the contract', async () => {
    const result = await harness.core.dispatch('case.deleteEverything', {});
    expect(result).toEqual({ ok: false, error: { code: 'call.unknown', params: { name: 'case.deleteEverything' } } });
  });

  it('refuses a prototype property posing as a call name', async () => {
    const result = await harness.core.dispatch('constructor', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('call.unknown');
  });

  it('answers an unknown case id with case.notFound', async () => {
    const result = await harness.core.dispatch('case.get', { caseId: 987_654_321 });
    expect(result).toEqual({ ok: false, error: { code: 'case.notFound', params: { caseId: 987_654_321 } } });
  });

  it.each([
    ['a string id', { caseId: '1' }],
    ['a negative id', { caseId: -4 }],
    ['a fractional id', { caseId: 1.5 }],
    ['an extra field', { caseId: 1, sql: 'DROP TABLE cases' }],
    ['no input at all', undefined],
  ])('names the field when case.get gets %s', async (_label, input) => {
    const result = await harness.core.dispatch('case.get', input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('input.invalid');
      expect(result.error.issues?.length).toBeGreaterThan(0);
    }
  });

  it('refuses a 10 000-character search with the field and its limit, not a crash', async () => {
    const result = await harness.core.dispatch('queue.list', {
      filters: { search: 'å'.repeat(10_000) },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('input.invalid');
      expect(result.error.issues).toContainEqual(
        expect.objectContaining({ path: 'filters.search', code: 'too_big', maximum: 200 }),
      );
    }
  });

  it('treats an empty or punctuation-only search as no search', async () => {
    const total = (result: Awaited<ReturnType<typeof harness.core.dispatch>>) =>
      result.ok ? (result.value as { total: number }).total : -1;
    const all = await harness.core.dispatch('queue.list', { filters: {} });
    for (const search of ['', '   ', '"*()-:^', '(((']) {
      const result = await harness.core.dispatch('queue.list', { filters: { search } });
      expect(result.ok, search).toBe(true);
      expect(total(result)).toBe(total(all));
    }
  });

  it('never lets FTS syntax through: quotes and operators are searched as words', async () => {
    for (const search of ['"unclosed', 'a OR b', 'address:x', 'x AND NOT y', '*', 'NEAR(a b)']) {
      const result = await harness.core.dispatch('queue.list', { filters: { search } });
      expect(result.ok, search).toBe(true);
    }
  });

  it('refuses an unknown status and changes nothing', async () => {
    const before = [countRows('case_events'), countRows('outbox')];
    const result = await harness.core.dispatch('case.setStatus', { caseId: 1, status: 'approved_by_magic' });
    expect(result.ok).toBe(false);
    expect([countRows('case_events'), countRows('outbox')]).toEqual(before);
  });

  it('refuses an empty note and a note of only spaces', async () => {
    for (const body of ['', '    ']) {
      const result = await harness.core.dispatch('case.addNote', { caseId: 1, body });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('input.invalid');
    }
  });

  it('answers an unknown attachment with attachment.notFound', async () => {
    const result = await harness.core.dispatch('attachment.open', { attachmentId: 99_999_999 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('attachment.notFound');
    expect(harness.openedFiles).toEqual([]);
  });

  it('hands an existing attachment to the host to open', async () => {
    const row = harness.core.database.sqlite.prepare('SELECT id, file_name FROM attachments LIMIT 1').get() as {
      id: number;
      file_name: string;
    };
    const result = await harness.core.dispatch('attachment.open', { attachmentId: row.id });
    expect(result).toEqual({ ok: true, value: { attachmentId: row.id, fileName: row.file_name } });
    expect(harness.openedFiles.at(-1)?.fileName).toBe(row.file_name);
  });
});
