import { beforeAll, describe, expect, test } from 'vitest';
import {
  VERSION_LABEL_KEYS,
  automaticLabel,
  lockedLabel,
  restoredLabel,
} from '@accord/shared/version-labels';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { pt } from './pt';
import { i18n, initI18n, switchLanguage } from './index';
import { versionLabel } from './serverLabels';

const CATALOGUES = { en, es, fr, pt } as const;

function lookup(catalogue: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined,
      catalogue,
    );
}

const placeholders = (sentence: string) =>
  [...sentence.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('[Y5] labels the server writes are keys with values, worded in the reader’s language', () => {
  beforeAll(async () => {
    await initI18n('en');
  });

  test.each(Object.values(VERSION_LABEL_KEYS))(
    '[Y5] %s exists in English, Spanish, French and Portuguese with the placeholders the server fills',
    (key) => {
      const sample = [automaticLabel(new Date()), restoredLabel('Rev.1'), lockedLabel()].find(
        (label) => label.labelKey === key,
      )!;
      const given = Object.keys(sample.labelValues).map((name) => (name === 'at' ? 'time' : name));
      for (const [language, catalogue] of Object.entries(CATALOGUES)) {
        const sentence = lookup(catalogue, key);
        expect(typeof sentence, `${language} ${key}`).toBe('string');
        expect(placeholders(sentence as string), `${language} ${key}`).toEqual(given.sort());
      }
    },
  );

  test('[Y5] an automatic, a restore and a lock version read in Spanish and French; a typed label stays as typed', async () => {
    const at = new Date('2026-12-04T17:50:00Z');
    await switchLanguage('es');
    expect(versionLabel(automaticLabel(at))).toMatch(/^Automática, \d{1,2}:50/);
    expect(versionLabel(restoredLabel('Borrador cero'))).toBe('Restablecida: “Borrador cero”');
    expect(versionLabel(lockedLabel())).toBe('Bloqueada para su adopción');
    expect(versionLabel({ label: 'Antes de la pausa' })).toBe('Antes de la pausa');
    await switchLanguage('fr');
    expect(versionLabel(lockedLabel())).toBe('Verrouillée pour adoption');
    expect(versionLabel({ ...lockedLabel(), labelKey: 'languages.versionLabels.unknown' })).toBe(
      'Locked for adoption',
    );
    expect(i18n.language).toBe('fr');
  });
});
