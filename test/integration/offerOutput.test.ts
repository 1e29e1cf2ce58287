// The offer builder's catalogue and the issued letter printed and saved, through the contract against a real core:
// the catalogue is the offer's own price-list version (not the newest); printing hands the stored PDF to the shell
// (only a PDF), saving writes a byte-identical copy where the shell says, and a cancelled dialog saves nothing.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AppError, AttachmentPrintResult, AttachmentSaveCopyResult, CreateOfferDraftResult, IssueOfferResult, OfferCatalogue,
} from '../../shared/contract';
import { printAttachment, saveAttachmentCopy } from '../../core/attachments/attachmentOutput';
import { AttachmentStore } from '../../core/attachments/attachmentStore';
import { startInProcessHarness, type InProcessHarness } from '../../harness/inProcessHarness';

let harness: InProcessHarness;
let caseId: number;

beforeEach(() => {
  harness = startInProcessHarness({ cases: 10 });
  caseId = (harness.core.database.sqlite
    .prepare("SELECT id FROM cases WHERE request_type = 'new_installation' ORDER BY id LIMIT 1")
    .get() as { id: number }).id;
});
afterEach(() => harness.dispose());

async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await harness.core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
async function refused(name: string, input: unknown): Promise<AppError> {
  const result = await harness.core.dispatch(name, input);
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.error;
}

describe('offer.catalogue', () => {
  it("is the draft's own price-list version, whole", async () => {
    const draft = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    const catalogue = await ok<OfferCatalogue>('offer.catalogue', { offerId: draft.offerId });
    // The harness's today is 2026-11-27: version 2 (from 2026-01-01) is the one in effect.
    expect(catalogue).toMatchObject({ id: 'agder-nett-standard', version: 2, effectiveFrom: '2026-01-01' });
    expect(catalogue.catalogue.find((item) => item.code === 'cable_tfxp_4x50_al')).toMatchObject({ unitPriceOre: 8_900, component: 'cable' });
    expect(catalogue.standardFees.find((fee) => fee.code === 'connect_direct_meter')).toMatchObject({ isConnectionFee: true });

    // A newer version published later does not change what this offer is built from.
    harness.core.database.sqlite.prepare("UPDATE offers SET price_list_version = 1 WHERE id = ?").run(draft.offerId);
    expect(await ok<OfferCatalogue>('offer.catalogue', { offerId: draft.offerId })).toMatchObject({ version: 1, effectiveFrom: '2025-01-01' });
  });

  it('refuses an unknown offer and a malformed id', async () => {
    expect((await refused('offer.catalogue', { offerId: '00000000-0000-4000-8000-000000000000' })).code).toBe('offer.notFound');
    expect((await refused('offer.catalogue', { offerId: 'x' })).code).toBe('input.invalid');
  });
});

describe('printing and saving the letter', () => {
  let issued: IssueOfferResult;

  beforeEach(async () => {
    const draft = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    issued = await ok<IssueOfferResult>('case.issueOffer', { offerId: draft.offerId });
  });

  it('hands the stored PDF to the shell to print', async () => {
    const printed = await ok<AttachmentPrintResult>('attachment.print', { attachmentId: issued.pdfAttachmentId });
    expect(printed.fileName).toMatch(/^tilbud-.+-v\d+\.pdf$/);
    expect(harness.printedFiles).toHaveLength(1);
    expect(harness.printedFiles[0]).toMatchObject({ fileName: printed.fileName, mimeType: 'application/pdf' });
    expect(readFileSync(harness.printedFiles[0].absolutePath).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('saves a byte-identical copy where the shell chose', async () => {
    const saved = await ok<AttachmentSaveCopyResult>('attachment.saveCopy', { attachmentId: issued.pdfAttachmentId });
    expect(saved.savedTo).toBe(harness.savedFiles[0].savedTo);
    const stored = harness.core.database.sqlite.prepare('SELECT sha256 FROM attachments WHERE id = ?').get(issued.pdfAttachmentId) as { sha256: string };
    expect(stored.sha256).toBe(issued.pdfSha256);
    const copy = readFileSync(saved.savedTo!);
    expect(createHash('sha256').update(copy).digest('hex')).toBe(issued.pdfSha256);
    expect(harness.printedFiles).toHaveLength(0);
  });

  it('prints only PDFs, and says which file when the attachment is missing', async () => {
    // A photo the installer sent: stored and present, but not a letter.
    const sqlite = harness.core.database.sqlite;
    const file = path.join(harness.dataDirectory, 'site.png');
    writeFileSync(file, Buffer.from('89504e470d0a1a0a', 'hex'));
    const { sha256, sizeBytes } = new AttachmentStore(path.join(harness.dataDirectory, 'attachments')).put(file);
    const photo = { id: Number(sqlite
      .prepare(`INSERT INTO attachments (case_id, kind, file_name, mime_type, size_bytes, sha256, received_at)
                VALUES (?, 'photo', 'tomt.png', 'image/png', ?, ?, '2026-11-27T08:00:00Z')`)
      .run(caseId, sizeBytes, sha256).lastInsertRowid) };
    expect((await refused('attachment.print', { attachmentId: photo.id })).code).toBe('attachment.notPrintable');
    expect((await refused('attachment.print', { attachmentId: 9_999_999 })).code).toBe('attachment.notFound');
    expect((await refused('attachment.saveCopy', { attachmentId: 0 })).code).toBe('input.invalid');
    expect(harness.printedFiles).toHaveLength(0);
  });
});

describe('a shell whose dialog was cancelled or that cannot print', () => {
  it('reports a cancelled save as nothing saved, and a failing or missing printer as printFailed', async () => {
    const draft = await ok<CreateOfferDraftResult>('case.createOfferDraft', { caseId });
    const issued = await ok<IssueOfferResult>('case.issueOffer', { offerId: draft.offerId });
    // The core's own steps with hosts whose dialog is cancelled, whose printer fails, and that has none.
    const store = new AttachmentStore(path.join(harness.dataDirectory, 'attachments'));
    const sqlite = harness.core.database.sqlite;
    const cancelled = await saveAttachmentCopy(sqlite, store, { saveFileCopy: async () => null }, issued.pdfAttachmentId);
    expect(cancelled.savedTo).toBeNull();
    await expect(printAttachment(sqlite, store, { printFile: async () => { throw new Error('no printer'); } }, issued.pdfAttachmentId))
      .rejects.toMatchObject({ appError: { code: 'attachment.printFailed' } });
    await expect(printAttachment(sqlite, store, {}, issued.pdfAttachmentId))
      .rejects.toMatchObject({ appError: { code: 'attachment.printFailed' } });
  });
});
