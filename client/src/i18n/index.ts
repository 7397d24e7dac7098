import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { pt } from './pt';
import {
  browserLanguages,
  chooseLanguage,
  isLanguage,
  languageOfTag,
  rememberLanguage,
  rememberedLanguage,
  type Language,
} from './languages';

/**
 * The one translation layer. Every string a person reads goes through `t()`; English is the
 * reference catalogue and the fallback, with Spanish, French and Portuguese beside it.
 */
export const i18n = i18next.createInstance();

export const resources = {
  en: { translation: en },
  es: { translation: es },
  fr: { translation: fr },
  pt: { translation: pt },
} as const;

// `<html lang>` follows every change, so screen readers pronounce the page in its language.
i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

/** Starts the layer in `language`, or in the person's language (remembered, else the browser's). */
export async function initI18n(
  language: Language = chooseLanguage(rememberedLanguage(), browserLanguages()),
): Promise<void> {
  await i18n.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'es', 'fr', 'pt'],
    resources,
    interpolation: { escapeValue: false }, // React escapes already.
    returnNull: false,
  });
  document.documentElement.lang = i18n.language;
}

/** The language the page is in now, as one of ours. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/**
 * The locale dates and times are written in: the browser's own tag when it is in the page's
 * language ("es-GT" keeps Guatemala's conventions, "pt-BR" Brazil's), else the bare language.
 */
export function dateLocale(
  language: Language = currentLanguage(),
  preferred: readonly string[] = browserLanguages(),
): string {
  const regional = preferred.find((tag) => languageOfTag(tag) === language);
  if (regional) {
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([regional])[0] ?? language;
    } catch {
      // A malformed tag from the browser: the bare language is always valid.
    }
  }
  return language;
}

/** Switches the whole page to `language` and remembers the choice on this device. */
export async function switchLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18n.changeLanguage(language);
}
