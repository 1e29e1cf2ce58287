// The words people read: one term for each thing, the grid company's words and not a code. Fails when a word the
// case handlers and the regulator's reading of issue 13 threw out comes back into the desk's or the portal's
// bokmål, or into a letter — its template's text, or the letter rendered in each of its variants.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLetterhead } from '../../core/offers/letterhead';
import { offerLetterHtml } from '../../core/offers/offerLetter';
import { workOrderLetterHtml, workOrderMessageBody, type WorkOrderLetterInput } from '../../core/workOrders/workOrderLetter';
import {
  DEFAULT_COMPLETENESS_RULE_SETS, GRID_WORK_KINDS, informationRequestLetter, OPTIONAL_COMPLETENESS_ITEMS,
  startApprovalMessage,
} from '../../shared/rules';
import { demoOfferLetterInput } from '../fixtures/offers/demoOfferLetter';

const ROOT = path.resolve(__dirname, '../..');

/** What was said, and what to say instead. */
const BANNED: Array<[RegExp, string]> = [
  [/\bInverter\b/, 'Vekselretter'],
  [/Antall boenheter/i, 'Antall enheter'],
  [/Ferdig dato/i, 'Ferdigdato'],
  [/aksept/i, 'godtatt / godta (one verb for the owner\'s acceptance)'],
  [/arbeidsdag/i, 'virkedag'],
  [/Sertifikat for vekselretter/i, 'Samsvarserklæring for vekselretter'],
  [/montasje/i, 'montering ("Montering av måler" in the price list, the builder and the letter)'],
  [/fritatt|\(0 %\)|sats 0 %|ikke merverdiavgiftspliktig/i, 'utenfor merverdiavgiftsloven (a regulated anleggsbidrag)'],
  [/igangsettingstillatelse/i, 'klarsignal (igangsettingstillatelse is the building-permit term)'],
  [/\b(request|supplement|completion_notice)\b/, 'forhåndsmelding, tillegg, ferdigmelding (never the code)'],
];

function offences(where: string, text: string): string[] {
  return BANNED.flatMap(([pattern, instead]) => {
    const found = pattern.exec(text);
    return found ? [`${where}: «${found[0]}» – say ${instead}`] : [];
  });
}

