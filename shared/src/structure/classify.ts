import { roman } from '../numbering';
import { withoutReferences } from './footnotes';
import { dropPrefix, parseInline, runsText, type Run } from './inline';
import {
  opensLikePreambular,
  opensLikeUnOperative,
  opensWithInfinitive,
  opensWithThat,
  opensWithUppercaseLead,
} from './lexicon';
import {
  isAnnexHeading,
  isDocumentSymbol,
  isFootnote,
  isSponsorNote,
  isUppercase,
  readLeadHeading,
  readMarker,
  readOrgan,
} from './markers';

/**
 * Reads logical paragraphs in order, as a reader does, deciding what each one is from its own
 * signs (number, letter, lead word, capitals) and from where it stands: before the organ line,
 * in the preamble, or in the operative part.
 */

export type ItemKind =
  | 'title'
  | 'note'
  | 'organ'
  | 'leadHeading'
  | 'preambular'
  | 'operative'
  | 'subparagraph'
  | 'annexHeading';

export interface Item {
  kind: ItemKind;
  runs: Run[];
  alternative?: boolean;
  level?: 1 | 2;
}

/** Evidence for a style, counted as paragraphs are read. */
export interface StyleHints {
  oas: number;
  un: number;
}

export interface Classification {
  items: Item[];
  hints: StyleHints;
  /** Operative numbers in the source that were not the expected next one ("3" then "5"). */
  numberingGaps: string[];
  /** Lettered paragraphs found before any operative paragraph. */
  orphanLetters: number;
}

type Section = 'front' | 'preamble' | 'operative' | 'annex';

const letterOf = (n: number) =>
  String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

/**
 * Classifies `paragraphs`. In `fragment` mode (a paste) nothing is taken for a title and an
 * unnumbered "To urge …" is an operative paragraph even without a "RESOLVES:" before it.
 */
