// The CLI's central half: DATABASE_URL, as the owner; files with a progress bar, or the quarantine rows marked ready.
import path from 'node:path';
import pg from 'pg';
import { importFileIntoCentral, importReadyQuarantine } from '../core/import/centralImport';
import type { ImportLimits } from '../core/import/incomingFile';
import { incomingFiles } from '../core/import/incomingFiles';
import type { ImportOutcome } from '../core/import/importService';
import { progressBar } from '../core/import/progressBar';

export async function importFilesIntoCentral(targets: string[], options: { quarantined: boolean; limits?: ImportLimits }): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the central database (as its owner)');
  const client = new pg.Client({ connectionString: url, application_name: 'desk-import' });
  await client.connect();
  const total: ImportOutcome = { imported: 0, duplicates: 0, quarantined: 0, caseIds: [], quarantineIds: [] };
  const add = (one: ImportOutcome) => {
    total.imported += one.imported;
    total.duplicates += one.duplicates;
    total.quarantined += one.quarantined;
    total.quarantineIds.push(...one.quarantineIds);
  };
  try {
    if (options.quarantined) add(await importReadyQuarantine(client, new Date()));
    const progress = progressBar();
    const files = targets.flatMap(incomingFiles);
    for (const [index, file] of files.entries()) {
      const label = `${path.basename(file)} (${index + 1}/${files.length})`;
      add(await importFileIntoCentral(client, file, {
        now: new Date(),
        limits: options.limits,
        onProgress: (done, of) => progress.update(done, of, label),
      }));
    }
    progress.finish();
    console.log(`Imported ${total.imported}, duplicates ${total.duplicates}, quarantined ${total.quarantined}.`);
    if (total.quarantineIds.length > 0) {
      const { rows } = await client.query<{ message_id: string | null; source: string; reasons: string }>(
        'SELECT message_id, source, reasons FROM import_quarantine WHERE id = ANY($1::uuid[]) LIMIT 20', [total.quarantineIds]);
      for (const row of rows) {
        const reasons = (JSON.parse(row.reasons) as { message: string }[]).map((r) => r.message).join('; ');
        console.log(`  quarantined ${row.message_id ?? '(no message id)'} from ${row.source}: ${reasons}`);
      }
    }
  } finally {
    await client.end();
  }
}
