// A file's text into records: one message object, or an array of them. Each record keeps its own JSON text, so a
// quarantined record can be shown, fixed and imported again on its own.
import { reason, type ImportReason } from './importReasons';

export interface FileRecord {
  /** Position in the file (0 for a file holding one message). */
  index: number;
  value: unknown;
  /** The record's own JSON text. */
  raw: () => string;
}

export type SplitFile = { ok: true; records: FileRecord[] } | { ok: false; reasons: ImportReason[] };

export function splitRecords(text: string): SplitFile {
  let parsed: unknown;
  try {
    // A byte-order mark is what some Windows editors put first; it is not an error in the content.
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reasons: [reason('', 'invalidJson', `The file is not valid JSON: ${detail}`)] };
  }
  const values = Array.isArray(parsed) ? parsed : [parsed];
  if (!Array.isArray(parsed) && (parsed === null || typeof parsed !== 'object')) {
    return {
      ok: false,
      reasons: [reason('', 'notMessages', 'The file must hold one message object or an array of message objects.')],
    };
  }
  return {
    ok: true,
    records: values.map((value, index) => ({ index, value, raw: () => JSON.stringify(value, null, 2) })),
  };
}
