// What a typed search parts into words must be what the search index (FTS5, unicode61, detail = 'none' since local
// 0032) parts it into: a term it reads as two words is a phrase, which an index without places refuses to search.
// Checked for every code point against the SQLite the desk ships with, and for the in-memory index's words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalDatabase, type LocalDatabase } from '../../core/db/openLocalDatabase';
import { toFtsQuery } from '../../core/queue/searchQuery';
import { eachWord } from '../../core/queue/searchWords';

const MIGRATIONS = path.resolve(__dirname, '../../db/local/migrations');
let directory: string;
let database: LocalDatabase;

beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'search-words-'));
  database = openLocalDatabase({ file: path.join(directory, 'words.sqlite'), migrationsFolder: MIGRATIONS });
  database.sqlite.prepare("INSERT INTO case_search (rowid, case_number, address, owner, installer, identifiers) VALUES (1, '2026-000001', 'ab\u19b0cd 4610', '', '', '')").run();
});
afterAll(() => {
  database.close();
  rmSync(directory, { recursive: true, force: true });
});

const words = (text: string) => {
  const found: string[] = [];
  eachWord(text, (word) => found.push(word));
  return found;
};

describe('the words of a search', () => {
  it('never make a phrase of one typed word, whatever code point stands in it', () => {
    const search = database.sqlite.prepare('SELECT rowid FROM case_search WHERE case_search MATCH ?').pluck();
    const refused: string[] = [];
    for (let code = 0x20; code < 0x30000; code++) {
      if (code >= 0xd800 && code < 0xe000) continue;
      const char = String.fromCodePoint(code);
      for (const text of [`ab${char}cd`, `${char}${char}x`]) {
        const query = toFtsQuery(text);
        if (query === null) continue;
        try {
          search.all(query);
        } catch {
          refused.push(code.toString(16));
          break;
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it('part at a letter SQLite takes for a separator, in the query and in the in-memory index alike', () => {
    const search = database.sqlite.prepare('SELECT rowid FROM case_search WHERE case_search MATCH ?').pluck();
    expect(search.all(toFtsQuery('ab\u19b0cd'))).toEqual([1]);
    expect(words('AB\u19b0cd 4610')).toEqual(['ab', 'cd', '4610']);
    expect(words('Kristiansand S, Dronningens gate 14')).toEqual(['kristiansand', 's', 'dronningens', 'gate', '14']);
  });
});