export function classifyParagraphs(
  paragraphs: readonly string[],
  markdown: boolean,
  fragment: boolean,
): Classification {
  const items: Item[] = [];
  const hints: StyleHints = { oas: 0, un: 0 };
  const numberingGaps: string[] = [];
  let orphanLetters = 0;
  let section: Section = 'front';
  let hasTitle = fragment;
  let operatives = 0;
  let level1 = 0;
  let level2 = 0;

  const push = (kind: ItemKind, runs: Run[], extra: Partial<Item> = {}) =>
    items.push({ kind, runs, ...extra });

  const unmarked = (runs: Run[], text: string, heading: boolean) => {
    if (section === 'front') {
      // A title has no closing punctuation, even when it opens like a participle ("Strengthening …").
      const unpunctuated = !/[,;.:]$/.test(text);
      if (!hasTitle && (heading || (unpunctuated && (text.length < 200 || isUppercase(text))))) {
        hasTitle = true;
        return push('title', runs);
      }
      if (opensWithUppercaseLead(text) || opensWithThat(text) || opensLikePreambular(text)) {
        if (opensLikePreambular(text)) hints.un += 1;
        else hints.oas += 1;
        section = 'preamble';
        return push('preambular', runs);
      }
      if (opensLikeUnOperative(text) || (fragment && opensWithInfinitive(text))) {
        section = 'operative';
        hints[opensWithInfinitive(text) ? 'oas' : 'un'] += 1;
        return push('operative', runs);
      }
      if (!hasTitle && text.length < 200) {
        hasTitle = true;
        return push('title', runs);
      }
      // A report's numbered section heading ("I. MANDATE") before any lead word.
      if (heading || (isUppercase(text) && text.length < 120 && !/[;.,]$/.test(text))) {
        return push('leadHeading', runs);
      }
      return push('note', runs);
    }
    if (heading || (isUppercase(text) && text.length < 120 && !/[;.,]$/.test(text))) {
      return push('leadHeading', runs);
    }
    if (section === 'preamble') {
      const infinitive = fragment && opensWithInfinitive(text);
      if (infinitive || (opensLikeUnOperative(text) && !opensLikePreambular(text))) {
        section = 'operative';
        hints[infinitive ? 'oas' : 'un'] += 1;
        operatives += 1;
        level1 = 0;
        level2 = 0;
        return push('operative', runs);
      }
      if (opensLikePreambular(text)) hints.un += 1;
      if (opensWithUppercaseLead(text)) hints.oas += 1;
      return push('preambular', runs);
    }
    if (opensWithInfinitive(text) || opensLikeUnOperative(text)) {
      hints[opensWithInfinitive(text) ? 'oas' : 'un'] += 1;
      operatives += 1;
      level1 = 0;
      level2 = 0;
      return push('operative', runs);
    }
    return push('note', runs);
  };

  for (const paragraph of paragraphs) {
    let runs = parseInline(paragraph, markdown);
    // Footnote references (see footnotes.ts) stay in the runs but are no sign of structure.
    let text = withoutReferences(runsText(runs)).trim();
    const heading = /^#{1,6}\s+/.exec(text);
    if (heading) {
      runs = dropPrefix(runs, heading[0].length);
      runs = runs.map((run) => ({ ...run, text: run.text.replace(/\s+#+\s*$/, '') }));
      text = withoutReferences(runsText(runs)).trim();
    }
    if (!text) continue;
    if (isAnnexHeading(text)) {
      section = 'annex';
      push('annexHeading', runs);
      continue;
    }
    if (section === 'annex') {
      // An annex (a plan of action) is not operative text: its headings stay headings and its
      // numbered items are kept as written, outside the operative numbering.
      const unpunctuated = !/[;.,:]$/.test(text);
      if (heading || (isUppercase(text) && text.length < 200 && unpunctuated)) {
        push('leadHeading', runs);
      } else push('note', runs);
      continue;
    }

    if (isFootnote(text) || (text.startsWith('(') && text.endsWith(')') && isSponsorNote(text))) {
      push('note', runs);
      continue;
    }
    if (section === 'front' && (isSponsorNote(text) || isDocumentSymbol(text))) {
      push('note', runs);
      continue;
    }
    const lead = readLeadHeading(text);
    if (lead) {
      if (lead === 'operative') section = 'operative';
      else if (lead === 'preamble' || section === 'front') section = 'preamble';
      if (isUppercase(text)) hints.oas += 1;
      push('leadHeading', runs);
      continue;
    }
    const organ =
      section === 'front' || items.every((i) => i.kind === 'title' || i.kind === 'note')
        ? readOrgan(text)
        : null;
    if (organ) {
      hints[organ] += 2;
      section = 'preamble';
      hasTitle = true;
      push('organ', runs);
      continue;
    }
    const marker = readMarker(text);
    if (marker?.kind === 'number') {
      // "2 bis." is an alternative to paragraph 2: it takes no number of its own.
      const alternative = marker.alternative && operatives > 0;
      const expected = alternative ? operatives : operatives + 1;
      // Markdown lets every item of a list be "1.": that is no gap.
      const lazy = markdown && marker.value === 1;
      if (marker.value !== expected && !lazy && numberingGaps.length < 5) {
        numberingGaps.push(`${operatives || 'start'} → ${marker.value}`);
      }
      if (!alternative) operatives += 1;
      level1 = 0;
      level2 = 0;
      section = 'operative';
      const rest = dropPrefix(runs, marker.length);
      const restText = runsText(rest).trim();
      if (opensWithInfinitive(restText)) hints.oas += 1;
      else if (opensLikeUnOperative(restText)) hints.un += 1;
      push('operative', rest, { alternative });
      continue;
    }
    if (marker?.kind === 'letter' && operatives > 0) {
      const paren = text.startsWith('(');
      hints[paren ? 'un' : 'oas'] += 1;
      // "i" after "h" is a letter; "i" opening a run under "a." is a roman numeral.
      const isRoman =
        marker.value === roman(level2 + 1) && (level2 > 0 || marker.value !== letterOf(level1 + 1));
      if (isRoman) level2 += 1;
      else {
        level1 += 1;
        level2 = 0;
      }
      push('subparagraph', dropPrefix(runs, marker.length), { level: isRoman ? 2 : 1 });
      continue;
    }
    if (marker?.kind === 'letter') orphanLetters += 1;
    if (marker?.kind === 'bullet') {
      const rest = dropPrefix(runs, marker.length);
      if (section === 'operative' && operatives > 0) {
        push('subparagraph', rest, { level: 1 });
        continue;
      }
      unmarked(rest, withoutReferences(runsText(rest)).trim(), false);
      continue;
    }
    unmarked(runs, text, heading !== null);
  }
  return { items, hints, numberingGaps, orphanLetters };
}
