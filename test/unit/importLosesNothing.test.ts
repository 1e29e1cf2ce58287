// The pieces of an import that loses nothing: the UTF-8 check agrees with the WHATWG decoder and says where it
// fails, the scanner finds each record's exact text and every key given twice, the content hash ignores how a
// message is written, and every new reason has words in both languages of the quarantine screen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanJson } from '../../core/import/jsonScan';
import { canonicalJson, contentSha256 } from '../../core/import/recordContent';
import { splitRecords } from '../../core/import/splitRecords';
import { decodeUtf8File, faithfulRaw, firstInvalidUtf8Offset, Utf8Validator } from '../../core/import/utf8';

/** A small deterministic generator, so a failure can be repeated. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('UTF-8', () => {
  it('agrees with TextDecoder (fatal) on random bytes, and names the first offset at which decoding fails', () => {
    const next = random(42);
    const interesting = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xf8, 0xff, 0xa0, 0x9f, 0x90, 0x8f];
    for (let n = 0; n < 5000; n++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(next() * 8) }, () => interesting[Math.floor(next() * interesting.length)]);
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        valid = false;
      }
      const offset = firstInvalidUtf8Offset(bytes);
      expect(offset === null, Buffer.from(bytes).toString('hex')).toBe(valid);
      if (offset !== null) {
        // Everything before the offset decodes; the offset itself starts what does not.
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, offset))).not.toThrow();
      }
    }
  });

  it('finds the offset across chunks, and a sequence cut off at the end', () => {
    const bytes = Buffer.from('Sørlandsveien', 'utf8');
    const validator = new Utf8Validator();
    expect(validator.push(bytes.subarray(0, 2))).toBe(true); // "S" and the first byte of "ø"
    expect(validator.push(bytes.subarray(2))).toBe(true);
    expect(validator.end()).toBe(true);
    expect(firstInvalidUtf8Offset(Buffer.from('Sørlandsveien', 'latin1'))).toBe(1);
    expect(firstInvalidUtf8Offset(Buffer.from([0x41, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8Offset(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8Offset(Buffer.from([0xc0, 0xaf]))).toBe(0); // overlong
  });

  it('leaves out a byte-order mark; keeps bytes that are not UTF-8 faithfully', () => {
    expect(decodeUtf8File(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({ ok: true, text: '{}' });
    expect(decodeUtf8File(Buffer.from('"Sørlandsveien"', 'latin1'))).toEqual({ ok: false, offset: 2 });
    const latin = Buffer.from('Sørlandsveien', 'latin1');
    expect(faithfulRaw(latin)).toEqual({ raw: 'Sørlandsveien', representation: 'latin1' });
    expect(faithfulRaw(Buffer.from([0xf8, 0x00]))).toEqual({ raw: 'base64:+AA=', representation: 'base64' });
  });
});

describe('the JSON scanner', () => {
  it('finds each element of a list as written, whatever it is', () => {
    const text = '\uFEFF [ {"a" : [1, {"b":"]}\\""}]} ,\n "x\\"y", 42 ,null,[[]],{} ] ';
    const scan = scanJson(text);
    expect(scan.array).toBe(true);
    expect(scan.spans.map((s) => text.slice(s.start, s.end))).toEqual(['{"a" : [1, {"b":"]}\\""}]}', '"x\\"y"', '42', 'null', '[[]]', '{}']);
    expect(scan.duplicates).toEqual([]);
  });

  it('finds a key given twice, by its path and element, also when written with escapes', () => {
    const scan = scanJson('[{"a":1}, {"a":1,"b":{"c":[{"d":1,"\\u0064":2}]},"a":3}]');
    expect(scan.duplicates).toEqual([
      { element: 1, path: 'b.c.0.d', key: 'd' },
      { element: 1, path: 'a', key: 'a' },
    ]);
    expect(scanJson('{"a":{"x":1},"b":{"x":2}}').duplicates).toEqual([]);
  });

  it('takes a deeply nested record without overflowing', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(scanJson(`[${deep}]`).spans).toHaveLength(1);
  });

  it('gives splitRecords the text as sent and the key twice as a problem', () => {
    const split = splitRecords('[ {"messageId" : "A",\n "kind":"x"} , {"k":1,"k":2} ]');
    if (!split.ok) throw new Error('expected records');
    expect(split.records.map((r) => r.raw())).toEqual(['{"messageId" : "A",\n "kind":"x"}', '{"k":1,"k":2}']);
    expect(split.records[1].problems).toEqual([expect.objectContaining({ path: 'k', code: 'json.duplicateKey' })]);
  });
});

describe('the content hash', () => {
  it('ignores key order and spacing, not values', () => {
    expect(canonicalJson({ b: [1, { d: 'ø', c: null }], a: true })).toBe('{"a":true,"b":[1,{"c":null,"d":"ø"}]}');
    expect(contentSha256(JSON.parse('{"a":1,"b":2}'))).toBe(contentSha256(JSON.parse('{ "b" : 2, "a" : 1 }')));
    expect(contentSha256({ a: 1 })).not.toBe(contentSha256({ a: 2 }));
  });
});

describe('the quarantine screen', () => {
  const i18n = (language: string) =>
    JSON.parse(readFileSync(path.resolve(__dirname, `../../renderer/src/i18n/${language}.json`), 'utf8')) as { quarantine: { problem: Record<string, unknown> } };
  it.each(['nb', 'en'])('has words in %s for every reason the import gained', (language) => {
    const problems = i18n(language).quarantine.problem;
    for (const code of ['encoding.notUtf8', 'file.tooLarge', 'file.unreadable', 'record.tooLarge', 'json.duplicateKey', 'message.contentDiffers']) {
      const text = code.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], problems);
      expect(typeof text, code).toBe('string');
    }
  });
});
