// Attachment content lives centrally in attachment_blobs, by SHA-256; a desk's cache holds the rows and fetches a
// file's content the first time it is opened, printed or saved there (a letter issued on another desk, a file
// imported centrally). The content is checked against its address before it is stored.
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { AttachmentStore } from '../attachments/attachmentStore';
import type { CentralSession } from './centralSession';

/** Makes sure the attachment's file is in the local store; does nothing when it is there, unknown, or offline. */
export async function fetchMissingFile(
  sqlite: Database.Database, store: AttachmentStore, central: CentralSession | null, attachmentId: number,
): Promise<void> {
  if (!central) return;
  const row = sqlite.prepare('SELECT sha256 FROM attachments WHERE id = ?').get(attachmentId) as { sha256: string } | undefined;
  if (!row || existsSync(store.pathOf(row.sha256))) return;
  try {
    const content = await central.engine.alongside((service) => service.file(row.sha256));
    if (content && createHash('sha256').update(content).digest('hex') === row.sha256) writeFileSync(store.pathOf(row.sha256), content);
  } catch {
    // Offline or refused: the caller says the file is missing, in words, as it would without a server.
  }
}
