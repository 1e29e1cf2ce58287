// A file's bytes as text, or the exact place where they stop being UTF-8. Node's own decoding (readFileSync(…,
// 'utf8')) puts U+FFFD where a byte is not UTF-8, so a Latin-1 "Sørlandsveien" would arrive as "S�rlandsveien":
// here such a file is refused whole, with the offset of the first byte that is not UTF-8, and kept byte for byte.
import { reason, type ImportReason } from './importReasons';

const BOM = [0xef, 0xbb, 0xbf];

export const hasUtf8Bom = (bytes: Uint8Array): boolean => bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b);

/**
 * Checks UTF-8 as the WHATWG decoder does (no overlong forms, no surrogates, nothing above U+10FFFF), a chunk at a
 * time, and says where the first ill-formed sequence starts (its first byte, counted from 0 in the whole input).
 */
export class Utf8Validator {
  private offset = 0;
  private needed = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private sequenceStart = 0;
  /** Offset of the first byte that is not UTF-8, once found. */
  invalidAt: number | null = null;

  /** Feeds the next bytes; false once the input is known not to be UTF-8. */
  push(chunk: Uint8Array): boolean {
    if (this.invalidAt !== null) return false;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      const at = this.offset + i;
      if (this.needed === 0) {
        if (byte <= 0x7f) continue;
        this.sequenceStart = at;
        if (byte >= 0xc2 && byte <= 0xdf) this.expect(1, 0x80, 0xbf);
        else if (byte === 0xe0) this.expect(2, 0xa0, 0xbf);
        else if (byte === 0xed) this.expect(2, 0x80, 0x9f);
        else if (byte >= 0xe1 && byte <= 0xef) this.expect(2, 0x80, 0xbf);
        else if (byte === 0xf0) this.expect(3, 0x90, 0xbf);
        else if (byte === 0xf4) this.expect(3, 0x80, 0x8f);
        else if (byte >= 0xf1 && byte <= 0xf3) this.expect(3, 0x80, 0xbf);
        else return this.fail(at);
      } else {
        if (byte < this.lower || byte > this.upper) return this.fail(this.sequenceStart);
        this.lower = 0x80;
        this.upper = 0xbf;
        this.needed--;
      }
    }
    this.offset += chunk.length;
    return true;
  }

  /** The input has ended: a sequence cut off at the end is not UTF-8 either. */
  end(): boolean {
    if (this.invalidAt === null && this.needed > 0) this.fail(this.sequenceStart);
    return this.invalidAt === null;
  }

  private expect(needed: number, lower: number, upper: number): void {
    this.needed = needed;
    this.lower = lower;
    this.upper = upper;
  }

  private fail(at: number): false {
    this.invalidAt = at;
    return false;
  }
}

/** Offset of the first byte that is not UTF-8, or null when all of them are. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | null {
  const validator = new Utf8Validator();
  validator.push(bytes);
  validator.end();
  return validator.invalidAt;
}

export type DecodedFile = { ok: true; text: string } | { ok: false; offset: number };

/** The file's text, a byte-order mark at the start left out; or where it is not UTF-8. */
export function decodeUtf8File(bytes: Uint8Array): DecodedFile {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes) ?? 0;
    return { ok: false, offset };
  }
}

/** Marks a quarantine `raw` holding the file's bytes in base64 rather than as text. */
export const BASE64_MARKER = 'base64:';

/**
 * Bytes that are not UTF-8, as text the quarantine can keep without losing one of them: read as Latin-1 (one
 * character per byte, U+0000–U+00FF, so `Buffer.from(raw, 'latin1')` gives the very bytes back, and a Latin-1 or
 * Windows file shows its letters), or — when a byte is 0, which PostgreSQL's text cannot hold — `base64:` and the
 * bytes in base64.
 */
export function faithfulRaw(bytes: Uint8Array): { raw: string; representation: 'latin1' | 'base64' } {
  if (bytes.includes(0)) return { raw: BASE64_MARKER + Buffer.from(bytes).toString('base64'), representation: 'base64' };
  return { raw: Buffer.from(bytes).toString('latin1'), representation: 'latin1' };
}


/** The reason a file that is not UTF-8 is quarantined; `kept` says how its bytes are kept in `raw`. */
export function notUtf8Reason(byteThere: number | undefined, offset: number, kept: 'latin1' | 'base64' | 'notKept'): ImportReason {
  const byte = byteThere === undefined ? '' : ` (byte 0x${byteThere.toString(16).toUpperCase().padStart(2, '0')})`;
  const how = kept === 'latin1'
    ? 'Its bytes are kept below read as Latin-1 (ISO-8859-1), one character per byte, so nothing is lost; save it as UTF-8 to import it.'
    : kept === 'base64'
      ? `Its bytes are kept below in base64 after "${BASE64_MARKER}" (the file holds a zero byte, which text cannot keep).`
      : 'The file is too large to keep in the quarantine and is left where it is.';
  return reason('', 'encoding.notUtf8', `The file is not valid UTF-8: the first byte that is not is at offset ${offset}${byte}. ${how}`);
}
