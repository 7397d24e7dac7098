/**
 * What makes a translated catalogue complete: the same keys as English (plus the `_many`
 * plural forms the language's CLDR rules ask for), the same placeholders in every sentence,
 * and no sentence left in English. Used by i18n/catalogues.test.ts; kept apart so the test can
 * also prove it notices each kind of fault.
 */

type Tree = { readonly [key: string]: string | Tree };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;

/** Every sentence of a catalogue by its dotted key ("history.kind.named"). */
export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [inner, text] of flatten(value, path)) flat.set(inner, text);
  }
  return flat;
}

/** The placeholder names of a sentence, sorted: "{{from}} – {{to}}" → ["from", "to"]. */
export function placeholders(sentence: string): string[] {
  return [...sentence.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}

/** A sentence with no word in it (only placeholders, punctuation, digits) has nothing to translate. */
function hasWords(sentence: string): boolean {
  return /\p{L}/u.test(sentence.replace(PLACEHOLDER, ''));
}

/**
 * The keys a language must have: English's, with each plural group ("count_one",
 * "count_other") widened to the plural categories of `language` ("count_many" in French).
 */
export function expectedKeys(reference: Map<string, string>, language: string): Set<string> {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of reference.keys()) {
    if (!PLURAL_SUFFIX.test(key)) {
      keys.add(key);
      continue;
    }
    const base = key.replace(PLURAL_SUFFIX, '');
    for (const category of categories) keys.add(`${base}_${category}`);
  }
  return keys;
}

/** The English sentence a key of another language translates (`_many` translates `_other`). */
function englishFor(reference: Map<string, string>, key: string): string | undefined {
  return reference.get(key) ?? reference.get(key.replace(PLURAL_SUFFIX, '_other'));
}

/**
 * Everything wrong with `catalogue` as a translation of `reference`, one line each; [] when
 * complete. `sameAsEnglish` lists keys whose sentence is rightly the English one.
 */
export function catalogueProblems(
  reference: Tree,
  catalogue: Tree,
  language: string,
  sameAsEnglish: ReadonlySet<string> = new Set(),
): string[] {
  const english = flatten(reference);
  const translated = flatten(catalogue);
  const expected = expectedKeys(english, language);
  const problems: string[] = [];
  for (const key of expected) {
    if (!translated.has(key)) problems.push(`${language}: missing ${key}`);
  }
  for (const [key, sentence] of translated) {
    if (!expected.has(key)) {
      problems.push(`${language}: extra ${key}`);
      continue;
    }
    const original = englishFor(english, key) ?? '';
    const want = placeholders(original).join(', ');
    const got = placeholders(sentence).join(', ');
    if (want !== got) problems.push(`${language}: ${key} has {{${got}}} instead of {{${want}}}`);
    if (sentence.trim() === '') problems.push(`${language}: ${key} is empty`);
    else if (sentence === original && hasWords(sentence) && !sameAsEnglish.has(key)) {
      problems.push(`${language}: ${key} is still English ("${sentence}")`);
    }
  }
  return problems;
}