type Bundle = { [key: string]: string | Bundle };
const leaves = (bundle: Bundle, prefix = ''): Array<[string, string]> => Object.entries(bundle).flatMap(([key, value]) =>
  typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`));

const NB_BUNDLES = [
  'renderer/src/i18n/nb.json',
  'portal/src/i18n/nb.json',
  ...readdirSync(path.join(ROOT, 'portal/src/features'))
    .map((feature) => `portal/src/features/${feature}/i18n/nb.json`)
    .filter((file) => existsSync(path.join(ROOT, file))),
];

/**
 * Every file that writes a letter's or a message's words, its comments left out (they may name the old word). The
 * completeness items' labels (bokmål and English side by side in one file) are checked in the rendered request for
 * information instead.
 */
const LETTER_SOURCES = [
  ...readdirSync(path.join(ROOT, 'core/offers')).filter((file) => file.endsWith('.ts')).map((file) => `core/offers/${file}`),
  'core/workOrders/workOrderLetter.ts',
  'shared/rules/messageTemplates.ts',
  'shared/rules/startApprovalMessage.ts',
  'resources/letterhead/company.json',
];
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '');

const letterhead = loadLetterhead();
const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

function workOrder(workKind: WorkOrderLetterInput['workKind']): WorkOrderLetterInput {
  return {
    letterhead, orderId: '0f1e2d3c-0000-4000-8000-000000000000', orderedOn: '2026-11-27', dueDate: '2026-12-04', agreementDays: 5,
    workKind, caseNumber: '2026-000123',
    supplier: { name: 'Lister Kabel AS', contactPerson: 'Per Holt', email: 'ordre@example.no', phone: '38 00 00 00', organisationNumber: '923609016' },
    installation: {
      address: 'Storgata 1', postcode: '4611', postTown: 'Kristiansand', municipality: 'Kristiansand', cadastralNumber: '4204-12/3',
      meteringPointId: '707057500012345675', meterNumber: '6970631400123456', networkSystem: '230V_IT', phases: 3, mainFuseA: 63,
    },
    installer: { name: 'Sørlandet Elektro AS', organisationNumber: '923609016', contact: 'Ola', phone: '900 00 000' },
    owner: { name: 'Kari Nordmann', phone: '912 34 567' },
    contact: { name: 'Anne Saksbehandler', email: 'anne@example.no', phone: '38 11 11 11' },
  };
}

/** Each letter in each of its variants, as the text a person reads. */
function renderedLetters(): Array<[string, string]> {
  const offer = demoOfferLetterInput();
  const labels = [...Object.values(DEFAULT_COMPLETENESS_RULE_SETS).flatMap((set) => set.items), ...OPTIONAL_COMPLETENESS_ITEMS]
    .map((item) => item.label.nb);
  const place = { caseNumber: '2026-000123', address: 'Storgata 1', postcode: '4611', postTown: 'Kristiansand' };
  return [
    ['offer letter, released on payment, with the owner\'s code', text(offerLetterHtml(offer))],
    ['offer letter, released on acceptance, no code', text(offerLetterHtml({ ...offer, startApprovalOn: 'accepted', ownerAccess: null }))],
    ...GRID_WORK_KINDS.flatMap((kind): Array<[string, string]> => [
      [`work order (${kind})`, text(workOrderLetterHtml(workOrder(kind)))],
      [`work order message (${kind})`, workOrderMessageBody(workOrder(kind))],
    ]),
    ['request for information', Object.values(informationRequestLetter({ ...place, missingItems: labels, senderName: 'Anne', replyBy: '2026-12-11' })).join('\n')],
    ...(['payment', 'acceptance'] as const).map((releasedBy): [string, string] => [`start approval (${releasedBy})`,
      Object.values(startApprovalMessage({ ...place, offerVersion: 2, releasedBy, releasedOn: '2026-12-01' })).join('\n')]),
  ];
}

describe('the words people read', () => {
  it.each(NB_BUNDLES)('%s uses none of the words thrown out', (file) => {
    const bundle = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Bundle;
    expect(leaves(bundle).flatMap(([key, value]) => offences(`${file} ${key}`, value))).toEqual([]);
  });

  it.each(LETTER_SOURCES)('the letter source %s uses none of them in its text', (file) => {
    const source = withoutComments(readFileSync(path.join(ROOT, file), 'utf8'));
    // Codes are the program's own names in a source file: only the words are checked there.
    expect(offences(file, source).filter((offence) => !offence.includes('never the code'))).toEqual([]);
  });

  it('the shipped completeness rules (resources/rules/completeness.json) name the items in the same words', () => {
    const file = readFileSync(path.join(ROOT, 'resources/rules/completeness.json'), 'utf8');
    const labels = [...file.matchAll(/"nb": "([^"]*)"/g)].map((match) => match[1]);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.flatMap((label) => offences('resources/rules/completeness.json', label))).toEqual([]);
  });

  it('every letter, rendered in each variant, uses none of them and shows no code', () => {
    const found = renderedLetters().flatMap(([name, words]) => [
      ...offences(name, words),
      ...[...words.matchAll(/\b[a-z]+(?:_[a-z]+)+\b/g)].map((code) => `${name}: the code «${code[0]}»`),
    ]);
    expect(found).toEqual([]);
  });

  it('says a regulated anleggsbidrag is outside the VAT Act, in the letter and in the desk', () => {
    expect(renderedLetters()[0][1]).toContain('utenfor merverdiavgiftsloven');
    const nb = JSON.parse(readFileSync(path.join(ROOT, 'renderer/src/i18n/nb.json'), 'utf8')) as { offers: { vat: { exempt: string } } };
    expect(nb.offers.vat.exempt).toBe('Utenfor mva-loven');
  });

  it('names each price-list item in the offer builder exactly as the price list, and so the letter, does', () => {
    const file = JSON.parse(readFileSync(path.join(ROOT, 'resources/pricelist/demo-price-list.json'), 'utf8')) as {
      priceLists: Array<{ standardFees: PriceListEntry[]; catalogue: PriceListEntry[] }>;
    };
    const nb = JSON.parse(readFileSync(path.join(ROOT, 'renderer/src/i18n/nb.json'), 'utf8')) as { offers: { items: Record<string, string> } };
    const differing = file.priceLists.flatMap((list) => [...list.standardFees, ...list.catalogue])
      .filter((entry) => nb.offers.items[entry.code] !== entry.description)
      .map((entry) => `${entry.code}: builder «${nb.offers.items[entry.code]}», price list «${entry.description}»`);
    expect(differing).toEqual([]);
  });
});

interface PriceListEntry {
  code: string;
  description: string;
}
