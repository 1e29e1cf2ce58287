// Reading one incoming file so that nothing in it is lost: its bytes are checked as UTF-8 (a file that is not is
// quarantined whole, byte for byte); a file larger than `streamAboveBytes` is not read into one string but taken
// record by record from its top-level list (first a pass that checks the encoding and finds where each record
// starts and ends, then each record read on its own); a record, or a file that is not a list, larger than
// `maxRecordBytes` is quarantined as too large with its size and left where it is. A file that cannot be read at
// all is quarantined with the reason, so the rest of a folder still imports.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { reason, type ImportReason } from './importReasons';
import { recordProblems, type FileRecord } from './splitRecords';
import { decodeUtf8File, faithfulRaw, hasUtf8Bom, notUtf8Reason, Utf8Validator } from './utf8';

const MiB = 1024 * 1024;

export interface ImportLimits {
  /** Files up to this size are read at once; larger ones are streamed record by record. */
  streamAboveBytes: number;
  /** A single record (or a file that is not a list) larger than this is quarantined as too large. */
  maxRecordBytes: number;
}

/** 64 MiB read at once; 256 MiB for one message (well under V8's limit of about 512 M characters a string). */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { streamAboveBytes: 64 * MiB, maxRecordBytes: 256 * MiB };

export type IncomingFileContent =
  | { kind: 'text'; text: string }
  | { kind: 'quarantined'; raw: string; reasons: ImportReason[] }
  | { kind: 'records'; count: number; records: Iterable<FileRecord> };

/** What an importer takes from a file: its records (and how many), or the one quarantine row the whole file is. */
export type RecordInput =
  | { records: Iterable<FileRecord>; count: number }
  | { quarantined: { raw: string; reasons: ImportReason[] } };

/** Records in transactions of `size`, without holding more than one chunk of a streamed file. */
export function* inChunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

const sizeText = (bytes: number): string => `${(bytes / MiB).toFixed(1)} MiB (${bytes} bytes)`;

const quarantined = (reasons: ImportReason[], raw = ''): IncomingFileContent => ({ kind: 'quarantined', raw, reasons });

function readWhole(file: string): IncomingFileContent {
  const bytes = readFileSync(file);
  const decoded = decodeUtf8File(bytes);
  if (decoded.ok) return { kind: 'text', text: decoded.text };
  const kept = faithfulRaw(bytes);
  return quarantined([notUtf8Reason(bytes[decoded.offset], decoded.offset, kept.representation)], kept.raw);
}

