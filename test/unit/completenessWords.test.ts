// The desk says why a checklist item is missing in words ("Ikke oppgitt: skapnummer · kreves ved nettselskapets
// byggestrømskap ja"): every field a shipped rule requires or looks at has its word in both languages, so no code
// (`cabinetId`) reaches a case handler through the fallback.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPLETENESS_RULE_SETS, OPTIONAL_COMPLETENESS_ITEMS, type Condition } from '../../shared/rules';

const fieldsIn = (condition: Condition | undefined): string[] => {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(fieldsIn);
  if ('any' in condition) return condition.any.flatMap(fieldsIn);
  if ('not' in condition) return fieldsIn(condition.not);
  return [condition.field];
};

const items = [...Object.values(DEFAULT_COMPLETENESS_RULE_SETS).flatMap((set) => set.items), ...OPTIONAL_COMPLETENESS_ITEMS];
const named = [...new Set(items.flatMap((item) => [...('fields' in item.requires ? item.requires.fields : []), ...fieldsIn(item.when)]))];

describe('the words of the checklist reasons', () => {
  for (const language of ['nb', 'en']) {
    it(`has a word in ${language} for every field the shipped rules name`, () => {
      const bundle = JSON.parse(readFileSync(path.join(__dirname, `../../renderer/src/i18n/${language}.json`), 'utf8')) as {
        completeness: { fields: Record<string, string> };
      };
      expect(named.filter((field) => !bundle.completeness.fields[field])).toEqual([]);
      expect(named).toEqual(expect.arrayContaining(['cabinetId', 'companyCabinet', 'sharedServiceLine', 'wantedEndDate', 'freeText']));
    });
  }
});
