import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Catalogue } from './catalogue';
import { en } from './en';
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

/** English is in the first script: it is the fallback, and the language most pages open in. */
export const resources = { en: { translation: en } } as const;

/**
 * The other catalogues are chunks of their own (about 8 KB of gzip each): a delegate on
 * conference Wi-Fi downloads only the language they read, not all four.
 */
const lazyCatalogues: Readonly<Record<Exclude<Language, 'en'>, () => Promise<Catalogue>>> = {
  es: () => import('./es').then((module) => module.es),
  fr: () => import('./fr').then((module) => module.fr),
  pt: () => import('./pt').then((module) => module.pt),
};

/**
 * i18next's loading seam: `changeLanguage` asks it for a catalogue it does not hold and only
 * then switches, so the page never shows keys or a half-translated screen in between. A failed
 * fetch (offline, the chunk never cached) is not retried: the page stays in its language.
 */
const catalogueChunks: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = isLanguage(language) && language !== 'en' ? lazyCatalogues[language] : null;
    if (!load) {
      callback(new Error(`no catalogue for ${language}`), false);
      return;
    }
    load().then(
      (catalogue) => callback(null, catalogue as unknown as ResourceKey),
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Whether the page holds `language`'s sentences (English always does). */
function hasCatalogue(language: Language): boolean {
  return i18n.hasResourceBundle(language, 'translation');
}

// `<html lang>` follows every change, so screen readers pronounce the page in its language.
i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

/** Starts the layer in `language`, or in the person's language (remembered, else the browser's). */
export async function initI18n(
  language: Language = chooseLanguage(rememberedLanguage(), browserLanguages()),
): Promise<void> {
  await i18n
    .use(initReactI18next)
    .use(catalogueChunks)
    .init({
      lng: language,
      fallbackLng: 'en',
      supportedLngs: ['en', 'es', 'fr', 'pt'],
      resources,
      // English is bundled; the backend above brings the others when they are first needed.
      partialBundledLanguages: true,
      interpolation: { escapeValue: false }, // React escapes already.
      returnNull: false,
    });
  // The reader's catalogue could not be fetched (offline on a first visit): English, said so.
  if (!hasCatalogue(currentLanguage())) await i18n.changeLanguage('en');
  if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;
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

/**
 * Switches the whole page to `language` and remembers the choice on this device. The catalogue
 * is fetched first; when it cannot be (offline), nothing changes and the answer is `false`.
 */
export async function switchLanguage(language: Language): Promise<boolean> {
  // `reload`: i18next never retries a language whose fetch failed once, the network may be back.
  if (!hasCatalogue(language)) await i18n.reloadResources([language], ['translation']);
  if (!hasCatalogue(language)) return false;
  rememberLanguage(language);
  await i18n.changeLanguage(language);
  return true;
}
