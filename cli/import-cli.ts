// npm run import -- <file or folder> [--database file.sqlite] [--stream-above-mb 64] [--max-message-mb 256]
//   |   npm run import -- --quarantined
// Loads incoming portal messages (docs/import-format.md). With DATABASE_URL (and no --database) into the central
// database, as its owner; otherwise into a local database: --database, or the standalone app's own file.
// `--quarantined` imports the central quarantine rows a handler fixed and marked ready. `--write-schema` writes
// resources/schemas/incoming-message.schema.json from the zod schemas. Files larger than --stream-above-mb are read
// record by record; one message larger than --max-message-mb is quarantined as too large (docs/import-format.md).
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AttachmentStore } from '../core/attachments/attachmentStore';
import { openLocalDatabase } from '../core/db/openLocalDatabase';
import { incomingFileJsonSchemaText } from '../core/import/incomingJsonSchema';
import { incomingFiles } from '../core/import/incomingFiles';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../core/import/incomingFile';
import { importFileIntoDatabase, type ImportOutcome } from '../core/import/importService';
import { progressBar } from '../core/import/progressBar';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    database: { type: 'string' },
    quarantined: { type: 'boolean', default: false },
    'write-schema': { type: 'boolean', default: false },
    'stream-above-mb': { type: 'string' },
    'max-message-mb': { type: 'string' },
  },
});

const MiB = 1024 * 1024;
function megabytes(option: string, fallback: number): number {
  const text = values[option as 'stream-above-mb' | 'max-message-mb'];
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${option} must be a positive number of MiB, not '${text}'`);
  return Math.round(value * MiB);
}

/** Where Electron keeps the standalone app's data (app.getPath('userData') for our productName). */
function standaloneDataDirectory(): string {
  const home = os.homedir();
  const appData = process.platform === 'win32' ? (process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
    : process.platform === 'darwin' ? path.join(home, 'Library', 'Application Support')
    : (process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, 'Saksbehandlerpulten');
}

const add = (total: ImportOutcome, one: ImportOutcome): void => {
  total.imported += one.imported;
  total.duplicates += one.duplicates;
  total.quarantined += one.quarantined;
  total.caseIds.push(...one.caseIds);
  total.quarantineIds.push(...one.quarantineIds);
};

function printSummary(outcome: ImportOutcome, reasonsOf: (ids: string[]) => Array<{ source: string; messageId: string | null; reasons: string }>): void {
  console.log(`Imported ${outcome.imported}, duplicates ${outcome.duplicates}, quarantined ${outcome.quarantined}.`);
  const shown = outcome.quarantineIds.slice(0, 20);
  for (const row of reasonsOf(shown)) {
    const reasons = (JSON.parse(row.reasons) as { path: string; message: string }[]).map((r) => r.message).join('; ');
    console.log(`  quarantined ${row.messageId ?? '(no message id)'} from ${row.source}: ${reasons}`);
  }
  if (outcome.quarantineIds.length > shown.length) console.log(`  … and ${outcome.quarantineIds.length - shown.length} more (see the quarantine in the app)`);
}

function importLocally(targets: string[], databaseFile: string, limits: ImportLimits): void {
  const directory = path.dirname(databaseFile);
  const database = openLocalDatabase({ file: databaseFile, migrationsFolder: path.resolve(__dirname, '../db/local/migrations') });
  const store = new AttachmentStore(path.join(directory, 'attachments'));
  const total: ImportOutcome = { imported: 0, duplicates: 0, quarantined: 0, caseIds: [], quarantineIds: [] };
  const progress = progressBar();
  try {
    const files = targets.flatMap(incomingFiles);
    files.forEach((file, index) => {
      const label = `${path.basename(file)} (${index + 1}/${files.length})`;
      const outcome = importFileIntoDatabase(database.sqlite, store, file, {
        now: new Date(),
        limits,
        onProgress: (done, of) => progress.update(done, of, label),
      });
      add(total, outcome);
    });
    progress.finish();
    const reasons = database.sqlite.prepare('SELECT source, message_id AS messageId, reasons FROM import_quarantine WHERE id = ?');
    printSummary(total, (ids) => ids.map((id) => reasons.get(id) as { source: string; messageId: string | null; reasons: string }));
  } finally {
    database.close();
  }
}

async function main(): Promise<void> {
  if (values['write-schema']) {
    const file = path.resolve(__dirname, '../resources/schemas/incoming-message.schema.json');
    writeFileSync(file, incomingFileJsonSchemaText());
    console.log(`Wrote ${file}`);
    return;
  }
  const limits: ImportLimits = {
    streamAboveBytes: megabytes('stream-above-mb', DEFAULT_IMPORT_LIMITS.streamAboveBytes),
    maxRecordBytes: megabytes('max-message-mb', DEFAULT_IMPORT_LIMITS.maxRecordBytes),
  };
  const central = process.env.DATABASE_URL && values.database === undefined;
  if (central || values.quarantined) {
    const { importFilesIntoCentral } = await import('./centralImportCli');
    await importFilesIntoCentral(positionals, { quarantined: values.quarantined, limits });
    return;
  }
  if (positionals.length === 0) {
    console.error('Usage: npm run import -- <file or folder> [--database file.sqlite]  |  npm run import -- --quarantined');
    process.exitCode = 2;
    return;
  }
  const databaseFile = path.resolve(values.database ?? path.join(standaloneDataDirectory(), 'desk.sqlite'));
  console.error(`Importing into ${databaseFile}`);
  importLocally(positionals, databaseFile, limits);
}

main().catch((error: unknown) => {
  console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
