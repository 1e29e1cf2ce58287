// Turns what a person types into search terms: every word must match, each as a prefix, so that "kristians 12"
// finds "Kristiansand … 12". `toFtsQuery` makes them a safe FTS5 query: quotes in the input are doubled, so
// nothing is FTS syntax.
import { NORWEGIAN_METERING_POINT_PREFIX } from '../../shared/rules';
import { WORD_SEPARATORS } from './searchWords';

const MAX_TERMS = 12;

/**
 * Every Norwegian metering point ID begins 7070575000, so typing those digits narrows nothing down while
 * costing a scan of every ID; such a word is left out until the typed digits go past the shared prefix.
 */
const narrowsNothing = (term: string): boolean =>
  term.length >= 4 && NORWEGIAN_METERING_POINT_PREFIX.startsWith(term);

/** The lower-case prefixes every case found must have among its words; null when there is nothing to search for. */
export function searchTerms(text: string): string[] | null {
  const terms = text
    .normalize('NFC')
    .toLowerCase()
    .split(WORD_SEPARATORS)
    .filter((term) => term.length > 0 && !narrowsNothing(term))
    .slice(0, MAX_TERMS);
  // One letter matches nearly every case (and costs the most to find): the search starts at the second.
  // A one-letter word beside a longer one still counts ("Kirkeveien 3").
  if (terms.every((term) => term.length < 2)) return null;
  return terms;
}

export const ftsTerm = (term: string): string => `"${term.replaceAll('"', '""')}"*`;

export function toFtsQuery(text: string): string | null {
  return searchTerms(text)?.map(ftsTerm).join(' ') ?? null;
}
