// A file's text into records: one message object, or an array of them. Each record keeps its own JSON text exactly
// as it was sent (not a re-serialisation), so a quarantined record can be shown, fixed and imported again on its
// own starting from what the portal sent. A record with a key twice is quarantined: JSON.parse would keep the last.
import { reason, type ImportReason } from './importReasons';
import { scanJson } from './jsonScan';
import { BASE64_MARKER } from './utf8';

export interface FileRecord {
  /** Position in the file (0 for a file holding one message). */
  index: number;
  value: unknown;
  /** The record's own JSON text, as in the file. */
  raw: () => string;
  /** Why the record is quarantined before it is even validated (a key twice, too large, not JSON). */
  problems: ImportReason[];
}

export type SplitFile = { ok: true; records: FileRecord[] } | { ok: false; reasons: ImportReason[]; raw: string };

export const duplicateKeyReason = (path: string, key: string): ImportReason =>
  reason(path, 'json.duplicateKey', `The key '${key}' appears more than once in the same object; JSON.parse would keep only the last one`);

/** Problems of one record's text found by the scanner (its keys twice). */
export function recordProblems(text: string): ImportReason[] {
  return scanJson(text).duplicates.map((d) => duplicateKeyReason(d.path, d.key));
}

/** A file's text as the quarantine keeps it: a NUL (which PostgreSQL's text refuses) makes it base64. */
function keptText(text: string): { raw: string; note: string } {
  if (!text.includes('\u0000')) return { raw: text, note: '' };
  return { raw: BASE64_MARKER + Buffer.from(text, 'utf8').toString('base64'), note: ` (kept in base64 after "${BASE64_MARKER}": the file holds a zero character)` };
}

export function splitRecords(text: string): SplitFile {
  // A byte-order mark is what some Windows editors put first; it is not an error in the content.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const kept = keptText(text);
    return { ok: false, raw: kept.raw, reasons: [reason('', 'invalidJson', `The file is not valid JSON: ${detail}${kept.note}`)] };
  }
  if (!Array.isArray(parsed) && (parsed === null || typeof parsed !== 'object')) {
    return {
      ok: false,
      raw: text,
      reasons: [reason('', 'notMessages', 'The file must hold one message object or an array of message objects.')],
    };
  }
  const scan = scanJson(body);
  const values = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
  const problems = values.map((): ImportReason[] => []);
  for (const duplicate of scan.duplicates) problems[duplicate.element]?.push(duplicateKeyReason(duplicate.path, duplicate.key));
  return {
    ok: true,
    records: values.map((value, index) => {
      const span = scan.spans[index];
      return { index, value, problems: problems[index], raw: () => body.slice(span.start, span.end) };
    }),
  };
}
