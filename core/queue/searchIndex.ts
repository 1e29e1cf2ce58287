// The free-text search in memory: every key (searchWords.ts) once, sorted, with the ids of the cases that have it
// in one array grouped by key in the same order. A prefix is then one range of keys and one range of ids, so a
// search costs what it finds: "kristiansand" at a million cases is some 300 000 bits set, with no SQL, no string
// of ids to parse and no pass over the cases that do not match.
// It is built in chunks (`loadStep`) next to the queue index. Cases changed since are kept apart (`stale` and
// `fresh`) and searched one by one; there are few of them between two starts of the desk.
import type Database from 'better-sqlite3';
import { add, andNotInto, grown, orInto, wordsFor, type Bits } from './bitset';
import { eachWord, keyOf } from './searchWords';

/** The text FTS5 gets from the triggers in 0001_search_index.sql, as one string per case. */
const TEXT_SQL = `SELECT c.id, coalesce(c.case_number, '') || ' ' || coalesce(c.address, '') || ' ' || coalesce(c.postcode, '')
    || ' ' || coalesce(c.post_town, '') || ' ' || coalesce(m.name, '') || ' ' || coalesce(c.owner_name, '') || ' '
    || coalesce(i.name, '') || ' ' || coalesce(c.metering_point_ids, '') || ' ' || coalesce(c.meter_numbers, '') AS text
  FROM cases c
  LEFT JOIN municipalities m ON m.number = c.municipality_number
  LEFT JOIN installers i ON i.id = c.installer_id`;

const LOAD_CHUNK = 20_000;
/** Changed cases kept apart before the index is built again. */
const REBUILD_AFTER = 50_000;

interface Built {
  keys: string[];
  /** Ids of key k are postings[starts[k] .. starts[k + 1]). */
  starts: Int32Array;
  postings: Int32Array;
  /** Keys held by more cases than a bitset has bits in words ("kristiansand", "2026"): their ids as a bitset. */
  dense: Map<number, Bits>;
  words: number;
}

/** Pairs (key number, case id) while loading. */
class Occurrences {
  length = 0;
  keys = new Int32Array(1 << 16);
  ids = new Int32Array(1 << 16);

  push(key: number, id: number): void {
    if (this.length === this.keys.length) {
      const grow = (old: Int32Array) => {
        const next = new Int32Array(old.length * 2);
        next.set(old);
        return next;
      };
      this.keys = grow(this.keys);
      this.ids = grow(this.ids);
    }
    this.keys[this.length] = key;
    this.ids[this.length++] = id;
  }
}

function keysOfText(text: string): Set<string> {
  const keys = new Set<string>();
  eachWord(text, (word) => keys.add(keyOf(word)));
  return keys;
}

export class SearchIndex {
  private built: Built | null = null;
  private loading: { keyNumbers: Map<string, number>; occurrences: Occurrences; cursor: number; maxId: number } | null =
    null;
  /** Cases changed since their chunk was read: their old keys are not to be trusted, their new ones are in `fresh`. */
  private stale: Bits = new Uint32Array(0);
  private fresh = new Map<number, string[]>();
  private readonly chunk: Database.Statement;
  private readonly byIds: Database.Statement;

  constructor(
    sqlite: Database.Database,
    private readonly chunkSize = LOAD_CHUNK,
  ) {
    this.chunk = sqlite.prepare(`${TEXT_SQL} WHERE c.id > ? ORDER BY c.id LIMIT ?`).raw();
    this.byIds = sqlite.prepare(`${TEXT_SQL} WHERE c.id IN (SELECT value FROM json_each(?))`).raw();
  }

  get isLoaded(): boolean {
    return this.built !== null;
  }

