// Bokmål and English say the same things: both languages have the same keys (desk and portal), every key the sources
// name literally exists, every key built from a prefix has that prefix, and every code a key is built from (error
// codes, statuses, request types, closure reasons) has its words.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/contract/errors';
import { CASE_STATUSES, CLOSURE_REASONS, GRID_WORK_NAMES_NB, REQUEST_TYPES, WORK_ORDER_STATUSES } from '../../shared/rules';

type Words = { [key: string]: string | Words };

const ROOT = path.resolve(__dirname, '../..');
const readJson = (file: string): Words => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Words;

/** Every leaf key as a dotted path. */
function leafKeys(words: Words, prefix = ''): string[] {
  return Object.entries(words).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`));
}

function lookup(words: Words, key: string): string | Words | undefined {
  let node: string | Words | undefined = words;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return node;
}

/** A key i18next resolves: a string, or the plural forms of one (`_one`/`_other`). */
const hasWords = (words: Words, key: string): boolean =>
  typeof lookup(words, key) === 'string' || typeof lookup(words, `${key}_other`) === 'string';

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The keys a source names literally (`t('a.b')`, `i18nKey="a.b"`), and the prefixes of keys it builds (`t(\`a.${x}\`)`). */
function keysUsedIn(dir: string): { literal: Map<string, string>; prefixes: Map<string, string> } {
  const literal = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const where = path.relative(ROOT, file);
    for (const match of text.matchAll(/\bt\(\s*\[?\s*(['"])([\w.-]+)\1|i18nKey=\{?(['"])([\w.-]+)\3/g)) {
      literal.set(match[2] ?? match[4], where);
    }
    for (const match of text.matchAll(/\bt\(\s*\[?\s*`([\w.]+)\.\$\{/g)) prefixes.set(match[1], where);
  }
  return { literal, prefixes };
}

/** The desk's bokmål as the app builds it: the grid work's names come from the rules (renderer/src/i18n/index.ts). */
const deskNbTexts = readJson('renderer/src/i18n/nb.json');
const deskNb: Words = {
  ...deskNbTexts,
  installerCheck: { ...(deskNbTexts.installerCheck as Words), work: GRID_WORK_NAMES_NB as unknown as Words },
};
const deskEn = readJson('renderer/src/i18n/en.json');

/** The portal's words as it builds them: the shell's, with each feature's own files merged in (portal/src/i18n/index.ts). */
function portalWords(language: 'nb' | 'en'): Words {
  const merged = readJson(`portal/src/i18n/${language}.json`);
  const featuresDir = path.join(ROOT, 'portal/src/features');
  for (const feature of readdirSync(featuresDir)) {
    const file = path.join('portal/src/features', feature, 'i18n', `${language}.json`);
    try {
      Object.assign(merged, readJson(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return merged;
}
const portalNb = portalWords('nb');
const portalEn = portalWords('en');

describe.each([
  { app: 'desk', dir: 'renderer/src', nb: deskNb, en: deskEn },
  { app: 'portal', dir: 'portal/src', nb: portalNb, en: portalEn },
])('the $app', ({ dir, nb, en }) => {
  it('has the same keys in bokmål and English', () => {
    const nbKeys = new Set(leafKeys(nb));
    const enKeys = new Set(leafKeys(en));
    expect([...nbKeys].filter((key) => !enKeys.has(key)), 'in nb only').toEqual([]);
    expect([...enKeys].filter((key) => !nbKeys.has(key)), 'in en only').toEqual([]);
  });

  it('leaves nothing unsaid in one language that the other says', () => {
    const saidInOneOnly = leafKeys(nb).filter((key) => (lookup(nb, key) === '') !== (lookup(en, key) === ''));
    expect(saidInOneOnly).toEqual([]);
  });

  it('has words for every key the sources name, and a group for every key they build from a prefix', () => {
    const { literal, prefixes } = keysUsedIn(dir);
    expect(literal.size).toBeGreaterThan(50);
    const missing = [...literal].filter(([key]) => !hasWords(nb, key) || !hasWords(en, key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
    const missingGroups = [...prefixes]
      .filter(([prefix]) => typeof lookup(nb, prefix) !== 'object' || typeof lookup(en, prefix) !== 'object')
      .map(([prefix, file]) => `${prefix}.* (${file})`);
    expect(missingGroups).toEqual([]);
  });
});

/**
 * Where the desk finds the words for an error code: features that own a prefix say it in their own texts
 * (describeOfferError, describePriceListError, InstallerPanel, completenessErrors, workOrderErrors,
 * notifyQuarantineError); every other code is said by describeError from `errors.<code>`.
 */
const OFFER_BUILDER_CODES = new Set(['attachment.notPrintable', 'attachment.printFailed', 'attachment.saveFailed']);
function errorKeysOf(code: string): string[] {
  const [prefix, ...rest] = code.split('.');
  const own = rest.join('.');
  if (prefix === 'offer' || OFFER_BUILDER_CODES.has(code)) return [`offers.errors.${code.replace('.', '_')}.title`, `offers.errors.${code.replace('.', '_')}.message`];
  if (prefix === 'priceList') return [`priceLists.errors.${code.replace('.', '_')}.title`, `priceLists.errors.${code.replace('.', '_')}.message`];
  if (prefix === 'routing') return ['installerCheck.errors.title', `installerCheck.errors.${own}`];
  if (prefix === 'completeness') return ['completeness.errors.title', `completeness.errors.${own}`];
  if (prefix === 'workOrder') return ['workOrders.errors.title', `workOrders.errors.${own}`];
  if (prefix === 'areaSupplier') return ['areaSuppliers.errors.title', `areaSuppliers.errors.${own}`];
  if (prefix === 'quarantine') return [`quarantine.errors.${own}.title`, `quarantine.errors.${own}.message`];
  return [`errors.${code}.title`, `errors.${code}.message`];
}

describe('the desk has words for every code it builds a key from', () => {
  const cases: Array<[string, readonly string[], (code: string) => string[]]> = [
    ['error codes', ERROR_CODES, errorKeysOf],
    ['case statuses', CASE_STATUSES, (status) => [`enums.status.${status}`]],
    ['request types', REQUEST_TYPES, (type) => [`enums.requestType.${type}`]],
    ['closure reasons', CLOSURE_REASONS, (reason) => [`enums.closureReason.${reason}`]],
    ['work order statuses', WORK_ORDER_STATUSES, (status) => [`workOrders.status.${status}`]],
  ];
  it.each(cases)('%s', (_name, codes, keysOf) => {
    const missing = codes.flatMap(keysOf).filter((key) => !hasWords(deskNb, key) || !hasWords(deskEn, key));
    expect(missing).toEqual([]);
  });
});
