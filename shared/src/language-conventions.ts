/**
 * How each of the OAS's four languages writes the parts of a resolution that are not the
 * delegates' own words: quotation marks, the organ line and lead words, long dates, the
 * "Original:" reference of the header. One table per convention, so that the editor, every
 * export format and the templates print the same thing.
 */
import type { Language } from './api';

/** A language tag of the app and its documents, or any other tag (read as English). */
function known(language: string): Language {
  const primary = language.toLowerCase().split('-')[0];
  return primary === 'es' || primary === 'fr' || primary === 'pt' ? primary : 'en';
}

/** French sets a narrow no-break space inside guillemets and a no-break space before : ; ? ! */
const NNBSP = '\u202f';
const NBSP = '\u00a0';

export interface QuotationMarks {
  open: string;
  close: string;
  /** For a quotation within a quotation. */
  innerOpen: string;
  innerClose: string;
}

const QUOTES: Record<Language, QuotationMarks> = {
  en: { open: '“', close: '”', innerOpen: '‘', innerClose: '’' },
  es: { open: '“', close: '”', innerOpen: '‘', innerClose: '’' },
  fr: { open: `«${NNBSP}`, close: `${NNBSP}»`, innerOpen: '“', innerClose: '”' },
  pt: { open: '“', close: '”', innerOpen: '‘', innerClose: '’' },
};

/** The quotation marks of a language: “ ” in English, Spanish and Portuguese, « » in French. */
export function quotes(language: string): QuotationMarks {
  return QUOTES[known(language)];
}

/** Wraps a quotation in the language's marks. */
export function quote(text: string, language: string): string {
  const marks = quotes(language);
  return `${marks.open}${text}${marks.close}`;
}

/**
 * Replaces straight double quotes typed around a passage by the language's marks, pairing
 * them from the left ("a" "b" → “a” “b”); an unpaired last quote is left as typed.
 */
export function curlQuotes(text: string, language: string): string {
  return curlQuotesInRuns([text], language)[0] ?? text;
}

/**
 * The same for a paragraph cut into runs (bold, a bracket, a revision): a quotation may open
 * in one run and close in another, so the quotes are paired over the whole paragraph and each
 * run gets its own marks back. Quotes already curled are left alone.
 */
export function curlQuotesInRuns(runs: readonly string[], language: string): string[] {
  const marks = quotes(language);
  const total = runs.reduce((count, run) => count + (run.match(/"/g)?.length ?? 0), 0);
  const paired = total - (total % 2);
  let seen = 0;
  return runs.map((run) =>
    run.replace(/"/g, (straight) => {
      const index = seen++;
      if (index >= paired) return straight;
      return index % 2 === 0 ? marks.open : marks.close;
    }),
  );
}

/** The standing words of a resolution, as the OAS writes them in each language. */
export interface LeadWords {
  /** The organ line, e.g. "THE GENERAL ASSEMBLY," (the organ's name in capitals, a comma). */
  organ: (organName: string) => string;
  /** The heading of the citations: "HAVING SEEN:" / "VISTOS:". */
  seen: string;
  /** The heading of the recitals: "CONSIDERING:" / "CONSIDERANDO:". */
  considering: string;
  /** The operative heading: "RESOLVES:" / "RESUELVE:". */
  resolves: string;
  /** The operative heading of a ministerial declaration: "DECLARE:" / "DECLARAN:". */
  declare: string;
  /** The punctuation ending an operative paragraph that is not the last: ";" (French: " ;"). */
  paragraphEnd: string;
  /** The punctuation ending the last operative paragraph: ".". */
  lastParagraphEnd: string;
}

const upper = (name: string, language: Language) => name.toLocaleUpperCase(language);

const LEAD_WORDS: Record<Language, LeadWords> = {
  en: {
    organ: (name) => `THE ${upper(name, 'en')},`,
    seen: 'HAVING SEEN:',
    considering: 'CONSIDERING:',
    resolves: 'RESOLVES:',
    declare: 'DECLARE:',
    paragraphEnd: ';',
    lastParagraphEnd: '.',
  },
  es: {
    organ: (name) => `LA ${upper(name, 'es')},`,
    seen: 'VISTOS:',
    considering: 'CONSIDERANDO:',
    resolves: 'RESUELVE:',
    declare: 'DECLARAN:',
    paragraphEnd: ';',
    lastParagraphEnd: '.',
  },
  fr: {
    organ: (name) => `L’${upper(name, 'fr')},`,
    seen: `VU${NBSP}:`,
    considering: `CONSIDÉRANT${NBSP}:`,
    resolves: `DÉCIDE${NBSP}:`,
    declare: `DÉCLARENT${NBSP}:`,
    paragraphEnd: `${NBSP};`,
    lastParagraphEnd: '.',
  },
  pt: {
    organ: (name) => `A ${upper(name, 'pt')},`,
    seen: 'TENDO VISTO:',
    considering: 'CONSIDERANDO:',
    resolves: 'RESOLVE:',
    declare: 'DECLARAM:',
    paragraphEnd: ';',
    lastParagraphEnd: '.',
  },
};

/** The standing words of a resolution in a language. */
export function leadWords(language: string): LeadWords {
  return LEAD_WORDS[known(language)];
}

/**
 * A day as a document in the language prints it: "December 4, 2026", "4 de diciembre de 2026",
 * "1er décembre 2026", "4 de dezembro de 2026". A plain day (YYYY-MM-DD) is that calendar day;
 * a moment is the day it is in `timeZone` (UTC unless said).
 */
export function formatLongDate(value: Date | string, language: string, timeZone = 'UTC'): string {
  const lang = known(language);
  const plainDay = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const zone = plainDay ? 'UTC' : timeZone;
  let formatted: string;
  try {
    formatted = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: zone }).format(date);
  } catch {
    formatted = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
  // French writes the first of the month as an ordinal: "1er décembre 2026".
  return lang === 'fr' ? formatted.replace(/^1 /, '1er ') : formatted;
}

/** A language's name in another language: languageName('en', 'es') is "inglés". */
export function languageName(language: string, inLanguage: string): string {
  try {
    return (
      new Intl.DisplayNames([known(inLanguage)], { type: 'language' }).of(language) ?? language
    );
  } catch {
    return language;
  }
}

/**
 * The header's reference to the language a text was negotiated in, in the document's own
 * language as OAS documents print it: "Original: English", "Original: inglés",
 * "Original : anglais", "Original: inglês".
 */
export function originalLine(documentLanguage: string, originalLanguage: string): string {
  const lang = known(documentLanguage);
  const label = lang === 'fr' ? `Original${NBSP}:` : 'Original:';
  return `${label} ${languageName(originalLanguage, lang)}`;
}

const ISO_639_2: Record<Language, string> = { en: 'eng', es: 'spa', fr: 'fra', pt: 'por' };

/** The three-letter code Akoma Ntoso's FRBRlanguage wants: eng, spa, fra, por. */
export function iso6392(language: string): string {
  return ISO_639_2[known(language)];
}
