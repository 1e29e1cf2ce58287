// A letter the desk rendered (an offer, a work order) filed on its case as a PDF attachment. Standalone the row is
// final. In central mode it is optimistic: a negative id, so an attachment pulled from the server can never take
// its id, and the outbox seq it waits for; the central applier stores the letter (store_offer_letter,
// store_work_order_letter) and the pull brings the server's row, which replaces this one.
import type Database from 'better-sqlite3';

export interface LetterAttachment {
  caseId: number;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  receivedAt: string;
  pendingSeq: number | null;
}

export function fileLetterOnCase(sqlite: Database.Database, letter: LetterAttachment): void {
  sqlite
    .prepare(
      `INSERT INTO attachments (id, case_id, kind, file_name, mime_type, size_bytes, sha256, received_at, pending_seq)
       VALUES (CASE WHEN @pendingSeq IS NULL THEN NULL ELSE min(-1, (SELECT coalesce(min(id), 0) - 1 FROM attachments)) END,
               @caseId, 'other', @fileName, 'application/pdf', @sizeBytes, @sha256, @receivedAt, @pendingSeq)`,
    )
    .run(letter);
}