export function readIncomingFile(file: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): IncomingFileContent {
  try {
    const { size } = statSync(file);
    if (size <= limits.streamAboveBytes) return readWhole(file);
    const survey = surveyList(file);
    if (survey.kind === 'notList') {
      if (size <= limits.maxRecordBytes) return readWhole(file);
      return quarantined([reason('', 'file.tooLarge', `The file is ${sizeText(size)}, over the ${sizeText(limits.maxRecordBytes)} one message may have, `
        + `and is not a list of messages that could be read one by one. It is left where it is: ${file}`)]);
    }
    if (survey.kind === 'notUtf8') {
      return quarantined([notUtf8Reason(survey.byte, survey.offset, 'notKept')]);
    }
    if (survey.kind === 'invalid') {
      return quarantined([reason('', 'invalidJson', `The file is not valid JSON: ${survey.detail}. It is too large (${sizeText(size)}) to keep in the quarantine and is left where it is.`)]);
    }
    return { kind: 'records', count: survey.spans.length, records: streamedRecords(file, survey.spans, limits) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return quarantined([reason('', 'file.unreadable', `The file could not be read: ${detail}`)]);
  }
}

type Survey =
  | { kind: 'list'; spans: Array<[number, number]> }
  | { kind: 'notList' }
  | { kind: 'notUtf8'; offset: number; byte: number | undefined }
  | { kind: 'invalid'; detail: string };

const CHUNK = 4 * MiB;
const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * One pass over a large file: is it UTF-8 throughout, is it a top-level list, and where does each element start and
 * end (byte offsets). Only the list's own framing is checked here; each element is parsed when it is read.
 */
function surveyList(file: string): Survey {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    const utf8 = new Utf8Validator();
    const spans: Array<[number, number]> = [];
    type Phase = 'start' | 'valueOrEnd' | 'value' | 'container' | 'string' | 'scalar' | 'after' | 'done';
    let phase: Phase = 'start';
    let depth = 0;
    let inString = false;
    let escaped = false;
    let start = 0;
    let position = 0;
    let first = true;
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, position);
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      if (!utf8.push(chunk)) {
        const offset = utf8.invalidAt!;
        return { kind: 'notUtf8', offset, byte: chunk[offset - position] };
      }
      let i = first && hasUtf8Bom(chunk) ? 3 : 0;
      first = false;
      for (; i < read; i++) {
        const c = chunk[i];
        const at = position + i;
        switch (phase) {
          case 'start':
            if (isWhitespace(c)) break;
            if (c !== 0x5b) return { kind: 'notList' };
            phase = 'valueOrEnd';
            break;
          case 'valueOrEnd':
          case 'value':
            if (isWhitespace(c)) break;
            if (c === 0x5d && phase === 'valueOrEnd') { phase = 'done'; break; }
            if (c === 0x2c || c === 0x5d) return { kind: 'invalid', detail: `a list element is missing at byte offset ${at}` };
            start = at;
            if (c === 0x7b || c === 0x5b) { phase = 'container'; depth = 1; inString = false; escaped = false; }
            else if (c === 0x22) { phase = 'string'; escaped = false; }
            else phase = 'scalar';
            break;
          case 'container':
            if (inString) {
              if (escaped) escaped = false;
              else if (c === 0x5c) escaped = true;
              else if (c === 0x22) inString = false;
            } else if (c === 0x22) inString = true;
            else if (c === 0x7b || c === 0x5b) depth++;
            else if (c === 0x7d || c === 0x5d) {
              depth--;
              if (depth === 0) { spans.push([start, at + 1]); phase = 'after'; }
            }
            break;
          case 'string':
            if (escaped) escaped = false;
            else if (c === 0x5c) escaped = true;
            else if (c === 0x22) { spans.push([start, at + 1]); phase = 'after'; }
            break;
          case 'scalar':
          case 'after':
            if (phase === 'scalar') {
              if (!(isWhitespace(c) || c === 0x2c || c === 0x5d)) break;
              // The byte that ends the scalar is the list's own.
              spans.push([start, at]);
              phase = 'after';
            }
            if (isWhitespace(c)) break;
            if (c === 0x2c) phase = 'value';
            else if (c === 0x5d) phase = 'done';
            else return { kind: 'invalid', detail: `expected ',' or ']' between list elements at byte offset ${at}` };
            break;
          case 'done':
            if (!isWhitespace(c)) return { kind: 'invalid', detail: `unexpected text after the list at byte offset ${at}` };
            break;
        }
      }
      position += read;
    }
    if (!utf8.end()) return { kind: 'notUtf8', offset: utf8.invalidAt!, byte: undefined };
    if (phase === 'start') return { kind: 'notList' };
    if (phase !== 'done') return { kind: 'invalid', detail: 'the file ends before its list is closed' };
    return { kind: 'list', spans };
  } finally {
    closeSync(fd);
  }
}

/** The list's elements, each read from its own bytes when it is its turn. */
function* streamedRecords(file: string, spans: Array<[number, number]>, limits: ImportLimits): Generator<FileRecord> {
  const fd = openSync(file, 'r');
  try {
    for (const [index, [start, end]] of spans.entries()) {
      const size = end - start;
      if (size > limits.maxRecordBytes) {
        yield { index, value: undefined, raw: () => '', problems: [reason('', 'record.tooLarge',
          `Record ${index + 1} (bytes ${start}–${end} of the file) is ${sizeText(size)}, over the ${sizeText(limits.maxRecordBytes)} one message may have. It is left in the file: ${file}`)] };
        continue;
      }
      const bytes = Buffer.alloc(size);
      readSync(fd, bytes, 0, size, start);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      try {
        const value: unknown = JSON.parse(text);
        yield { index, value, raw: () => text, problems: recordProblems(text) };
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        yield { index, value: undefined, raw: () => text, problems: [reason('', 'invalidJson', `Record ${index + 1} is not valid JSON: ${detail}`)] };
      }
    }
  } finally {
    closeSync(fd);
  }
}
