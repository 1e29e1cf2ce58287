// A history event pulled from the service is kept as the desk's own changes write it: compact JSON, the same value
// (PostgreSQL's jsonb output spaces every colon and comma). The pull's writer, on a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openLocalDatabase } from '../../../core/db/openLocalDatabase';
import { RowWriter } from '../../../core/sync/applyRows';
import { SYNCED_TABLES } from '../../../core/sync/syncedTables';

const MIGRATIONS = path.resolve(__dirname, '../../../db/local/migrations');
const directory = mkdtempSync(path.join(tmpdir(), 'event-data-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const caseEvents = SYNCED_TABLES.find((t) => t.local === 'case_events')!;

it('keeps a pulled event’s data as compact JSON with every key and value, and text that is not JSON as it came', () => {
  const database = openLocalDatabase({ file: path.join(directory, 'events.sqlite'), migrationsFolder: MIGRATIONS, enforceForeignKeys: false });
  try {
    const { sqlite } = database;
    const spaced = '{"to": "in_review", "via": "fetchNext", "from": null, "note": "Ja, nå: 2 × 63 A"}';
    new RowWriter(sqlite).write({
      table: caseEvents,
      columns: ['id', 'case_id', 'at', 'actor_id', 'kind', 'data'],
      rows: [
        [1, 7, '2026-11-02T08:00:00.000Z', 'kari', 'status_changed', spaced],
        [2, 7, '2026-11-02T08:01:00.000Z', 'kari', 'note_added', 'ikke JSON: {'],
      ],
    });
    const data = sqlite.prepare('SELECT data FROM case_events ORDER BY id').pluck().all() as string[];
    expect(data[0]).toBe('{"to":"in_review","via":"fetchNext","from":null,"note":"Ja, nå: 2 × 63 A"}');
    expect(JSON.parse(data[0])).toEqual(JSON.parse(spaced));
    expect(data[1]).toBe('ikke JSON: {');
  } finally {
    database.close();
  }
});
