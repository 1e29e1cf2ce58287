// The importer evaluates the new completeness rules (issue 13 item 9) as the desk and the portal do, on a real SQLite
// file: a new installation on a shared service line is not complete without the co-owners' consent, and a supplement
// that brings it completes the case; the new request types import; a supplement may give construction power the end
// of its period.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../../core/attachments/attachmentStore';
import { openLocalDatabase, type LocalDatabase } from '../../../core/db/openLocalDatabase';
import { importTextIntoDatabase } from '../../../core/import/importService';
import { requestMessage, supplementMessage } from '../../fixtures/import/buildMessages';

const MIGRATIONS = path.resolve(__dirname, '../../../db/local/migrations');
const NOW = new Date('2026-03-20T09:00:00Z');
let directory: string;
let database: LocalDatabase;
let store: AttachmentStore;

beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'import-item9-'));
  database = openLocalDatabase({ file: path.join(directory, 'desk.sqlite'), migrationsFolder: MIGRATIONS });
  store = new AttachmentStore(path.join(directory, 'attachments'));
});
afterEach(() => {
  database.close();
  rmSync(directory, { recursive: true, force: true });
});

const load = (value: unknown) => importTextIntoDatabase(database.sqlite, store, JSON.stringify(value), 'test.json', { now: NOW });
const caseOf = (messageId: string) =>
  database.sqlite.prepare('SELECT * FROM cases WHERE message_id = ?').get(messageId) as Record<string, unknown>;
const consent = {
  kind: 'co_owner_consent', fileName: 'samtykke.pdf', mimeType: 'application/pdf',
  contentBase64: Buffer.from('%PDF-1.4 samtykke').toString('base64'),
};

describe('the importer and the rules of item 9', () => {
  it("a shared service line waits for the co-owners' consent; the supplement that brings it completes the case", () => {
    const request = requestMessage(1);
    expect(load([{ ...request, installation: { ...(request.installation as object), sharedServiceLine: true } }]))
      .toMatchObject({ imported: 1 });
    expect(caseOf('ELS-9000001')).toMatchObject({ shared_service_line: 1, complete_at: null });
    load([supplementMessage(1, 'ELS-9000001', { attachments: [consent] })]);
    expect(caseOf('ELS-9000001').complete_at).not.toBeNull();
    // Without a shared line the same request is complete on arrival.
    load([requestMessage(2)]);
    expect(caseOf('ELS-9000002')).toMatchObject({ shared_service_line: 0, complete_at: expect.any(String) });
  });

  it('imports the new request types, and construction power completes when a supplement gives the end of its period', () => {
    const outcome = load([
      requestMessage(3, { requestType: 'change_of_use', freeText: 'Garasjen blir bolig.' }),
      requestMessage(4, { requestType: 'permanent_disconnection', installation: { ...(requestMessage(4).installation as object), meterNumbers: ['7359992'] } }),
      requestMessage(5, { requestType: 'service_line_move' }),
      requestMessage(6, { requestType: 'temporary_installation', installation: { ...(requestMessage(6).installation as object), companyCabinet: true, cabinetId: 'BS-0412' } }),
    ]);
    expect(outcome).toMatchObject({ imported: 4, quarantined: 0 });
    for (const id of ['ELS-9000003', 'ELS-9000004', 'ELS-9000005']) expect(caseOf(id).complete_at, id).not.toBeNull();
    expect(caseOf('ELS-9000006')).toMatchObject({ company_cabinet: 1, cabinet_id: 'BS-0412', complete_at: null });
    load([supplementMessage(6, 'ELS-9000006', { changes: { wantedEndDate: '2026-09-30' } })]);
    expect(caseOf('ELS-9000006')).toMatchObject({ wanted_end_date: '2026-09-30', complete_at: expect.any(String) });
  });
});
