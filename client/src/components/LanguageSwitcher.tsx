import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from '../i18n/languages';
import './languageSwitcher.css';

/**
 * The page's language, on every page: a native select (keyboard and screen reader work without
 * help), each language named in itself and marked with its `lang` so it is read out correctly.
 * The choice is remembered on this device by `switchLanguage`.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  // The hook's instance re-renders this select whenever the language changes.
  const value = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <span className="language-switcher">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const chosen = event.target.value;
          if (isLanguage(chosen)) void switchLanguage(chosen);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </span>
  );
}
