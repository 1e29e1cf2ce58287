// Imports that lose nothing, into a real SQLite file (standalone, and the CLI's --database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { AttachmentStore } from '../../../core/attachments/attachmentStore';
import { openLocalDatabase, type LocalDatabase } from '../../../core/db/openLocalDatabase';
import { importFileIntoDatabase, importTextIntoDatabase, type ImportOutcome } from '../../../core/import/importService';
import { losesNothing, type QuarantineRow } from './losesNothingSuite';

const MIGRATIONS = path.resolve(__dirname, '../../../db/local/migrations');
const NOW = new Date('2026-03-20T09:00:00Z');
let directory: string;
let database: LocalDatabase;
let store: AttachmentStore;

beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'import-local-'));
  database = openLocalDatabase({ file: path.join(directory, 'desk.sqlite'), migrationsFolder: MIGRATIONS });
  store = new AttachmentStore(path.join(directory, 'attachments'));
});
afterEach(() => {
  database.close();
  rmSync(directory, { recursive: true, force: true });
});

const add = (total: ImportOutcome, one: ImportOutcome): ImportOutcome => ({
  imported: total.imported + one.imported,
  duplicates: total.duplicates + one.duplicates,
  quarantined: total.quarantined + one.quarantined,
  caseIds: [...total.caseIds, ...one.caseIds],
  quarantineIds: [...total.quarantineIds, ...one.quarantineIds],
});

losesNothing(() => ({
  async importFiles(files, limits) {
    return files.map((file) => importFileIntoDatabase(database.sqlite, store, file, { now: NOW, limits }))
      .reduce(add, { imported: 0, duplicates: 0, quarantined: 0, caseIds: [], quarantineIds: [] });
  },
  async importText(text, source) {
    return importTextIntoDatabase(database.sqlite, store, text, source, { now: NOW });
  },
  async quarantine(prefix) {
    const rows = database.sqlite.prepare('SELECT raw, message_id, source, reasons FROM import_quarantine WHERE source LIKE ? ORDER BY rowid')
      .all(`${prefix}%`) as (Omit<QuarantineRow, 'reasons'> & { reasons: string })[];
    return rows.map((row) => ({ ...row, reasons: JSON.parse(row.reasons) as QuarantineRow['reasons'] }));
  },
  async addressOf(messageId) {
    return database.sqlite.prepare('SELECT address FROM cases WHERE message_id = ?').pluck().get(messageId) as string | undefined;
  },
}));
