import type { Language } from '../api';

/**
 * The words by which a resolution in Spanish, French or Portuguese shows its parts, beside the
 * English ones in `lexicon.ts` and `markers.ts`. OAS and UN texts in these languages open
 * preambular paragraphs with a gerund or participle ("Recordando", "Rappelant", "Tendo
 * presente"), UN operative paragraphs with a verb in the third person ("Decide", "Prie",
 * "Solicita") and OAS operative paragraphs with an infinitive ("Instar", "Charger"). Words are
 * compared in lower case, accents kept.
 */

/** Present participles and gerunds: "-ant" (fr), "-ando", "-iendo", "-endo", "-indo" (es, pt). */
const PARTICIPLE = /^\p{L}{3,}(?:ant|ando|iendo|yendo|endo|indo)$/u;

/** Words with a participle's ending that are not one ("Pendant", "Durante" has none). */
const NOT_PARTICIPLES = new Set([
  'avant',
  'pendant',
  'cependant',
  'maintenant',
  'néanmoins',
  'suivant',
  'durant',
  'cuando',
  'mediante',
  'quando',
  'segundo',
  // English adjectives ending like a French participle.
  'important',
  'relevant',
  'significant',
  'constant',
  'instant',
  'assistant',
  'participant',
  'abundant',
  'redundant',
  'dominant',
  'brilliant',
  'pursuant',
  'elegant',
]);

/** Adjectives that open a preambular paragraph: "Convencidos", "Conscients", "Preocupada". */
const PREAMBLE_ADJECTIVE =
  /^(?:conscientes?|conscients?|convaincue?s?|convencid[oa]s?|préoccupée?s?|preocupad[oa]s?|résolue?s?|decidid[oa]s?|determinad[oa]s?|désireu(?:x|ses?)|deseos[oa]s?|desejos[oa]s?|guidée?s?|guiad[oa]s?|alarmée?s?|alarmad[oa]s?|soucieu(?:x|ses?)|persuadée?s?|persuadid[oa]s?|alentad[oa]s?|encouragée?s?|comprometid[oa]s?|comprometid[oa]s?|vu)$/u;

/** Adverbs that may stand before the lead word: "Profundamente preocupados", "Décide également". */
export const FOREIGN_ADVERBS = new Set([
  'profondément',
  'vivement',
  'gravement',
  'également',
  'profundamente',
  'gravemente',
  'firmemente',
  'asimismo',
  'también',
  'também',
  'igualmente',
  'además',
]);

