import { FOREIGN_OPERATIVE_HEADING, FOREIGN_PREAMBLE_HEADING, readForeignOrgan } from './languages';

/**
 * The signs by which a reader recognises the parts of a resolution in plain text: numbers and
 * letters in front of paragraphs, lead-word headings, the organ line, sponsor notes and
 * document symbols. Each function looks at the plain text of one paragraph (marks removed).
 */

const ALTERNATIVE_WORDS = 'bis|ter|quater|quinquies|sexies|septies|octies|novies|decies';

/** A number, letter or bullet in front of a paragraph, and how many characters it takes. */
export type Marker =
  | { kind: 'number'; value: number; alternative: boolean; length: number }
  | { kind: 'letter'; value: string; length: number }
  | { kind: 'bullet'; length: number };

// "1. ", "1) ", "(1) ", "2 bis. ": a number of at most three digits, so that "2013. Execution"
// at the start of a wrapped line is not taken for paragraph 2013.
const NUMBER = new RegExp(
  `^(?:\\((\\d{1,3})\\)|(\\d{1,3})(?:\\s+(${ALTERNATIVE_WORDS}))?\\s?[.)])(?:\\s+|$)`,
  'i',
);
// "a. ", "a) ", "(a) ", "(ii) ", "aa. ": lowercase only, so "A. BACKGROUND" stays a heading.
const LETTER = /^(?:\(([a-z]{1,2}|[ivxlc]{1,6})\)|([a-z]{1,2}|[ivxlc]{1,6})[.)])(?:\s+|$)/;
const BULLET = /^[-*•▪◦‣·●○■□–]\s+/;

/** The marker that opens `text`, if any. */
export function readMarker(text: string): Marker | null {
  const number = NUMBER.exec(text);
  if (number) {
    const value = Number(number[1] ?? number[2]);
    return {
      kind: 'number',
      value,
      alternative: number[3] !== undefined,
      length: number[0].length,
    };
  }
  const letter = LETTER.exec(text);
  if (letter)
    return { kind: 'letter', value: letter[1] ?? letter[2] ?? '', length: letter[0].length };
  const bullet = BULLET.exec(text);
  if (bullet) return { kind: 'bullet', length: bullet[0].length };
  return null;
}

/** A paragraph that is nothing but its marker ("4." alone on a line, text on the next). */
export function isBareMarker(text: string): boolean {
  const marker = readMarker(text.trim());
  return marker !== null && marker.kind !== 'bullet' && marker.length >= text.trim().length;
}

/** Lead words that open the operative part: "RESOLVES:", "RECOMMEND:", "DECLARE:", … */
const OPERATIVE_LEAD =
  /^(?:(?:we\s+)?(?:hereby\s+)?)(resolves?|recommends?|declares?|decides?|agrees?|adopts?|commits?|instructs?|requests?|urges?)(?:\s+to)?\s*:$/i;
const KNOWN_LEAD =
  /^(having seen|having considered|having examined|considering|recalling|noting|bearing in mind|taking into account|reaffirming|recognizing|recognising|aware|convinced|mindful|whereas)(?:\s+also|\s+further)?\s*:$/i;

/**
 * Whether `text` is a lead-word heading standing alone ("HAVING SEEN:", "RESOLVES:"), and which
 * part of the text it opens: `generic` for another heading in capitals ("PLAN OF ACTION:"),
 * which opens no part by itself.
 */
export function readLeadHeading(text: string): 'preamble' | 'operative' | 'generic' | null {
  const t = text.trim();
  if (t.length > 60 || !t.endsWith(':')) return null;
  if (OPERATIVE_LEAD.test(t) || FOREIGN_OPERATIVE_HEADING.test(t)) return 'operative';
  if (KNOWN_LEAD.test(t) || FOREIGN_PREAMBLE_HEADING.test(t)) return 'preamble';
  return /^\p{Lu}[\p{Lu} ,'’-]*\p{Lu}\s*:$/u.test(t) ? 'generic' : null;
}

/**
 * The organ line: "THE GENERAL ASSEMBLY,", "THE MINISTERS AND HIGH AUTHORITIES …,", UN "The
 * General Assembly,". Returns the style it suggests: capitals are OAS, mixed case UN.
 */
export function readOrgan(text: string): 'oas' | 'un' | null {
  const t = text.trim();
  if (t.length > 200 || !t.endsWith(',') || /[.;:]\s/.test(t)) return null;
  if (/^(?:WE,\s+)?THE\s+[A-Z][A-Z ,.'’()&-]+,$/.test(t)) return 'oas';
  if (
    /^(?:We,\s+)?The\s+(?:[A-Z][\w’'-]*|and|of|on|for|the)(?:\s+(?:[A-Z][\w’'-]*|and|of|on|for|the|de))*,$/.test(
      t,
    )
  ) {
    return 'un';
  }
  return readForeignOrgan(t);
}

/**
 * "(Presented by the Delegation of Belize)", "(Zero draft presented by the Chair)", "Adopted at
 * the fourth plenary session …". Leading words are allowed only inside parentheses, so that
 * "That the ministers agreed …" stays a preambular paragraph.
 */
export function isSponsorNote(text: string): boolean {
  const t = text.trim();
  const verbs =
    '(?:presented|submitted|proposed|sponsored|co-sponsored|prepared|adopted|approved|agreed)';
  const pattern = t.startsWith('(')
    ? new RegExp(`^\\((?:[\\w-]+\\s+){0,3}?${verbs}\\b`, 'i')
    : new RegExp(`^${verbs}\\b`, 'i');
  return t.length < 400 && pattern.test(t);
}

/** Document symbols and running headers: "AG/RES. 2089 (XXXV-O/05)", "OEA/Ser.K/XII", "A/RES/70/1". */
export function isDocumentSymbol(text: string): boolean {
  const t = text.trim();
  return (
    t.length < 80 &&
    /^(?:AG\/RES\.|AG\/doc\.|CIDI\/|CP\/|OEA\/Ser|OAS\/|A\/RES\/|A\/\d|E\/|[A-Z]{2,6}\/[A-Z]*\.?\s*\d)/.test(
      t,
    )
  );
}

/**
 * A footnote as Markdown or a converted .docx writes it ("[^1]: text", "[1] text"), or as OAS
 * texts do ("1/ The Delegation of … does not join consensus …").
 */
export function isFootnote(text: string): boolean {
  return /^(?:\[\^?\d{1,3}\]:?|\d{1,3}\/)\s/.test(text.trim());
}

/** The heading that opens an annex: "ANNEX", "Annex II", "ANEXO", "ANNEXE I", "ANNEX:". */
export function isAnnexHeading(text: string): boolean {
  return /^(?:annex|anexo|annexe)(?:\s+(?:[ivxlc]{1,5}|\d{1,2}|[a-z]))?\s*[.:]?$/iu.test(
    text.trim(),
  );
}

/** Text in capitals throughout (at least two letters): titles, organ lines, headings. */
export function isUppercase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
  );
}
