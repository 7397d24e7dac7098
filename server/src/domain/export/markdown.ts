import { exportLabels } from './labels';
import { footnotesAfter, noteText } from './footnotes';
import { headerBlock } from './header';
import {
  blockRunChange,
  joinRevisions,
  readerLabel,
  type BlockModel,
  type DraftModel,
  type Piece,
  type Revised,
} from './model';
import type { ExportInput } from './types';

/**
 * Markdown (CommonMark with footnotes, as GitHub and pandoc read it). Numbers are written as
 * escaped text ("3\.") rather than list syntax: Markdown lists renumber themselves and have no
 * "3 bis" or lettered items. Sub-paragraphs are indented with no-break spaces, since four
 * ordinary spaces would make a code block. Bracket attributions are footnotes. Tracked changes
 * use CriticMarkup: `{++inserted++}{>>Inserted by Chile<<}` and `{--deleted--}{>>…<<}`.
 */

/** Escapes what Markdown would read as markup anywhere in a line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>{}|~&#]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

/** Escapes what would start a block (list item, heading, quote, rule) at the start of a line. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function emphasis(text: string, delimiter: string): string {
  // Delimiters must touch the text: "** x**" is not bold, so spaces stay outside.
  const match = /^(\s*)(.*?)(\s*)$/s.exec(text);
  if (!match || match[2] === '') return text;
  return `${match[1]}${delimiter}${match[2]}${delimiter}${match[3]}`;
}

function pieceMarkdown(piece: Piece): string {
  if (piece.kind === 'open') return '\\[';
  if (piece.kind === 'close') return piece.note === null ? '\\]' : `\\][^${piece.note}]`;
  let text = escapeMarkdown(piece.text);
  if (piece.italic) text = emphasis(text, '*');
  if (piece.bold) text = emphasis(text, '**');
  return text;
}

/** The footnote references after a piece, each in its own revision. */
function footnoteMarkdown(piece: Piece): Revised[] {
  return footnotesAfter(piece).map((ref) => ({
    change: ref.change,
    delegation: ref.delegation,
    markup: `[^${ref.number}]`,
  }));
}

/** Wraps each stretch of one revision by one delegation in CriticMarkup. */
function critic(items: Revised[], language: string): string {
  return joinRevisions(items)
    .map(({ change, delegation, markup }) => {
      if (change === 'equal') return markup;
      const labels = exportLabels(language);
      const who = escapeMarkdown(delegation ?? '');
      const [open, close, said] =
        change === 'insert'
          ? ['{++', '++}', labels.insertedBy(who)]
          : ['{--', '--}', labels.deletedBy(who)];
      return `${open}${markup}${close}{>>${said}<<}`;
    })
    .join('');
}

const INDENT = '\u00a0'.repeat(4);

function blockMarkdown(block: BlockModel, language: string): string {
  const label: Revised[] = readerLabel(block.label).map((part) => ({
    change: part.change,
    delegation: part.delegation,
    markup: escapeMarkdown(part.text).replace(/\.$/, '\\.'),
  }));
  const pieces: Revised[] = block.pieces.flatMap((p) => [
    { change: p.change, delegation: p.delegation, markup: pieceMarkdown(p) },
    ...footnoteMarkdown(p),
  ]);
  const space: Revised[] = label.length
    ? [{ change: blockRunChange(block), delegation: block.delegation, markup: ' ' }]
    : [];
  let line = critic([...label, ...space, ...pieces], language);
  if (block.moveNote) line += ` {>>${escapeMarkdown(block.moveNote)}<<}`;
  if (block.type === 'title') return `# ${line}`;
  if (block.type === 'subparagraph') return INDENT.repeat(block.level) + line;
  return escapeLineStart(line);
}

export function renderMarkdown(model: DraftModel, input: ExportInput): string {
  const header = headerBlock(input);
  // Two trailing spaces: a hard line break, so the header lines stay one per line.
  const lines = (list: string[]) =>
    list.map((l) => escapeLineStart(escapeMarkdown(l))).join('  \n');
  const parts = [lines(header.left), lines(header.right), '---'];
  if (input.tracked) {
    parts.push(
      `*Tracked changes since ${escapeMarkdown(input.tracked.fromLabel)} (CriticMarkup).*`,
    );
  }
  parts.push(
    ...model.blocks
      .map((block) => blockMarkdown(block, input.language))
      .filter((line) => line.trim() !== ''),
  );
  if (model.notes.length) {
    parts.push(
      model.notes
        .map((n) => {
          const markup = escapeMarkdown(noteText(n, input.language));
          const change = n.change ?? 'equal';
          const shown = critic(
            [{ change, delegation: n.delegation ?? null, markup }],
            input.language,
          );
          return `[^${n.number}]: ${shown}`;
        })
        .join('\n'),
    );
  }
  return parts.join('\n\n') + '\n';
}
