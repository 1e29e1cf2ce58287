// i18next with bokmål and English bundled; the choice is remembered and written to <html lang>.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nb from './nb.json';

// Each feature keeps its words next to it (features/<name>/i18n/{nb,en}.json, one top-level key per feature),
// merged here with the shell's.
type Bundle = Record<string, unknown>;
const featureBundles = import.meta.glob<Bundle>('../features/*/i18n/*.json', { eager: true, import: 'default' });
function bundle(language: 'nb' | 'en', shell: Bundle): Bundle {
  const merged: Bundle = { ...shell };
  for (const [file, words] of Object.entries(featureBundles)) {
    if (file.endsWith(`/${language}.json`)) Object.assign(merged, words);
  }
  return merged;
}

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'installatorportalen.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'nb';
  } catch {
    return 'nb';
  }
}

export function initI18n(): typeof i18n {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  void i18n.use(initReactI18next).init({
    resources: { nb: { translation: bundle('nb', nb) }, en: { translation: bundle('en', en) } },
    lng,
    fallbackLng: 'nb',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

export async function setLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be unavailable (private profile); the choice then lasts for this visit only.
  }
}

export function currentLanguage(): Language {
  return (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'nb';
}