  /** Reads the next chunk of cases' text; true when the index is ready. */
  loadStep(): boolean {
    if (this.built) return true;
    this.loading ??= { keyNumbers: new Map(), occurrences: new Occurrences(), cursor: 0, maxId: 0 };
    const loading = this.loading;
    const rows = this.chunk.all(loading.cursor, this.chunkSize) as Array<[number, string]>;
    for (const [id, text] of rows) {
      for (const key of keysOfText(text)) {
        let number = loading.keyNumbers.get(key);
        if (number === undefined) loading.keyNumbers.set(key, (number = loading.keyNumbers.size));
        loading.occurrences.push(number, id);
      }
      loading.cursor = id;
    }
    loading.maxId = Math.max(loading.maxId, loading.cursor);
    if (rows.length < this.chunkSize) {
      this.built = finish(loading.keyNumbers, loading.occurrences, loading.maxId);
      this.loading = null;
    }
    return this.built !== null;
  }

  /** Re-reads these cases' text (new, changed or deleted cases). */
  refresh(caseIds: readonly number[]): void {
    if (caseIds.length === 0) return;
    if (this.fresh.size + caseIds.length > REBUILD_AFTER) {
      // So many searched one by one that building again is cheaper (FTS5 answers meanwhile).
      this.invalidate();
      return;
    }
    const texts = new Map(this.byIds.all(JSON.stringify(caseIds)) as Array<[number, string]>);
    for (const id of caseIds) {
      this.stale = grown(this.stale, wordsFor(id + 1));
      add(this.stale, id);
      const text = texts.get(id);
      if (text === undefined) this.fresh.delete(id);
      else this.fresh.set(id, [...keysOfText(text)]);
    }
  }

  /** Everything again from scratch. */
  invalidate(): void {
    this.built = null;
    this.loading = null;
    this.stale = new Uint32Array(0);
    this.fresh.clear();
  }

  /** The cases with a word beginning with `term` (lower case, answered by keys: searchWords.ts `keysAnswer`). */
  casesWith(term: string): Bits {
    const built = this.built;
    if (!built) throw new Error('The search index is not loaded yet');
    let words = built.words;
    for (const id of this.fresh.keys()) words = Math.max(words, wordsFor(id + 1));
    const hits = new Uint32Array(words);
    const { keys, starts, postings } = built;
    const low = lowerBound(keys, term);
    let high = low;
    while (high < keys.length && keys[high].startsWith(term)) high++;
    for (let k = low; k < high; k++) {
      const bits = built.dense.get(k);
      if (bits) orInto(hits, bits);
      else for (let p = starts[k], end = starts[k + 1]; p < end; p++) add(hits, postings[p]);
    }
    if (this.stale.length > 0) {
      andNotInto(hits, this.stale);
      for (const [id, caseKeys] of this.fresh) if (caseKeys.some((key) => key.startsWith(term))) add(hits, id);
    }
    return hits;
  }
}

/** The keys sorted, and the ids grouped by key in that order (a counting sort of the pairs). */
function finish(keyNumbers: Map<string, number>, occurrences: Occurrences, maxId: number): Built {
  const keys = [...keyNumbers.keys()].sort();
  const rank = new Int32Array(keys.length);
  keys.forEach((key, i) => (rank[keyNumbers.get(key)!] = i));
  const starts = new Int32Array(keys.length + 1);
  for (let i = 0; i < occurrences.length; i++) starts[rank[occurrences.keys[i]] + 1]++;
  for (let k = 0; k < keys.length; k++) starts[k + 1] += starts[k];
  const next = starts.slice(0, keys.length);
  const postings = new Int32Array(occurrences.length);
  for (let i = 0; i < occurrences.length; i++) postings[next[rank[occurrences.keys[i]]]++] = occurrences.ids[i];
  const words = wordsFor(maxId + 1);
  const dense = new Map<number, Bits>();
  for (let k = 0; k < keys.length; k++) {
    if (starts[k + 1] - starts[k] <= words) continue;
    const bits = new Uint32Array(words);
    for (let p = starts[k]; p < starts[k + 1]; p++) add(bits, postings[p]);
    dense.set(k, bits);
  }
  return { keys, starts, postings, dense, words };
}

function lowerBound(keys: string[], term: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid] < term) low = mid + 1;
    else high = mid;
  }
  return low;
}
