import { opensLikePreambular, opensLikeUnOperative, opensWithUppercaseLead } from './lexicon';
import {
  isAnnexHeading,
  isBareMarker,
  isFootnote,
  isSponsorNote,
  isUppercase,
  readLeadHeading,
  readMarker,
  readOrgan,
} from './markers';
import { collapseSpaces } from './normalise';

/**
 * Cuts normalised text into logical paragraphs, undoing what PDFs and e-mail do to a text:
 * lines hard-wrapped inside a paragraph (joined again), words hyphenated across a line end
 * (re-joined, keeping real compounds such as "medium-sized"), page numbers and running headers
 * (dropped), a paragraph number alone on its line (joined with the text that follows).
 */
export interface Segmented {
  paragraphs: string[];
  /** How many lines were dropped as page numbers or running headers. */
  droppedLines: number;
}

const PAGE_NUMBER =
  /^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?$|^page\s+\d+\s+(?:of|\/)\s+\d+$|^\d+\s*\/\s*\d+$/i;
const MARKDOWN_RULE = /^(?:(?:[-*_]\s*){3,}|=+)$/;
// Second halves that make a compound, not a word broken by hyphenation: "medium-sized".
const COMPOUND_TAILS = new Set([
  'sized',
  'term',
  'based',
  'level',
  'scale',
  'oriented',
  'related',
  'making',
  'up',
  'wide',
  'led',
  'owned',
  'specific',
  'american',
  'americas',
  'building',
  'economic',
  'regional',
]);

/** Whether a line opens a new paragraph whatever precedes it. */
function opensUnit(line: string): boolean {
  return (
    readMarker(line) !== null ||
    /^#{1,6}\s/.test(line) ||
    readLeadHeading(line) !== null ||
    readOrgan(line) !== null ||
    (line.startsWith('(') && isSponsorNote(line)) ||
    isFootnote(line) ||
    isAnnexHeading(line)
  );
}

/** Whether a hard line break between two lines of plain text ends a paragraph. */
function breaksBetween(previous: string, line: string): boolean {
  // "ANNEX" on its line, then the annex's title in capitals: two blocks.
  if (isAnnexHeading(previous)) return true;
  if (isUppercase(previous) && !isUppercase(line)) return true;
  if (/[.;:!?]["”’)\]]*$/.test(previous) && /^["“‘(]?\p{Lu}/u.test(line)) return true;
  if (previous.endsWith(',')) {
    return opensLikePreambular(line) || opensWithUppercaseLead(line) || opensLikeUnOperative(line);
  }
  return false;
}

function vocabulary(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    for (const word of line.match(/\p{L}+(?:-\p{L}+)*/gu) ?? []) words.add(word.toLowerCase());
  }
  return words;
}

/** `previous` and `line` as one line, undoing a hyphenation at the line end. */
function joinLines(previous: string, line: string, words: Set<string>): string {
  const broken = /(\p{L}+)-$/u.exec(previous);
  const tail = /^(\p{L}+)/u.exec(line);
  if (!broken?.[1] || !tail?.[1]) return `${previous} ${line}`;
  // "MEDIUM-" + "SIZED", "Medium-" + "Sized": a capital after the break marks a compound.
  if (/^\p{Lu}/u.test(tail[1])) return previous + line;
  const head = broken[1].toLowerCase();
  const rest = tail[1].toLowerCase();
  const keepHyphen =
    !words.has(head + rest) && (words.has(`${head}-${rest}`) || COMPOUND_TAILS.has(rest));
  return keepHyphen ? previous + line : previous.slice(0, -1) + line;
}

function dropNoise(lines: string[], markdown: boolean): { kept: string[]; dropped: number } {
  const counts = new Map<string, number>();
  for (const line of lines) if (line) counts.set(line, (counts.get(line) ?? 0) + 1);
  const seen = new Set<string>();
  const kept: string[] = [];
  let dropped = 0;
  for (const line of lines) {
    // A running header repeats on every page; the tail of a hyphenated word ("ces.") may repeat
    // too, but starts in lower case right after a line ending with a hyphen.
    const previous = kept[kept.length - 1] ?? '';
    const repeatedHeader =
      (counts.get(line) ?? 0) > 1 &&
      line.length >= 6 &&
      line.length <= 80 &&
      /^[\p{Lu}\d(]/u.test(line) &&
      !previous.endsWith('-') &&
      !opensUnit(line) &&
      !/[;,:]$/.test(line) &&
      seen.has(line);
    if (
      line &&
      (PAGE_NUMBER.test(line) || (markdown && MARKDOWN_RULE.test(line)) || repeatedHeader)
    ) {
      dropped += 1;
      kept.push('');
      continue;
    }
    seen.add(line);
    kept.push(line);
  }
  return { kept, dropped };
}

/** The logical paragraphs of `text` (already normalised), each on one line. */
export function segmentParagraphs(text: string, markdown: boolean): Segmented {
  const { kept, dropped } = dropNoise(
    text.split('\n').map((line) => line.trim().replace(/^>\s?/, '')),
    markdown,
  );
  const words = vocabulary(kept);
  const paragraphs: string[] = [];
  let current = '';
  let blankBefore = false;
  for (const line of kept) {
    if (!line) {
      blankBefore = current !== '';
      continue;
    }
    const continuesAcrossBlank =
      isBareMarker(current) ||
      (/\p{L}-?$/u.test(current) && /^\p{Ll}/u.test(line) && !opensUnit(line));
    if (!current) {
      current = line;
    } else if (blankBefore && !continuesAcrossBlank) {
      paragraphs.push(current);
      current = line;
    } else if (opensUnit(line) && !isBareMarker(current)) {
      paragraphs.push(current);
      current = line;
    } else if (isBareMarker(current) || markdown || !breaksBetween(current, line)) {
      current = joinLines(current, line, words);
    } else {
      paragraphs.push(current);
      current = line;
    }
    blankBefore = false;
  }
  if (current) paragraphs.push(current);
  return { paragraphs: paragraphs.map(collapseSpaces), droppedLines: dropped };
}
