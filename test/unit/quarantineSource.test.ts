// A stopped message's source in words: the portal and the sending firm's organisation number, or the file it was read
// from — never the central service's `portal:<number>` code.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeSource } from '../../renderer/src/features/quarantine/describeSource';
import en from '../../renderer/src/i18n/en.json';
import nb from '../../renderer/src/i18n/nb.json';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { nb: { translation: nb }, en: { translation: en } }, lng: 'nb', interpolation: { escapeValue: false } });
});

describe('where a stopped message came from', () => {
  it('names the portal and the firm by its organisation number as printed, not the code', () => {
    const words = describeSource(i18n.t, 'portal:923609016');
    expect(words).toBe('Portalen, fra firma med org.nr. 923 609 016');
    expect(words).not.toContain('portal:');
    expect(describeSource(i18n.getFixedT('en'), 'portal:923609016')).toBe('The portal, from the firm with organisation number 923 609 016');
  });

  it('names the file a message was read from', () => {
    expect(describeSource(i18n.t, 'innboks/2026-12-01.json')).toBe('Filen innboks/2026-12-01.json');
  });
});
