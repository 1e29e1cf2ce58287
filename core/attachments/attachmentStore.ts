// Attachment files live on disk, named by their SHA-256, so a file sent twice is stored once and a file
// cannot be swapped without the database noticing. The database holds the metadata and the hash.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { fail } from '../../shared/contract';

export interface StoredAttachment {
  id: number;
  fileName: string;
  mimeType: string;
  absolutePath: string;
}

export class AttachmentStore {
  constructor(private readonly directory: string) {
    mkdirSync(directory, { recursive: true });
  }

  /** Copies a file into the store and returns its content address. */
  put(sourceFile: string): { sha256: string; sizeBytes: number } {
    const content = readFileSync(sourceFile);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const target = this.pathOf(sha256);
    if (!existsSync(target)) copyFileSync(sourceFile, target);
    return { sha256, sizeBytes: content.length };
  }

  /** Stores content made in memory (the demo's letters) and returns its content address. */
  putContent(content: Buffer): { sha256: string; sizeBytes: number } {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const target = this.pathOf(sha256);
    if (!existsSync(target)) writeFileSync(target, content);
    return { sha256, sizeBytes: content.length };
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('Not a SHA-256 content address');
    return path.join(this.directory, sha256);
  }

  /** The stored file of an attachment, checked to exist; fails with a code the UI can explain. */
  locate(sqlite: Database.Database, attachmentId: number): StoredAttachment {
    const row = sqlite.prepare('SELECT id, file_name, mime_type, sha256 FROM attachments WHERE id = ?').get(attachmentId) as
      | { id: number; file_name: string; mime_type: string; sha256: string }
      | undefined;
    if (!row) return fail('attachment.notFound', { attachmentId });
    const absolutePath = this.pathOf(row.sha256);
    if (!existsSync(absolutePath)) return fail('attachment.fileMissing', { fileName: row.file_name });
    return { id: row.id, fileName: row.file_name, mimeType: row.mime_type, absolutePath };
  }
}
