// A stored attachment handed to the shell to print (Electron's print dialog) or to save as a copy where the user
// chooses (Electron's save dialog). The core finds and checks the file; the shell does the rest.
import type Database from 'better-sqlite3';
import { AppFailure, fail, type AttachmentPrintResult, type AttachmentSaveCopyResult } from '../../shared/contract';
import type { AttachmentStore } from './attachmentStore';

export interface AttachmentOutputHost {
  /** Shows the file and opens the print dialog for it; resolves once the request is made. */
  printFile?(absolutePath: string, fileName: string, mimeType: string): Promise<void>;
  /** Asks where to save a copy and writes it; resolves to the path written, or null when the user cancelled. */
  saveFileCopy?(absolutePath: string, fileName: string, mimeType: string): Promise<string | null>;
}

/** Only PDFs are printed: the letters the app makes. A photo or a drawing opens in its own program to print. */
const PRINTABLE = new Set(['application/pdf']);

export async function printAttachment(
  sqlite: Database.Database, store: AttachmentStore, host: AttachmentOutputHost, attachmentId: number,
): Promise<AttachmentPrintResult> {
  const stored = store.locate(sqlite, attachmentId);
  if (!PRINTABLE.has(stored.mimeType)) fail('attachment.notPrintable', { fileName: stored.fileName });
  if (!host.printFile) return fail('attachment.printFailed', { fileName: stored.fileName });
  try {
    await host.printFile(stored.absolutePath, stored.fileName, stored.mimeType);
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    fail('attachment.printFailed', { fileName: stored.fileName });
  }
  return { attachmentId: stored.id, fileName: stored.fileName };
}

export async function saveAttachmentCopy(
  sqlite: Database.Database, store: AttachmentStore, host: AttachmentOutputHost, attachmentId: number,
): Promise<AttachmentSaveCopyResult> {
  const stored = store.locate(sqlite, attachmentId);
  if (!host.saveFileCopy) return fail('attachment.saveFailed', { fileName: stored.fileName });
  let savedTo: string | null;
  try {
    savedTo = await host.saveFileCopy(stored.absolutePath, stored.fileName, stored.mimeType);
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    return fail('attachment.saveFailed', { fileName: stored.fileName });
  }
  return { attachmentId: stored.id, fileName: stored.fileName, savedTo };
}
