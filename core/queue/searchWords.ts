// The words of a case's searchable text as the FTS5 table case_search has them (tokenize 'unicode61
// remove_diacritics 0': letters and digits make words, everything else parts them, lower case), and the key each
// word is kept under in the in-memory search index (searchIndex.ts).
import { NORWEGIAN_METERING_POINT_PREFIX } from '../../shared/rules';

/**
 * Letters to JavaScript's Unicode tables (New Tai Lue vowel signs, two Vedic signs) that SQLite's unicode61, built on
 * older tables, takes for separators. Both sides must part words alike: the index keeps which cases have a word and
 * nothing of its place (local 0032), so a term FTS5 would read as two words is a phrase it refuses to search for.
 * test/integration/searchWords.test.ts checks every code point against the SQLite the desk ships with.
 */
const LETTERS_FTS_PARTS_AT = '\u19B0-\u19C0\u19C8\u19C9\u1CF2\u1CF3';
/** A run of characters that parts words. */
export const WORD_SEPARATORS = new RegExp(`(?:[^\\p{L}\\p{N}]|[${LETTERS_FTS_PARTS_AT}])+`, 'u');

const wordChar = new Map<number, boolean>();
const WORD_CHAR = new RegExp(`^(?![${LETTERS_FTS_PARTS_AT}])[\\p{L}\\p{N}]$`, 'u');

function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  let known = wordChar.get(code);
  if (known === undefined) wordChar.set(code, (known = WORD_CHAR.test(String.fromCharCode(code))));
  return known;
}

/** Calls `take` with each lower-case word of `text`. */
export function eachWord(text: string, take: (word: string) => void): void {
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const inWord = i < lower.length && isWordChar(lower.charCodeAt(i));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      take(lower.slice(start, i));
      start = -1;
    }
  }
}

const isDigits = (word: string): boolean => /^[0-9]+$/.test(word);

/** A number of up to this many digits is kept whole; a longer one (an identifier) by its first digits. */
const HEAD = 4;
/** Metering point IDs share their first ten digits: they are kept by the four digits after those. */
const METERING_HEAD = NORWEGIAN_METERING_POINT_PREFIX.length + HEAD;

/**
 * What a word is kept under. Words with a letter and short numbers are kept whole: few distinct ones, and the
 * common ones ("kristiansand", "2026") are what makes a search costly. Identifiers (case number digits, metering
 * point IDs, meter numbers) are nearly one per case; keeping only their first digits keeps the dictionary small,
 * and a search term no longer than those first digits still finds exactly the cases it should.
 */
export function keyOf(word: string): string {
  if (word.length <= HEAD || !isDigits(word)) return word;
  return word.slice(0, word.startsWith(NORWEGIAN_METERING_POINT_PREFIX) ? METERING_HEAD : HEAD);
}

/** Whether the keys answer a search for `term` exactly; if not, the term goes to FTS. */
export function keysAnswer(term: string): boolean {
  if (term.length <= HEAD || !isDigits(term)) return true;
  return term.startsWith(NORWEGIAN_METERING_POINT_PREFIX) && term.length <= METERING_HEAD;
}
