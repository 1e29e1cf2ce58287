// A small scanner over JSON text that JSON.parse has already accepted, for what JSON.parse does not say: where
// each element of a top-level list starts and ends in the text (so a record is kept exactly as it was sent), and
// which keys an object has more than once (JSON.parse quietly keeps the last of them).
// Iterative, so a deeply nested record cannot overflow the stack.

export interface JsonSpan {
  start: number;
  end: number;
}

export interface DuplicateKey {
  /** Which top-level element (0 for a file holding one value). */
  element: number;
  /** Dotted path of the repeated key inside the element (`installation.address`, `a.0.b`). */
  path: string;
  key: string;
}

export interface JsonScan {
  /** True when the top-level value is a list: each element is a record. */
  array: boolean;
  /** The records' text positions: the list's elements, or the one top-level value. */
  spans: JsonSpan[];
  duplicates: DuplicateKey[];
}

interface Frame {
  object: boolean;
  /** The container this one is in (within the same element), and this one's key or index there. */
  parent: Frame | null;
  segment: string;
  keys: Set<string> | null;
  expectKey: boolean;
  key: string;
  index: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDelimiter = (c: number): boolean => c === 0x2c || c === 0x5d || c === 0x7d || isWhitespace(c);

/** Index just past the string starting with the quote at `start`. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

/** Scans text JSON.parse accepted (a leading byte-order mark is skipped). */
export function scanJson(text: string): JsonScan {
  const spans: JsonSpan[] = [];
  const duplicates: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let array = false;
  let element = 0;
  let elementStart = -1;

  // A value starts at `at`; its element's span opens if it is a record.
  const valueStarts = (at: number) => {
    if (stack.length === 0 || (array && stack.length === 1)) elementStart = at;
  };
  const valueEnds = (at: number) => {
    if (stack.length === 0 || (array && stack.length === 1)) {
      spans.push({ start: elementStart, end: at });
      element = spans.length;
    }
  };
  // A container's place: its parent frame and its key or index there (a path is spelled out only when needed,
  // so a deep record costs no more than its depth).
  const place = (): { parent: Frame | null; segment: string } => {
    const parent = stack[stack.length - 1];
    if (parent === undefined || (array && stack.length === 1)) return { parent: null, segment: '' };
    return { parent, segment: parent.object ? parent.key : String(parent.index) };
  };
  const pathOf = (frame: Frame, key: string): string => {
    const parts = [key];
    for (let at: Frame | null = frame; at?.parent; at = at.parent) parts.push(at.segment);
    return parts.reverse().join('.');
  };

  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c) || c === 0x3a /* : */) {
      i++;
    } else if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        const slice = text.slice(i + 1, end - 1);
        const key = slice.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : slice;
        if (top.keys!.has(key)) duplicates.push({ element, path: pathOf(top, key), key });
        else top.keys!.add(key);
        top.key = key;
        top.expectKey = false;
      } else {
        valueStarts(i);
        valueEnds(end);
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length === 0 && c === 0x5b) {
        array = true;
        stack.push({ object: false, parent: null, segment: '', keys: null, expectKey: false, key: '', index: 0 });
      } else {
        valueStarts(i);
        stack.push({ object: c === 0x7b, ...place(), keys: c === 0x7b ? new Set() : null, expectKey: c === 0x7b, key: '', index: 0 });
      }
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      i++;
      if (!(array && stack.length === 0)) valueEnds(i);
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top.object) top.expectKey = true;
      else top.index++;
      i++;
    } else {
      // A number, true, false or null.
      valueStarts(i);
      let end = i + 1;
      while (end < length && !isDelimiter(text.charCodeAt(end))) end++;
      valueEnds(end);
      i = end;
    }
  }
  return { array, spans, duplicates };
}
