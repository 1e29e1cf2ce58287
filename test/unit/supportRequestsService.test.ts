// The desk's Henvendelser calls with a stand-in for the service: who may ask (case handlers and supervisors, not a
// reader), the refusals said as the renderer's codes, and what the desk's cache adds (the case's id for the link,
// the answerer's name); open requests oldest first, answered ones latest first.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../../shared/contract';
import type { PortalStaffSupportRequest } from '../../shared/portalApi/support';
import type { OnlineRunner } from '../../core/portal/portalFirmsService';
import { SupportRequestsService } from '../../core/portal/supportRequestsService';
import type { ServiceConnection } from '../../core/service/serviceConnection';
import { ServiceRefusal } from '../../core/service/serviceHttp';

const handler: UserSummary = { id: 'anne', displayName: 'Anne Hansen', role: 'case_handler' };
const reader: UserSummary = { id: 'rita', displayName: 'Rita', role: 'reader' };

const request = (extra: Partial<PortalStaffSupportRequest>): PortalStaffSupportRequest => ({
  id: '00000000-0000-4000-8000-000000000001', category: 'construction_power_reading', caseNumber: null, meterNumber: null,
  meterReading: null, text: 'Feil avlesning', contactEmail: 'kari@elektro.test', contactPhone: '91234567', attachment: null,
  createdAt: '2026-12-01T08:00:00.000Z', state: 'open', answer: null, answeredAt: null,
  firm: { id: '00000000-0000-4000-8000-0000000000f1', name: 'Elektro AS' }, organisationNumber: '950000031', signedIn: true,
  answeredBy: null, ...extra,
});

function cache(): Database.Database {
  const sqlite = new Database(':memory:');
  sqlite.exec(`CREATE TABLE cases (id INTEGER PRIMARY KEY, case_number TEXT);
    CREATE TABLE users (id TEXT PRIMARY KEY, display_name TEXT);
    INSERT INTO cases VALUES (17, '2026-000017'); INSERT INTO users VALUES ('sara', 'Sara Berg');`);
  return sqlite;
}

const serviceAnswering = (connection: Partial<ServiceConnection>): OnlineRunner => ({
  alongside: (operation) => operation(connection as ServiceConnection),
});

const opened: Array<{ absolutePath: string; fileName: string; mimeType: string }> = [];
const filesDirectory = mkdtempSync(path.join(tmpdir(), 'support-files-'));
const make = (central: OnlineRunner | null, user: UserSummary) => new SupportRequestsService({
  sqlite: cache(), central, currentUser: () => user, now: () => new Date('2026-12-05T10:00:00Z'), filesDirectory,
  openFile: async (absolutePath, fileName, mimeType) => {
    opened.push({ absolutePath, fileName, mimeType });
  },
});

describe('SupportRequestsService', () => {
  it('links the cached case, names the answerer, and orders open oldest first and answered latest first', async () => {
    const runner = serviceAnswering({
      supportRequests: async () => [
        request({ id: '00000000-0000-4000-8000-000000000002', createdAt: '2026-12-03T08:00:00.000Z', caseNumber: '2026-000017' }),
        request({ id: '00000000-0000-4000-8000-000000000003', createdAt: '2026-12-02T08:00:00.000Z', caseNumber: '2026-000099' }),
        request({ id: '00000000-0000-4000-8000-000000000004', state: 'closed', answer: 'Svar', answeredAt: '2026-12-04T08:00:00.000Z', answeredBy: 'sara' }),
        request({ id: '00000000-0000-4000-8000-000000000005', state: 'closed', answer: 'Svar', answeredAt: '2026-12-04T09:00:00.000Z', answeredBy: 'gone' }),
      ],
    });
    const view = await make(runner, handler).list();
    expect(view.open.map((r) => r.case)).toEqual([
      { caseNumber: '2026-000099', caseId: null },
      { caseNumber: '2026-000017', caseId: 17 },
    ]);
    expect(view.answered.map((r) => r.answeredBy)).toEqual([
      { id: 'gone', displayName: 'gone' },
      { id: 'sara', displayName: 'Sara Berg' },
    ]);
    expect(view.fetchedAt).toBe('2026-12-05T10:00:00.000Z');
  });

  it('says an answer given meanwhile, or a request gone, in the renderer’s codes', async () => {
    const answered = serviceAnswering({ answerSupportRequest: () => Promise.reject(new ServiceRefusal(409, 'portal.supportAnswered', '')) });
    await expect(make(answered, handler).answer('x', 'Svar')).rejects.toMatchObject({ appError: { code: 'central.refused', params: { reason: 'supportAnswered' } } });
    const gone = serviceAnswering({ answerSupportRequest: () => Promise.reject(new ServiceRefusal(404, 'portal.supportMissing', '')) });
    await expect(make(gone, handler).answer('x', 'Svar')).rejects.toMatchObject({ appError: { code: 'central.refused', params: { reason: 'supportMissing' } } });
  });

  it('asks nothing of the service for a reader, and needs the service standalone', async () => {
    let asked = false;
    const runner: OnlineRunner = { alongside: () => { asked = true; return Promise.reject(new Error('no')); } };
    await expect(make(runner, reader).list()).rejects.toMatchObject({ appError: { code: 'permission.denied' } });
    expect(asked).toBe(false);
    await expect(make(null, handler).list()).rejects.toMatchObject({ appError: { code: 'central.offline', params: { reason: 'standalone' } } });
  });

  it('opens the file a request came with, written under its own folder whatever its name says', async () => {
    const content = Buffer.from('%PDF-1.4 skjermbilde');
    const runner = serviceAnswering({ supportAttachment: async () => ({ fileName: '../../etc/skjerm:bilde.pdf', type: 'application/pdf', content }) });
    const id = '00000000-0000-4000-8000-000000000009';
    expect(await make(runner, handler).openAttachment(id)).toEqual({ requestId: id, fileName: '../../etc/skjerm:bilde.pdf' });
    const [file] = opened.slice(-1);
    expect(file.absolutePath).toBe(path.join(filesDirectory, id, 'skjerm_bilde.pdf'));
    expect(file.mimeType).toBe('application/pdf');
    expect(readFileSync(file.absolutePath)).toEqual(content);
  });
});
