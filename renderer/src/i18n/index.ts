// i18next with the two languages bundled; the choice is remembered and written to <html lang>.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { GRID_WORK_NAMES_NB } from '../../../shared/rules';
import en from './en.json';
import nbTexts from './nb.json';

/** Bokmål; the grid work's names come from the rules, where the work order letter takes them too. */
const nb = { ...nbTexts, installerCheck: { ...nbTexts.installerCheck, work: GRID_WORK_NAMES_NB } };

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'saksbehandlerpulten.language';

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
    resources: { nb: { translation: nb }, en: { translation: en } },
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
    // Storage can be unavailable (private profile); the choice then lasts for this session only.
  }
}

export function currentLanguage(): Language {
  return (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'nb';
}
