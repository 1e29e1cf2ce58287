// Free-text search: which case ids have a word beginning with each term. The in-memory index (searchIndex.ts)
// answers once it is loaded; long numbers beyond what it keeps, and every search before it is loaded, go to
// FTS5, which returns the matching ids as one comma-separated string (three times faster than a row per id).
import type Database from 'better-sqlite3';
import { add, andInto, type Bits } from './bitset';
import type { SearchIndex } from './searchIndex';
import { ftsTerm, searchTerms, toFtsQuery } from './searchQuery';
import { keysAnswer } from './searchWords';

/** Terms whose cases are kept for the next keystroke (the same words typed on). */
const TERMS_KEPT = 32;

export class SearchHits {
  private readonly statement: Database.Statement;
  private cached: { text: string; hits: Bits | null } | null = null;
  private readonly byTerm = new Map<string, Bits>();

  constructor(
    sqlite: Database.Database,
    private readonly index: SearchIndex,
  ) {
    this.statement = sqlite.prepare('SELECT group_concat(rowid) FROM case_search WHERE case_search MATCH ?').pluck();
  }

  /** Null when the text holds nothing to search for. */
  hitsFor(text: string): Bits | null {
    if (this.cached?.text === text) return this.cached.hits;
    const terms = searchTerms(text);
    let hits: Bits | null = null;
    if (terms !== null && !this.index.isLoaded) hits = this.fts(toFtsQuery(text)!);
    else if (terms !== null) {
      for (const term of terms) {
        const ofTerm = this.casesWith(term);
        if (hits === null) hits = new Uint32Array(ofTerm);
        else andInto(hits, ofTerm);
      }
    }
    this.cached = { text, hits };
    return hits;
  }

  private casesWith(term: string): Bits {
    let hits = this.byTerm.get(term);
    if (hits) return hits;
    hits = keysAnswer(term) ? this.index.casesWith(term) : this.fts(ftsTerm(term));
    if (this.byTerm.size >= TERMS_KEPT) this.byTerm.delete(this.byTerm.keys().next().value!);
    this.byTerm.set(term, hits);
    return hits;
  }

  private fts(query: string): Bits {
    return parseIdList((this.statement.get(query) as string | null) ?? '');
  }

  /** Cases changed: the next search asks again. */
  invalidate(): void {
    this.cached = null;
    this.byTerm.clear();
  }
}

function parseIdList(csv: string): Bits {
  const ids: number[] = [];
  let max = 0;
  let value = 0;
  for (let i = 0; i <= csv.length; i++) {
    const code = i < csv.length ? csv.charCodeAt(i) : 44;
    if (code === 44) {
      if (i > 0) {
        ids.push(value);
        if (value > max) max = value;
      }
      value = 0;
    } else value = value * 10 + (code - 48);
  }
  const hits = new Uint32Array(ids.length === 0 ? 0 : (max >>> 5) + 1);
  for (const id of ids) add(hits, id);
  return hits;
}
