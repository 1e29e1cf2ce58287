import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../core/queue/searchQuery';

describe('what a person types becomes a safe FTS5 query', () => {
  it('makes every word a prefix and requires them all', () => {
    expect(toFtsQuery('Kristians 12')).toBe('"kristians"* "12"*');
  });

  it('splits case numbers and addresses on punctuation, as the index does', () => {
    expect(toFtsQuery('2026-000123')).toBe('"2026"* "000123"*');
    expect(toFtsQuery('Skarpengland-veien 3B')).toBe('"skarpengland"* "veien"* "3b"*');
  });

  it('keeps Norwegian letters', () => {
    expect(toFtsQuery('Sørlandets Ærlige Åsen')).toBe('"sørlandets"* "ærlige"* "åsen"*');
  });

  it('has no FTS syntax left in it', () => {
    for (const text of ['"unclosed', 'a OR b', 'address:x', 'NEAR(a b)', '*', 'x AND NOT y', '^start']) {
      const query = toFtsQuery(text);
      if (query !== null) expect(query).toMatch(/^("[\p{L}\p{N}]+"\* ?)+$/u);
    }
  });

  it('does not search one letter alone, but keeps it beside a longer word', () => {
    expect(toFtsQuery('k')).toBeNull();
    expect(toFtsQuery('k 3')).toBeNull();
    expect(toFtsQuery('Kirkeveien 3')).toBe('"kirkeveien"* "3"*');
  });

  it('leaves out the metering point prefix every Norwegian ID shares, until the digits go past it', () => {
    expect(toFtsQuery('7070575000')).toBeNull();
    expect(toFtsQuery('70705750001234')).toBe('"70705750001234"*');
    expect(toFtsQuery('707')).toBe('"707"*');
  });

  it('caps the number of words', () => {
    const query = toFtsQuery(Array.from({ length: 30 }, (_, i) => `ord${i}`).join(' '));
    expect(query?.split(' ').length).toBe(12);
  });
});
