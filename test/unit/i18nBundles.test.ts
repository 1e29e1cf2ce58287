// Bokmål first, English complete: the desk's nb.json and en.json, the portal's shell and each of its feature
// bundles have the same keys; and every code the UI shows through a translation (request types, statuses,
// attachment kinds, completeness items, message kinds …) has a word in both, so no raw code reaches a person.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_KINDS, BUILDING_USES, CASE_STATUSES, DEFAULT_COMPLETENESS_RULE_SETS, DSB_STATUSES, FACT_FIELDS,
  GRID_WORK_KINDS, GRID_WORK_NAMES_NB, NETWORK_SYSTEMS, OPTIONAL_COMPLETENESS_ITEMS, OUTGOING_MESSAGE_KINDS,
  OWNER_ID_KINDS, PREQUALIFICATION_CATEGORIES, REQUEST_TYPES, USER_ROLES,
} from '../../shared/rules';
import { AUTO_APPROVAL_RULE, DEVELOPER_PROJECT_RULE } from '../../core/import/messagePlans';
import { SUPPORT_CATEGORIES } from '../../shared/portalApi/support';
import { WORK_DONE_RULE } from '../../shared/rules/workOrders';
import { SUPPLEMENT_FIELDS } from '../../portal/src/features/cases/supplementFields';

type Bundle = { [key: string]: string | Bundle };
const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): Bundle => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Bundle;

/** Every leaf's dotted key. */
function keysOf(bundle: Bundle, prefix = ''): string[] {
  return Object.entries(bundle).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`));
}

function wordAt(bundle: Bundle, dotted: string): string | undefined {
  let node: string | Bundle | undefined = bundle;
  for (const part of dotted.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** Plural keys (`_one`, `_other`) are compared as they are: bokmål and English both have one and other. */
const sameKeys = (nb: Bundle, en: Bundle) => {
  const [nbKeys, enKeys] = [new Set(keysOf(nb)), new Set(keysOf(en))];
  expect([...enKeys].filter((key) => !nbKeys.has(key)), 'in en.json only').toEqual([]);
  expect([...nbKeys].filter((key) => !enKeys.has(key)), 'in nb.json only').toEqual([]);
};

/** The desk's bokmål as renderer/src/i18n/index.ts builds it: the grid work's names come from the rules. */
const deskNb = (): Bundle => {
  const nb = read('renderer/src/i18n/nb.json');
  return { ...nb, installerCheck: { ...(nb.installerCheck as Bundle), work: { ...GRID_WORK_NAMES_NB } } };
};
const deskEn = () => read('renderer/src/i18n/en.json');

/** The completeness items a request can be missing, by code: the default sets' and the optional ones. */
const COMPLETENESS_CODES = [...new Set([...Object.values(DEFAULT_COMPLETENESS_RULE_SETS).flatMap((set) => set.items),
  ...OPTIONAL_COMPLETENESS_ITEMS].map((item) => item.code))];

const PORTAL_FEATURES = readdirSync(path.join(ROOT, 'portal/src/features'))
  .filter((feature) => readdirSync(path.join(ROOT, 'portal/src/features', feature)).includes('i18n'));
const portalBundle = (language: 'nb' | 'en'): Bundle => Object.assign(
  read(`portal/src/i18n/${language}.json`),
  ...PORTAL_FEATURES.map((feature) => read(`portal/src/features/${feature}/i18n/${language}.json`)),
);

describe('the desk speaks bokmål and English alike', () => {
  it('has the same keys in nb.json (with the grid work names from the rules) and en.json', () => {
    sameKeys(deskNb(), deskEn());
  });

  const codes: Array<[string, readonly string[]]> = [
    ['enums.requestType', REQUEST_TYPES],
    ['enums.status', CASE_STATUSES],
    ['enums.buildingUse', BUILDING_USES],
    ['enums.networkSystem', NETWORK_SYSTEMS],
    ['enums.attachmentKind', ATTACHMENT_KINDS],
    ['enums.dsbStatus', DSB_STATUSES],
    ['enums.prequalificationCategory', PREQUALIFICATION_CATEGORIES],
    ['enums.role', USER_ROLES],
    ['enums.ownerIdKind', OWNER_ID_KINDS],
    ['installerCheck.work', GRID_WORK_KINDS],
    ['completeness.items', COMPLETENESS_CODES],
    // A supplement's changed fields, named in the case history.
    ['case.supplement.field', FACT_FIELDS],
    ['supportRequests.category', SUPPORT_CATEGORIES],
    // The rule that moved a case, named in its history: (automatisk, etter regelen «…»).
    ['decisions.history.rules', [AUTO_APPROVAL_RULE, DEVELOPER_PROJECT_RULE, WORK_DONE_RULE]],
  ];
  it.each(codes)('has a word for every code under %s', (namespace, list) => {
    for (const [language, bundle] of [['nb', deskNb()], ['en', deskEn()]] as const) {
      expect(list.filter((code) => !wordAt(bundle, `${namespace}.${code}`)), `${language}: ${namespace}`).toEqual([]);
    }
  });
});

describe('the portal speaks bokmål and English alike', () => {
  it.each(['portal/src/i18n', ...PORTAL_FEATURES.map((feature) => `portal/src/features/${feature}/i18n`)])(
    '%s has the same keys in nb.json and en.json',
    (folder) => sameKeys(read(`${folder}/nb.json`), read(`${folder}/en.json`)),
  );

  const codes: Array<[string, readonly string[]]> = [
    ['cases.status', CASE_STATUSES],
    ['cases.requestType', REQUEST_TYPES],
    ['cases.attachmentKind', ATTACHMENT_KINDS],
    ['cases.fields', Object.keys(SUPPLEMENT_FIELDS)],
    ['cases.thread.incoming', ['request', 'supplement', 'completion_notice']],
    ['ownerOffer.requestType', REQUEST_TYPES],
    ['inbox.kind', OUTGOING_MESSAGE_KINDS],
    ['inbox.items', COMPLETENESS_CODES],
    ['support.category', SUPPORT_CATEGORIES],
    ['cases.thread.outgoing', OUTGOING_MESSAGE_KINDS],
    ['cases.buildingUse', BUILDING_USES],
    ['newMessage.requestTypes', REQUEST_TYPES],
    ['newMessage.attachments.kinds', ATTACHMENT_KINDS],
    ['newMessage.options.buildingUse', BUILDING_USES],
    ['newMessage.options.networkSystem', NETWORK_SYSTEMS],
    ['newMessage.options.idKind', OWNER_ID_KINDS],
  ];
  it.each(codes)('has a word for every code under %s', (namespace, list) => {
    for (const language of ['nb', 'en'] as const) {
      const bundle = portalBundle(language);
      expect(list.filter((code) => !wordAt(bundle, `${namespace}.${code}`)), `${language}: ${namespace}`).toEqual([]);
    }
  });
});
