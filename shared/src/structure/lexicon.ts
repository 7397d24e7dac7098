import {
  FOREIGN_ADVERBS,
  FOREIGN_PREAMBLE_PHRASES,
  FOREIGN_THAT,
  isForeignInfinitive,
  isForeignLeadWord,
  isForeignOperativeVerb,
} from './languages';

/**
 * The opening words of paragraphs. Preambular paragraphs open with a participle or adjective
 * ("Recalling", "Deeply concerned", OAS "RECALLING that …;", "That …;"); operative paragraphs
 * with an infinitive in OAS texts ("To urge …;") and a verb in the third person in UN texts
 * ("Decides …;", "Also requests …;"). These words tell the two parts apart where a text has
 * lost its numbers or headings.
 */

/** Words that may stand before the lead word: "Also decides", "Deeply concerned". */
const ADVERBS = new Set([
  'also',
  'further',
  'furthermore',
  'again',
  'deeply',
  'strongly',
  'firmly',
  'fully',
  'gravely',
  'seriously',
  'once',
]);

const PREAMBLE_ADJECTIVES = new Set([
  'aware',
  'mindful',
  'convinced',
  'concerned',
  'conscious',
  'cognizant',
  'cognisant',
  'determined',
  'desirous',
  'alarmed',
  'guided',
  'encouraged',
  'committed',
  'persuaded',
  'whereas',
]);

const OPERATIVE_VERBS = new Set([
  'decides',
  'requests',
  'urges',
  'calls',
  'invites',
  'encourages',
  'recommends',
  'adopts',
  'endorses',
  'reaffirms',
  'emphasizes',
  'emphasises',
  'stresses',
  'notes',
  'takes',
  'expresses',
  'approves',
  'authorizes',
  'authorises',
  'affirms',
  'acknowledges',
  'supports',
  'welcomes',
  'recognizes',
  'recognises',
  'underlines',
  'underscores',
  'commends',
  'appeals',
  'instructs',
  'directs',
  'designates',
  'proclaims',
  'declares',
  'agrees',
  'resolves',
  'reiterates',
  'condemns',
  'deplores',
  'entrusts',
  'establishes',
  'exhorts',
]);

/** Phrases read as one lead word ("Bearing in mind", "Calls upon", "Taking note with appreciation"). */
const PHRASES =
  /^(?:Bearing in mind|Keeping in mind|Taking into account|Taking into consideration|Taking note(?: with (?:appreciation|satisfaction|concern))?|Calls upon|Calls on|Having (?:considered|examined|reviewed|received|heard|seen)|Noting with (?:appreciation|satisfaction|concern|deep concern)|Welcoming also)\b/;

/** The same phrases in capitals, as OAS texts set them inline ("TENIENDO PRESENTE que …"). */
const UPPERCASE_FOREIGN_PHRASES = new RegExp(FOREIGN_PREAMBLE_PHRASES.source, 'iu');

const isAdverb = (word: string) => ADVERBS.has(word) || FOREIGN_ADVERBS.has(word);

function words(text: string): string[] {
  return text.split(/\s+/, 3).map((word) => word.replace(/[^\p{L}-]/gu, ''));
}

/**
 * The length of the lead phrase that opens `text` ("Also requests", "Bearing in mind"), the
 * words UN texts set in italics; 0 when the paragraph opens otherwise.
 */
export function leadPhraseLength(text: string): number {
  const phrase = PHRASES.exec(text) ?? FOREIGN_PREAMBLE_PHRASES.exec(text);
  if (phrase) return phrase[0].length;
  const match = /^(\p{Lu}[\p{L}-]*)(?:\s+(\p{Ll}[\p{L}-]*))?(?:\s+(also|further|again))?/u.exec(
    text,
  );
  if (!match?.[1]) return 0;
  const first = match[1].toLowerCase();
  const second = match[2]?.toLowerCase() ?? '';
  if (isAdverb(first) && (isLeadWord(second) || isOperativeVerb(second))) {
    return match[1].length + 1 + second.length + (match[3] ? match[3].length + 1 : 0);
  }
  if (!isLeadWord(first) && !isOperativeVerb(first)) return 0;
  // "Recalling also", "Decides further": the adverb after the verb belongs to it.
  return ['also', 'further', 'again'].includes(second) || FOREIGN_ADVERBS.has(second)
    ? match[1].length + 1 + second.length
    : match[1].length;
}

function isLeadWord(word: string): boolean {
  return (
    (word.length > 5 && word.endsWith('ing')) ||
    PREAMBLE_ADJECTIVES.has(word) ||
    isForeignLeadWord(word)
  );
}

const isOperativeVerb = (word: string) => OPERATIVE_VERBS.has(word) || isForeignOperativeVerb(word);

/** UN preambular: "Recalling its resolution …,", "Deeply concerned …,", "Bearing in mind …,". */
export function opensLikePreambular(text: string): boolean {
  if (PHRASES.test(text) && !/^Calls/.test(text)) return true;
  if (FOREIGN_PREAMBLE_PHRASES.test(text)) return true;
  const [first = '', second = ''] = words(text);
  if (!/^\p{Lu}\p{Ll}/u.test(first)) return false;
  const lead = isAdverb(first.toLowerCase()) ? second.toLowerCase() : first.toLowerCase();
  return isLeadWord(lead);
}

/** OAS preambular with its lead word inline: "RECALLING that …;", "BEARING IN MIND …;". */
export function opensWithUppercaseLead(text: string): boolean {
  if (
    /^(?:BEARING IN MIND|TAKING INTO ACCOUNT|TAKING NOTE|HAVING SEEN|HAVING CONSIDERED)\b/.test(
      text,
    ) ||
    UPPERCASE_FOREIGN_PHRASES.test(text)
  ) {
    return /^\p{Lu}{2}/u.test(text);
  }
  const match = /^(\p{Lu}{3,})(?:\s+(\p{Lu}{3,}))?\s+(?:[\p{Ll}“"‘'(]|\p{Lu}\p{Ll})/u.exec(text);
  if (!match?.[1]) return false;
  const first = match[1].toLowerCase();
  const lead = isAdverb(first) ? (match[2]?.toLowerCase() ?? '') : first;
  return isLeadWord(lead);
}

/** "That on the occasion …", the clauses listed under "CONSIDERING:". */
export function opensWithThat(text: string): boolean {
  return /^That\s/.test(text) || FOREIGN_THAT.test(text);
}

/** UN operative: "Decides …;", "Also requests …;", "Calls upon …;". */
export function opensLikeUnOperative(text: string): boolean {
  if (/^Calls (?:upon|on)\b/.test(text)) return true;
  const [first = '', second = ''] = words(text);
  if (!/^\p{Lu}\p{Ll}/u.test(first)) return false;
  const verb = isAdverb(first.toLowerCase()) ? second.toLowerCase() : first.toLowerCase();
  return isOperativeVerb(verb);
}

/** OAS operative: "To urge member states …;". */
export function opensWithInfinitive(text: string): boolean {
  if (/^To\s+\p{Ll}/u.test(text)) return true;
  const [first = '', second = ''] = text.split(/\s+/, 2);
  return isForeignInfinitive(first, second);
}
