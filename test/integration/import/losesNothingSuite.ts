// "Imports that lose nothing", the same tests against SQLite (standalone) and PostgreSQL (central): a file that is
// not UTF-8 is quarantined whole and byte for byte; a byte-order mark is allowed; a large file is streamed record by
// record or quarantined as too large, and the rest of the folder imports; a known message id with other content
// is quarantined, not counted as a duplicate; a key twice is quarantined; the raw record is the text as sent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReason } from '../../../core/import/importReasons';
import type { ImportOutcome } from '../../../core/import/importService';
import type { ImportLimits } from '../../../core/import/incomingFile';
import { requestMessage } from '../../fixtures/import/buildMessages';

export interface QuarantineRow {
  raw: string;
  message_id: string | null;
  source: string;
  reasons: ImportReason[];
}

export interface ImportDriver {
  /** Imports the files as `npm run import` does: one after the other, each on its own. */
  importFiles(files: string[], limits?: ImportLimits): Promise<ImportOutcome>;
  importText(text: string, source: string): Promise<ImportOutcome>;
  /** Quarantine rows whose source starts with `prefix`, oldest first. */
  quarantine(prefix: string): Promise<QuarantineRow[]>;
  /** The address of the case with this message id, or undefined. */
  addressOf(messageId: string): Promise<string | undefined>;
}

const KiB = 1024;

/** A message id and its request per test, so that tests sharing a central database do not meet. */
let next = 100;
const fresh = (overrides: Record<string, unknown> = {}) => {
  next += 1;
  return requestMessage(next, overrides);
};
const withAddress = (message: Record<string, unknown>, address: string): Record<string, unknown> =>
  ({ ...message, installation: { ...(message.installation as object), address } });

