import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';

/**
 * The one translation layer. Every string a person reads goes through `t()`; English is the
 * reference catalogue, and the languages issue adds `es`, `fr`, `pt` beside it without touching
 * components.
 */
export const i18n = i18next.createInstance();

export async function initI18n(language = 'en'): Promise<void> {
  await i18n.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes already.
    returnNull: false,
  });
  document.documentElement.lang = i18n.language;
}
