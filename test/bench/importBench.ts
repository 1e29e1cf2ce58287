// Importing 10 000 requests (one file, as the portal's export would hand them over) into a fresh local database.
// The bar: under 10 s. Reports import.requests_per_s and import.10k_s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AttachmentStore } from '../../core/attachments/attachmentStore';
import { openLocalDatabase } from '../../core/db/openLocalDatabase';
import { importTextIntoDatabase } from '../../core/import/importService';
import { requestMessage } from '../fixtures/import/buildMessages';
import { MIGRATIONS_FOLDER } from '../../harness/harnessCore';
import { round, type BenchResult } from './stats';

export const IMPORT_BENCH_REQUESTS = 10_000;

export function benchImport(requests = IMPORT_BENCH_REQUESTS): BenchResult[] {
  const directory = mkdtempSync(path.join(tmpdir(), 'desk-import-bench-'));
  const database = openLocalDatabase({ file: path.join(directory, 'import.sqlite'), migrationsFolder: MIGRATIONS_FOLDER });
  try {
    const text = JSON.stringify(Array.from({ length: requests }, (_, n) => requestMessage(n + 1)));
    const started = performance.now();
    const outcome = importTextIntoDatabase(database.sqlite, new AttachmentStore(path.join(directory, 'attachments')), text,
      'bench.json', { now: new Date('2026-03-20T09:00:00Z') });
    const seconds = (performance.now() - started) / 1000;
    if (outcome.imported !== requests) throw new Error(`Import bench: ${outcome.imported} of ${requests} imported`);
    return [
      { name: 'import.requests_per_s', value: round(requests / seconds, 0), unit: 'requests/s' },
      { name: 'import.10k_s', value: round((seconds * IMPORT_BENCH_REQUESTS) / requests, 2), unit: 's' },
    ];
  } finally {
    database.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