export function losesNothing(driver: () => ImportDriver): void {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'import-loses-nothing-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(directory, name);
    writeFileSync(file, content);
    return file;
  };

  describe('encoding', () => {
    it('a file that is not UTF-8 (Latin-1 "Sørlandsveien") is quarantined whole, byte for byte, with the offset; the next file imports', async () => {
      const latin = withAddress(fresh(), 'Sørlandsveien 12');
      const bytes = Buffer.from(JSON.stringify([latin], null, 2), 'latin1');
      const offset = bytes.indexOf(0xf8);
      expect(offset).toBeGreaterThan(0);
      const good = fresh();
      const outcome = await driver().importFiles([write('1-latin1.json', bytes), write('2-good.json', JSON.stringify(good))]);
      expect(outcome).toMatchObject({ imported: 1, quarantined: 1, duplicates: 0 });
      expect(await driver().addressOf(latin.messageId as string)).toBeUndefined();
      expect(await driver().addressOf(good.messageId as string)).toBeDefined();
      const [row] = await driver().quarantine(directory);
      expect(row.source).toBe(path.join(directory, '1-latin1.json'));
      expect(row.reasons).toEqual([expect.objectContaining({ path: '', code: 'encoding.notUtf8' })]);
      expect(row.reasons[0].message).toContain(`offset ${offset} (byte 0xF8)`);
      expect(row.reasons[0].message).toMatch(/Latin-1/);
      // Kept byte for byte: read as Latin-1, one character per byte.
      expect(Buffer.from(row.raw, 'latin1').equals(bytes)).toBe(true);
      expect(row.raw).toContain('Sørlandsveien 12');
      expect(row.raw).not.toContain('\uFFFD');
    });

    it('a file with a zero byte that is not UTF-8 is kept in base64 (text cannot hold a zero byte)', async () => {
      const bytes = Buffer.concat([Buffer.from('[{"messageId": "ELS-X", "text": "S'), Buffer.from([0xf8, 0x00]), Buffer.from('"}]')]);
      await driver().importFiles([write('zero.json', bytes)]);
      const [row] = await driver().quarantine(directory);
      expect(row.reasons[0]).toMatchObject({ code: 'encoding.notUtf8' });
      expect(row.raw.startsWith('base64:')).toBe(true);
      expect(Buffer.from(row.raw.slice('base64:'.length), 'base64').equals(bytes)).toBe(true);
    });

    it('a byte-order mark at the start is allowed and left out', async () => {
      const message = withAddress(fresh(), 'Sørlandsveien 14');
      const outcome = await driver().importFiles([write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(message))]))]);
      expect(outcome).toMatchObject({ imported: 1, quarantined: 0 });
      expect(await driver().addressOf(message.messageId as string)).toBe('Sørlandsveien 14');
    });
  });

  describe('large files', () => {
    const limits: ImportLimits = { streamAboveBytes: 4 * KiB, maxRecordBytes: 16 * KiB };
    const padded = (kiB: number) => fresh({ attachments: [{ kind: 'photo', fileName: 'bilde.jpg', mimeType: 'image/jpeg',
      contentBase64: Buffer.alloc(kiB * KiB * 0.75, 7).toString('base64') }] });

    it('a list larger than the limit is streamed record by record; a record too large is quarantined with its size, the rest imports', async () => {
      const [first, huge, last] = [fresh(), padded(20), padded(3)];
      const badAfter = fresh({ requestType: 'heat_pump' });
      const text = `[\n${[first, huge, last].map((m) => JSON.stringify(m)).join(',\n')},\n  ${JSON.stringify(badAfter, null, 1)}\n]\n`;
      const bigFile = write('1-big.json', text);
      const good = fresh();
      const outcome = await driver().importFiles([bigFile, write('2-good.json', JSON.stringify(good))], limits);
      expect(outcome).toMatchObject({ imported: 3, quarantined: 2, duplicates: 0 });
      for (const message of [first, last, good]) expect(await driver().addressOf(message.messageId as string)).toBeDefined();
      const rows = await driver().quarantine(directory);
      const tooLarge = rows.find((r) => r.reasons[0].code === 'record.tooLarge');
      expect(tooLarge?.reasons[0].message).toMatch(/Record 2 \(bytes \d+–\d+ of the file\) is 0\.\d MiB \(\d+ bytes\), over the 0\.0 MiB/);
      // A bad record of a streamed file is kept exactly as in the file.
      expect(rows.find((r) => r.message_id === badAfter.messageId)?.raw).toBe(JSON.stringify(badAfter, null, 1));
    });

    it('a file over the limits that is not a list is quarantined as too large with its size, and the rest of the folder imports', async () => {
      const big = write('1-one-big-message.json', JSON.stringify(padded(20)));
      const good = fresh();
      const outcome = await driver().importFiles([big, write('2-good.json', JSON.stringify(good))], limits);
      expect(outcome).toMatchObject({ imported: 1, quarantined: 1 });
      expect(await driver().addressOf(good.messageId as string)).toBeDefined();
      const [row] = await driver().quarantine(directory);
      expect(row).toMatchObject({ source: big, raw: '' });
      expect(row.reasons).toEqual([expect.objectContaining({ code: 'file.tooLarge' })]);
      expect(row.reasons[0].message).toMatch(/The file is 0\.0 MiB \(2\d{4} bytes\), over the 0\.0 MiB \(16384 bytes\)/);
    });

    it('a large file that is not UTF-8 is quarantined whole with the offset, though too large to keep', async () => {
      const bytes = Buffer.from(JSON.stringify([fresh(), withAddress(padded(5), 'Sørlandsveien 1')]), 'latin1');
      const outcome = await driver().importFiles([write('big-latin1.json', bytes)], limits);
      expect(outcome).toMatchObject({ imported: 0, quarantined: 1 });
      const [row] = await driver().quarantine(directory);
      expect(row.reasons[0]).toMatchObject({ code: 'encoding.notUtf8' });
      expect(row.reasons[0].message).toContain(`offset ${bytes.indexOf(0xf8)} (byte 0xF8)`);
    });
  });

  describe('a message id seen before', () => {
    it('with other content is quarantined with the reason, not counted as a duplicate; the same content, however written, is a duplicate', async () => {
      const original = withAddress(fresh(), 'Strandveien 1');
      expect(await driver().importText(JSON.stringify([original]), `${directory}/a.json`)).toMatchObject({ imported: 1 });
      const changed = withAddress(original, 'Strandveien 2');
      // The same content with other spacing and key order is the same message.
      const reordered = JSON.stringify(Object.fromEntries(Object.entries(original).reverse()), null, 4);
      const outcome = await driver().importText(`[${JSON.stringify(changed)}, ${reordered}]`, `${directory}/b.json`);
      expect(outcome).toMatchObject({ imported: 0, duplicates: 1, quarantined: 1 });
      expect(await driver().addressOf(original.messageId as string)).toBe('Strandveien 1');
      const [row] = await driver().quarantine(directory);
      expect(row).toMatchObject({ message_id: original.messageId, raw: JSON.stringify(changed) });
      expect(row.reasons).toEqual([expect.objectContaining({ path: 'messageId', code: 'message.contentDiffers' })]);
      expect(row.reasons[0].message).toMatch(/different content/);
    });

    it('twice in one file with different content: the first is imported, the second quarantined', async () => {
      const original = fresh();
      const changed = withAddress(original, 'Annen vei 3');
      const outcome = await driver().importText(JSON.stringify([original, changed]), `${directory}/c.json`);
      expect(outcome).toMatchObject({ imported: 1, duplicates: 0, quarantined: 1 });
      expect((await driver().quarantine(directory))[0].reasons[0].code).toBe('message.contentDiffers');
    });
  });

  describe('the record as sent', () => {
    it('a key twice is quarantined with its path, and the other records in the file are imported', async () => {
      const good = fresh();
      const twice = fresh();
      const repeated = JSON.stringify(twice).replace('"postTown"', '"address":"Annen vei 9","postTown"');
      expect(repeated).not.toBe(JSON.stringify(twice));
      const fixed = `[${JSON.stringify(good)}, ${repeated}]`;
      const outcome = await driver().importText(fixed, `${directory}/d.json`);
      expect(outcome).toMatchObject({ imported: 1, quarantined: 1 });
      const [row] = await driver().quarantine(directory);
      expect(row.message_id).toBe(twice.messageId);
      expect(row.reasons).toEqual([expect.objectContaining({ path: 'installation.address', code: 'json.duplicateKey' })]);
      expect(await driver().addressOf(twice.messageId as string)).toBeUndefined();
    });

    it('a quarantined record keeps its exact text (spacing, escapes), in a list and alone', async () => {
      const bad = fresh({ requestType: 'heat_pump' });
      const recordText = JSON.stringify(bad, null, 3).replace('Sørlandet', 'S\\u00f8rlandet').replace('"kind": "request"', '"kind"  :  "request"');
      expect(JSON.parse(recordText)).toEqual(bad);
      await driver().importText(`[ ${JSON.stringify(fresh())} ,\n\t${recordText}  ]`, `${directory}/e.json`);
      const alone = JSON.stringify(fresh({ requestType: 'boat' }), null, 1).replace('Sørlandet', 'S\\u00F8rlandet');
      await driver().importText(`\n  ${alone}\n`, `${directory}/f.json`);
      expect((await driver().quarantine(directory)).map((r) => r.raw)).toEqual([recordText, alone]);
    });
  });
}
