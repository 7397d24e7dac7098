import { beforeAll, describe, expect, test } from 'vitest';
import { formatDay, formatMoment } from '../components/format';
import { currentLanguage, dateLocale, i18n, initI18n, switchLanguage } from './index';
import { LANGUAGE_STORAGE_KEY, chooseLanguage, languageOfTag } from './languages';

describe('[Y2] the language a person opens in', () => {
  test('the first of the browser’s languages that Accord speaks, whatever its region', () => {
    expect(chooseLanguage(null, ['es-GT', 'en-US'])).toBe('es');
    expect(chooseLanguage(null, ['de-DE', 'pt-BR', 'fr'])).toBe('pt');
    expect(chooseLanguage(null, ['fr_CA'])).toBe('fr');
  });

  test('English when the browser asks for none of the four', () => {
    expect(chooseLanguage(null, ['de', 'ja'])).toBe('en');
    expect(chooseLanguage(null, [])).toBe('en');
  });

  test('a choice remembered on the device wins over the browser; a stale one is ignored', () => {
    expect(chooseLanguage('fr', ['es-ES'])).toBe('fr');
    expect(chooseLanguage('klingon', ['es-ES'])).toBe('es');
    expect(languageOfTag('EN-gb')).toBe('en');
  });
});

describe('[Y3] switching the language', () => {
  beforeAll(async () => {
    window.localStorage.removeItem(LANGUAGE_STORAGE_KEY);
    await initI18n('es');
  });

  test('the page starts in the chosen language with <html lang> set', () => {
    expect(currentLanguage()).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect(i18n.t('history.title')).toBe('Historial');
  });

  test('a switch changes every sentence and <html lang>, and is remembered on the device', async () => {
    await switchLanguage('fr');
    expect(i18n.t('exportDialog.download')).toBe('Télécharger');
    expect(document.documentElement.lang).toBe('fr');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    await switchLanguage('pt');
    expect(i18n.t('status.ad_ref')).toBe('Acordado ad referendum');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('pt');
  });

  test('plurals follow each language’s rules (French and Portuguese say "0 personne")', async () => {
    await switchLanguage('fr');
    expect(i18n.t('presence.count', { count: 0 })).toBe('0 personne');
    expect(i18n.t('presence.count', { count: 2 })).toBe('2 personnes');
    await switchLanguage('es');
    expect(i18n.t('presence.count', { count: 0 })).toBe('0 personas');
    expect(i18n.t('history.changeCount', { count: 1 })).toBe('1 cambio');
    expect(i18n.t('history.changeCount', { count: 1_000_000 })).toBe('1000000 de cambios');
  });
});

describe('[Y4] dates and times in the reader’s locale', () => {
  test('the browser’s regional tag is kept when it is in the page’s language', () => {
    expect(dateLocale('es', ['es-GT', 'en'])).toBe('es-GT');
    expect(dateLocale('pt', ['en-US', 'pt-BR'])).toBe('pt-BR');
    expect(dateLocale('fr', ['es-ES'])).toBe('fr');
  });

  test('a day and a moment are written as each language writes them', async () => {
    await switchLanguage('es');
    expect(formatDay('2026-12-04')).toMatch(/^4 dic 2026$/);
    await switchLanguage('fr');
    expect(formatDay('2026-12-04')).toMatch(/^4 déc\. 2026$/);
    await switchLanguage('pt');
    expect(formatDay('2026-12-04')).toMatch(/^4 de dez\. de 2026$/);
    await switchLanguage('en');
    expect(formatMoment('2026-12-04T17:50:00Z')).toMatch(/^Dec 4, 2026, 5:50\sPM$/);
  });
});
