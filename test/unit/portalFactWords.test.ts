// The portal's completeness card names each fact a rule may use, and its value, in words: no fact name or value code
// (`apartment_building`, `requestType`) reaches the installer, in bokmål or English.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILDING_USES, FACT_FIELDS, NETWORK_SYSTEMS, OWNER_ID_KINDS, REQUEST_TYPES } from '../../shared/rules';
import en from '../../portal/src/features/newMessage/i18n/en.json';
import nb from '../../portal/src/features/newMessage/i18n/nb.json';
import { factLabel, factValue } from '../../portal/src/features/newMessage/factWords';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { nb: { translation: nb }, en: { translation: en } }, lng: 'nb', interpolation: { escapeValue: false } });
});
const languages = () => [i18n.getFixedT('nb'), i18n.getFixedT('en')];
const looksLikeAKey = (words: string) => /^newMessage\.|^[a-z]+[A-Z_]/.test(words);

describe('the facts of a completeness rule, in the installer\'s words', () => {
  it('names every fact a rule may name', () => {
    for (const t of languages()) {
      const codes = FACT_FIELDS.map((fact) => factLabel(t, fact)).filter(looksLikeAKey);
      expect(codes).toEqual([]);
    }
  });

  it('gives the words for values that are codes', () => {
    const [t] = languages();
    expect(factValue(t, 'buildingUse', 'apartment_building')).not.toContain('_');
    expect(factValue(t, 'requestType', 'new_installation')).toBe(nb.newMessage.requestTypes.new_installation);
    expect(factValue(t, 'hasProduction', true)).toBe('ja');
    const values: Array<[string, readonly string[]]> = [
      ['buildingUse', BUILDING_USES], ['networkSystem', NETWORK_SYSTEMS], ['ownerIdKind', OWNER_ID_KINDS], ['requestType', REQUEST_TYPES],
    ];
    for (const tr of languages()) {
      for (const [fact, codes] of values) {
        expect(codes.map((code) => factValue(tr, fact, code)).filter((words) => words.startsWith('newMessage.') || codes.includes(words)), fact)
          .toEqual([]);
      }
    }
    expect(factValue(t, 'mainFuseA', 63)).toBe('63');
  });
});
