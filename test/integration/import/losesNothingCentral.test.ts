// Imports that lose nothing, into a real central PostgreSQL database, as its owner (the central importer).
import type pg from 'pg';
import { importFileIntoCentral, importIntoCentral } from '../../../core/import/centralImport';
import type { ImportOutcome } from '../../../core/import/importService';
import { useCentralDatabase } from '../../support/centralDatabase';
import { losesNothing, type QuarantineRow } from './losesNothingSuite';

const NOW = new Date('2026-03-20T09:00:00Z');
let client: pg.Client;

useCentralDatabase('import_loses_nothing', {
  async setup(central) {
    client = central.admin;
  },
});

losesNothing(() => ({
  async importFiles(files, limits) {
    const total: ImportOutcome = { imported: 0, duplicates: 0, quarantined: 0, caseIds: [], quarantineIds: [] };
    for (const file of files) {
      const one = await importFileIntoCentral(client, file, { now: NOW, limits });
      total.imported += one.imported;
      total.duplicates += one.duplicates;
      total.quarantined += one.quarantined;
      total.caseIds.push(...one.caseIds);
      total.quarantineIds.push(...one.quarantineIds);
    }
    return total;
  },
  async importText(text, source) {
    return importIntoCentral(client, text, source, { now: NOW });
  },
  async quarantine(prefix) {
    const { rows } = await client.query<Omit<QuarantineRow, 'reasons'> & { reasons: string }>(
      "SELECT raw, message_id, source, reasons FROM import_quarantine WHERE starts_with(source, $1) ORDER BY received_at, source", [prefix]);
    return rows.map((row) => ({ ...row, reasons: JSON.parse(row.reasons) as QuarantineRow['reasons'] }));
  },
  async addressOf(messageId) {
    const { rows } = await client.query<{ address: string }>('SELECT address FROM cases WHERE message_id = $1', [messageId]);
    return rows[0]?.address;
  },
}));
