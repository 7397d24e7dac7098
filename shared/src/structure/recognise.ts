import type { Language } from '../api';
import type { DraftStyle, NodeJSON } from '../content';
import { newParagraphId } from '../ids';
import { classifyParagraphs, type Item } from './classify';
import { anchorFootnotes, extractFootnotes, withoutReferences } from './footnotes';
import { italiciseLead, runsText, runsToInline } from './inline';
import { detectLanguage } from './languages';
import { leadPhraseLength } from './lexicon';
import { normaliseText } from './normalise';
import { segmentParagraphs } from './segment';

/**
 * Plain text of a resolution (typed, pasted from Word or a PDF, Markdown, or a converted
 * .docx) to blocks of the draft schema. Pure: no DOM, no Node APIs, so the editor's paste
 * handler and the server's import share it.
 */

export interface RecogniseOptions {
  /** Numbering and lead-word conventions; detected from the text when absent. */
  style?: DraftStyle;
  /** Read `*italic*`, `**bold**`, `# headings` and `\` escapes as Markdown. */
  markdown?: boolean;
  /**
   * `document` (the default): a whole text, whose first line may be its title. `fragment`: a
   * paste into an existing draft: no title, and "To urge …" alone is an operative paragraph.
   */
  mode?: 'document' | 'fragment';
  /** Makes paragraph ids (default `newParagraphId`); tests may pass a counter. */
  newId?: () => string;
}

export interface RecognisedDraft {
  /** The title as found in the text, or `null`. */
  title: string | null;
  style: DraftStyle;
  /** The language the text is written in (its "Original:"), from its words. */
  language: Language;
  /** Top-level blocks of the draft schema, in order. */
  blocks: NodeJSON[];
  /** Sentences for the person importing: what was guessed, dropped or not recognised. */
  warnings: string[];
  /** Whether any structure (organ line, headings, preambular or operative paragraphs) was found. */
  structured: boolean;
}

const STRUCTURAL = new Set([
  'organ',
  'leadHeading',
  'preambular',
  'operative',
  'subparagraph',
  'annexHeading',
]);

function toBlock(item: Item, style: DraftStyle, newId: () => string): NodeJSON {
  let runs = item.runs;
  // UN texts set the lead words in italics ("*Recalling*", "*Decides*"); plain text has lost them.
  if (
    style === 'un' &&
    (item.kind === 'preambular' || item.kind === 'operative') &&
    runs.every((run) => run.marks.length === 0)
  ) {
    const text = withoutReferences(runsText(runs)).trimStart();
    const length = leadPhraseLength(text);
    if (length > 0) runs = italiciseLead([{ text, marks: [] }], length);
  }
  const content = runsToInline(runs);
  const block: NodeJSON = { type: item.kind === 'note' ? 'paragraph' : item.kind };
  if (item.kind === 'preambular') block.attrs = { id: newId(), status: 'pending' };
  if (item.kind === 'operative') {
    block.attrs = { id: newId(), status: 'pending', alternative: item.alternative === true };
  }
  if (item.kind === 'subparagraph') block.attrs = { id: newId(), level: item.level ?? 1 };
  if (content.length) block.content = content;
  return block;
}

/** Recognises the structure of `text` (see the module comment). Never throws on odd input. */
export function recogniseDraft(text: string, options: RecogniseOptions = {}): RecognisedDraft {
  const markdown = options.markdown ?? false;
  const fragment = options.mode === 'fragment';
  const newId = options.newId ?? newParagraphId;
  const segmented = segmentParagraphs(normaliseText(text), markdown);
  const { droppedLines } = segmented;
  const language = detectLanguage(segmented.paragraphs.join('\n'));
  const { paragraphs, notes } = extractFootnotes(segmented.paragraphs);
  const { items, hints, numberingGaps, orphanLetters } = classifyParagraphs(
    paragraphs,
    markdown,
    fragment,
  );
  const style = options.style ?? (hints.un > hints.oas ? 'un' : 'oas');
  const structured = items.some((item) => STRUCTURAL.has(item.kind));
  const titleItem = items.find((item) => item.kind === 'title');
  const title = titleItem
    ? withoutReferences(runsText(titleItem.runs)).replace(/\s+/g, ' ').trim()
    : null;
  const build = (item: Item) => anchorFootnotes(toBlock(item, style, newId), notes, newId);

  const warnings: string[] = [];
  if (!structured && items.length > 0) {
    if (!fragment) {
      warnings.push(
        `No resolution structure was recognised (no organ line, lead-word headings, preambular or numbered operative paragraphs): the text was imported as ${items.length} plain paragraph${items.length === 1 ? '' : 's'}.`,
      );
    }
    const plain = items.map((item) => build({ ...item, kind: 'note' }));
    return { title, style, language, blocks: plain, warnings, structured };
  }
  if (droppedLines > 0) {
    warnings.push(
      `${droppedLines} line${droppedLines === 1 ? ' that looked like a page number or running header was' : 's that looked like page numbers or running headers were'} left out.`,
    );
  }
  if (numberingGaps.length > 0) {
    warnings.push(
      `Operative paragraphs were not numbered in order in the source (${numberingGaps.join(', ')}); they are now numbered 1, 2, 3, … in the order they stand.`,
    );
  }
  if (orphanLetters > 0) {
    warnings.push(
      `${orphanLetters} lettered paragraph${orphanLetters === 1 ? '' : 's'} stood before any numbered operative paragraph and ${orphanLetters === 1 ? 'was' : 'were'} kept as written.`,
    );
  }
  if (!options.style && hints.un > 0 && hints.oas > 0) {
    warnings.push(
      `The text mixes OAS and UN conventions; it was read as ${style === 'un' ? 'UN' : 'OAS'} style.`,
    );
  }
  const blocks = items.map(build);
  return { title, style, language, blocks, warnings, structured };
}
