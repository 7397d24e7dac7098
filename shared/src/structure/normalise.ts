/**
 * Character-level clean-up of text copied out of word processors and PDF readers, before any
 * structure is recognised. Curly quotes and dashes are kept: they are the typography of an
 * official text, not noise. What goes is what a reader never sees or sees differently: exotic
 * spaces, soft hyphens, ligatures, form feeds, and the mojibake of UTF-8 read as Windows-1252.
 */

const MOJIBAKE: [string, string][] = [
  ['â€œ', '“'],
  ['â€\u009d', '”'],
  ['â€™', '’'],
  ['â€˜', '‘'],
  ['â€“', '–'],
  ['â€”', '—'],
  ['â€¦', '…'],
  ['Ã©', 'é'],
  ['Ã¡', 'á'],
  ['Ã³', 'ó'],
  ['Ãº', 'ú'],
  ['Ã±', 'ñ'],
];

const LIGATURES: Record<string, string> = {
  ﬀ: 'ff',
  ﬁ: 'fi',
  ﬂ: 'fl',
  ﬃ: 'ffi',
  ﬄ: 'ffl',
  ﬅ: 'st',
  ﬆ: 'st',
};

/**
 * The text with line ends as `\n`, page breaks as blank lines, every kind of space as a plain
 * space, invisible characters removed and trailing spaces trimmed from each line.
 */
export function normaliseText(raw: string): string {
  let text = raw;
  for (const [bad, good] of MOJIBAKE) text = text.split(bad).join(good);
  return (
    text
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      // pdftotext separates pages with a form feed: a page break is at least a paragraph break.
      .replace(/\f/g, '\n\n')
      .replace(/[\t\u1680\u2000-\u200a\u205f\u3000]/g, ' ')
      // Zero-width characters, byte-order marks and soft hyphens are invisible in the source.
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
      .replace(/[\u2010\u2011]/g, '-')
      .replace(/[ﬀ-ﬆ]/g, (ligature) => LIGATURES[ligature] ?? ligature)
      // Other control characters (not newline) carry nothing a reader could see.
      // eslint-disable-next-line no-control-regex -- removing them is the point
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
      .replace(/ +$/gm, '')
  );
}

/**
 * Collapses runs of spaces inside one logical paragraph and trims it. No-break spaces are
 * kept: French puts them before « : ; ? ! » and inside guillemets.
 */
export function collapseSpaces(text: string): string {
  return text.replace(/[^\S\u00a0\u202f]+/g, ' ').trim();
}
