import { describe, expect, test } from 'vitest';
import { catalogueProblems, flatten } from './catalogueCheck';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { pt } from './pt';

/** Names the same in every language: the product, file formats as their makers spell them. */
const EVERYWHERE = [
  'app.name',
  'exportDialog.formats.docx',
  'exportDialog.formats.pdf',
  'exportDialog.formats.md',
  'languages.originalColumn', // "Original ({{language}})": "original" is the word in all four.
];

/** Sentences that are rightly the English word, and why. */
const SAME_AS_ENGLISH = {
  es: new Set([
    ...EVERYWHERE,
    'home.sector', // "Sector" is the Spanish word.
    'editor.short.preambular', // "Preambular" is the OAS Spanish term (párrafo preambular).
  ]),
  fr: new Set([
    ...EVERYWHERE,
    'meeting.documentsTitle', // "Documents" is the French word.
    'meeting.documentTitle', // "Document" likewise.
    'participants.title', // "Participants" likewise.
    'participants.actions', // "Actions" likewise.
    'history.insertions_one', // "{{count}} insertion" is the French word.
    'history.insertions_other', // "{{count}} insertions" likewise.
  ]),
  pt: new Set([
    ...EVERYWHERE,
    'editor.short.preambular', // "Preambular" is the Portuguese term (parágrafo preambular).
  ]),
} as const;

const CATALOGUES = { es, fr, pt } as const;

describe('[Y1] every UI sentence exists in English, Spanish, French and Portuguese', () => {
  test.each(Object.keys(CATALOGUES) as (keyof typeof CATALOGUES)[])(
    '[Y1] %s has every key of English, no other, the same placeholders, and nothing left in English',
    (language) => {
      expect(
        catalogueProblems(en, CATALOGUES[language], language, SAME_AS_ENGLISH[language]),
      ).toEqual([]);
    },
  );

  test('[Y1] the walk covers the whole English catalogue', () => {
    const keys = [...flatten(en).keys()];
    expect(keys).toContain('history.restoreConfirm');
    expect(keys).toContain('exportDialog.formats.akn');
    expect(keys.length).toBeGreaterThan(250);
  });

  test('[Y1] every allowed English sentence is still English (the list does not go stale)', () => {
    const english = flatten(en);
    for (const [language, allowed] of Object.entries(SAME_AS_ENGLISH)) {
      const translated = flatten(CATALOGUES[language as keyof typeof CATALOGUES]);
      for (const key of allowed)
        expect([language, key, translated.get(key)]).toEqual([language, key, english.get(key)]);
    }
  });
});

describe('[Y1] the check notices each kind of fault', () => {
  const reference = {
    title: 'History',
    named: 'Version “{{label}}” saved.',
    format: 'PDF',
    dates: '{{from}} – {{to}}',
    count_one: '{{count}} change',
    count_other: '{{count}} changes',
  };
  const good = {
    title: 'Historique',
    named: 'La version « {{label}} » a été enregistrée.',
    format: 'PDF',
    dates: '{{from}} – {{to}}',
    count_one: '{{count}} modification',
    count_other: '{{count}} modifications',
    count_many: '{{count}} de modifications',
  };

  test('a complete catalogue passes', () => {
    expect(catalogueProblems(reference, good, 'fr', new Set(['format']))).toEqual([]);
  });

  test('a missing key, a missing plural form and an extra key are named', () => {
    const { title: _title, count_many: _many, ...rest } = good;
    expect(
      catalogueProblems(reference, { ...rest, stray: 'x' }, 'fr', new Set(['format'])),
    ).toEqual(['fr: missing title', 'fr: missing count_many', 'fr: extra stray']);
  });

  test('a changed or dropped placeholder is named', () => {
    const broken = {
      ...good,
      named: 'La version « {{nom}} » a été enregistrée.',
      count_one: 'une modification',
    };
    expect(catalogueProblems(reference, broken, 'fr', new Set(['format']))).toEqual([
      'fr: named has {{nom}} instead of {{label}}',
      'fr: count_one has {{}} instead of {{count}}',
    ]);
  });

  test('a sentence left in English is named unless allowed; placeholders alone need no translation', () => {
    expect(catalogueProblems(reference, { ...good, title: 'History' }, 'fr', new Set())).toEqual([
      'fr: title is still English ("History")',
      'fr: format is still English ("PDF")',
    ]);
  });
});
