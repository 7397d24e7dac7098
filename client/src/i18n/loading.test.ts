import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { pt } from './pt';
import { i18n, initI18n, switchLanguage } from './index';

describe('catalogues load as the reader needs them', () => {
  beforeAll(async () => {
    await initI18n('en');
  });

  it('[MD90] a page opened in English holds only the English catalogue', () => {
    expect(i18n.t('app.language')).toBe(en.app.language);
    for (const other of ['es', 'fr', 'pt'])
      expect(i18n.hasResourceBundle(other, 'translation')).toBe(false);
  });

  it('[MD91] switching language fetches its catalogue before the page changes, so no key or English shows in between', async () => {
    const seen: string[] = [];
    const onChange = () => seen.push(i18n.t('app.language'));
    i18n.on('languageChanged', onChange);
    try {
      expect(await switchLanguage('fr')).toBe(true);
    } finally {
      i18n.off('languageChanged', onChange);
    }
    expect(seen).toEqual([fr.app.language]);
    expect(document.documentElement.lang).toBe('fr');
    expect(i18n.t('app.language')).toBe(fr.app.language);
    // Only the language chosen came: the others stay on the server.
    expect(i18n.hasResourceBundle('es', 'translation')).toBe(false);
    expect(i18n.hasResourceBundle('pt', 'translation')).toBe(false);
  });

  it('[MD91] a page opened in another language has its sentences from the first render', async () => {
    await initI18n('pt');
    expect(i18n.language).toBe('pt');
    expect(i18n.t('app.language')).toBe(pt.app.language);
    await switchLanguage('en');
  });
});