/** Phrases read as one preambular lead word. */
export const FOREIGN_PREAMBLE_PHRASES =
  /^(?:Teniendo (?:presente|en cuenta)|Tomando nota|Habiendo (?:examinado|considerado|visto)|Tendo (?:presente|em conta)|Levando em (?:conta|considera[çc][ãa]o)|Tomando nota|Ayant (?:à l[’']esprit|examiné|vu|pris note)|Gardant à l[’']esprit|Tenant compte|Prenant note|Se félicitant|Accueillant avec satisfaction)\b/u;

/** UN operative verbs in the third person singular. */
const FOREIGN_OPERATIVE_VERBS = new Set([
  // French
  'décide',
  'prie',
  'demande',
  'engage',
  'invite',
  'encourage',
  'recommande',
  'adopte',
  'approuve',
  'réaffirme',
  'souligne',
  'note',
  'prend',
  'exprime',
  'accueille',
  'salue',
  'reconnaît',
  'exhorte',
  'condamne',
  'déplore',
  'appelle',
  'charge',
  'autorise',
  'affirme',
  'déclare',
  'réitère',
  'rappelle',
  'souscrit',
  // Spanish and Portuguese (many are the same word)
  'decide',
  'pide',
  'solicita',
  'insta',
  'exhorta',
  'exorta',
  'invita',
  'convida',
  'alienta',
  'incentiva',
  'encoraja',
  'recomienda',
  'recomenda',
  'aprueba',
  'aprova',
  'adopta',
  'adota',
  'reafirma',
  'subraya',
  'sublinha',
  'destaca',
  'observa',
  'toma',
  'expresa',
  'expressa',
  'acoge',
  'acolhe',
  'reconoce',
  'reconhece',
  'condena',
  'deplora',
  'encomienda',
  'encarga',
  'encarrega',
  'autoriza',
  'declara',
  'reitera',
  'hace',
  'pede',
  'afirma',
  'apoya',
  'apoia',
]);

/** Whether `word` (lower case) is a non-English preambular lead word. */
export function isForeignLeadWord(word: string): boolean {
  if (NOT_PARTICIPLES.has(word)) return false;
  return PARTICIPLE.test(word) || PREAMBLE_ADJECTIVE.test(word);
}

/** Whether `word` (lower case) is a non-English UN operative verb. */
export function isForeignOperativeVerb(word: string): boolean {
  return FOREIGN_OPERATIVE_VERBS.has(word);
}

/** Infinitives that open OAS operative paragraphs: "Instar a …", "Charger le …", "Encarregar". */
const INFINITIVE = /^\p{Lu}\p{Ll}{2,}(?:ar|er|ir|re)$/u;
const NOT_INFINITIVES = new Set(['entre', 'contre', 'notre', 'votre', 'autre', 'sobre', 'lugar']);

/**
 * Words that follow an infinitive opening a paragraph ("Instar a los", "Charger le", "Encarregar
 * a"): without one, "Under the", "Further requests" or "Their efforts" would pass for one.
 */
const AFTER_INFINITIVE = new Set(
  (
    'a al a la las los lo el le les l au aux à de del des du que en em ao aos às un una unos ' +
    'unas um uma une sus su ses son sa seu sua seus suas leur leurs este esta estos estas ce ' +
    'cet cette ces todos todas tous toutes o os as nuevamente de nouveau novamente'
  ).split(' '),
);

/** Whether `word`, followed by `next`, is a Spanish, French or Portuguese infinitive. */
export function isForeignInfinitive(word: string, next: string): boolean {
  const follower = next.toLowerCase().replace(/[’'].*$/u, '');
  return (
    INFINITIVE.test(word) &&
    !NOT_INFINITIVES.has(word.toLowerCase()) &&
    AFTER_INFINITIVE.has(follower)
  );
}

/** "Que …", "Qu’…": the clauses listed under "CONSIDERANDO:" in Spanish, French and Portuguese. */
export const FOREIGN_THAT = /^(?:Que\s|Qu[’'])/u;

/** Lead-word headings opening the preamble: "VISTOS:", "AYANT VU :", "TENDO PRESENTE:". */
export const FOREIGN_PREAMBLE_HEADING =
  /^(vistos?|considerando|recordando|teniendo (?:presente|en cuenta)|reconociendo|reafirmando|observando|tomando nota|ayant vu|vu|considérant|rappelant|tenant compte|reconnaissant|réaffirmant|ayant examiné|tendo presente|tendo em conta|reconhecendo|levando em conta|convencid[oa]s|conscientes)(?:\s+(?:también|asimismo|également|também|além disso))?\s*:$/iu;

/** Lead-word headings opening the operative part: "RESUELVE:", "RÉSOUT :", "RESOLVE:". */
export const FOREIGN_OPERATIVE_HEADING =
  /^(resuelven?|resuelve|résout|résolvent|décide|décident|resolve|resolvem|decide|deciden|decidem|declara|declaran|declaram|déclare|déclarent|acuerda|acuerdan|recomienda|recomiendan|recomenda|recomendam|recommande|recommandent|adopta|adoptan|adota|adotam|se comprometen|nos comprometemos|s[’']engagent|comprometem-se|encomienda|encarga)\s*:$/iu;

/** Nouns that name a speaking organ: "LA ASAMBLEA GENERAL,", "L'Assemblée générale,". */
const ORGAN_NOUNS =
  /^(?:asamblea|assemblée|assembleia|consejo|conseil|conselho|conferencia|conférence|conferência|comisión|commission|comissão|comité|comitê|ministros|ministres|reunión|réunion|reunião|jefes|chefs|chefes|representantes|représentants|delegaciones|délégations|delegações)$/iu;

/**
 * A Spanish, French or Portuguese organ line: an article, an organ noun, a few more words and a
 * comma ("LA ASAMBLEA GENERAL,", "L'Assemblée générale,", "A ASSEMBLEIA GERAL,", "NOSOTROS,
 * LOS MINISTROS …,"). Capitals throughout are the OAS manner, mixed case the UN's.
 */
export function readForeignOrgan(text: string): 'oas' | 'un' | null {
  const t = text.trim();
  if (t.length > 200 || !t.endsWith(',') || /[.;:]\s/.test(t)) return null;
  const match =
    /^(?:(?:nosotros|nosotras|nous|nós),\s+)?(?:la|el|los|las|le|les|l[’']|a|o|as|os)\s*(\p{L}+)(?:\s+[\p{L}’'(),.-]+){0,14},$/iu.exec(
      t,
    );
  if (!match?.[1] || !ORGAN_NOUNS.test(match[1])) return null;
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters === letters.toUpperCase() ? 'oas' : 'un';
}

/**
 * Short, frequent words of each language: a text's original language is the one whose words it
 * uses most. Lead words alone cannot tell Spanish from Portuguese ("Recordando", "Considerando").
 */
const FUNCTION_WORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'in', 'that', 'with', 'for', 'its', 'on', 'by', 'which']),
  es: new Set(['el', 'la', 'los', 'las', 'y', 'del', 'en', 'que', 'con', 'para', 'por', 'una']),
  fr: new Set(['le', 'la', 'les', 'et', 'des', 'du', 'en', 'que', 'pour', 'dans', 'sur']),
  pt: new Set(['o', 'os', 'as', 'e', 'do', 'da', 'dos', 'das', 'em', 'que', 'para', 'não']),
};

/** The language most of `text` is written in; English when nothing tells. */
export function detectLanguage(text: string): Language {
  const counts: Record<Language, number> = { en: 0, es: 0, fr: 0, pt: 0 };
  const languages = Object.keys(counts) as Language[];
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const language of languages) if (FUNCTION_WORDS[language].has(word)) counts[language] += 1;
    // Endings no other of the four languages has.
    if (/ção$|ções$|ões$/.test(word)) counts.pt += 2;
    if (/ción$|ciones$/.test(word)) counts.es += 2;
  }
  let best: Language = 'en';
  for (const language of languages) if (counts[language] > counts[best]) best = language;
  return best;
}
