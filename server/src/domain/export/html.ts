import { commentEndnotes } from '../comments-endnotes';
import { exportLabels } from './labels';
import { footnotesAfter, noteText } from './footnotes';
import { bracketNoteText, headerBlock, revisionAuthors } from './header';
import { BASE_CSS, delegationCss } from './html-style';
import {
  blockRunChange,
  joinRevisions,
  readerLabel,
  type BlockModel,
  type DraftModel,
  type Piece,
  type Revised,
  type RunChange,
} from './model';
import type { ExportInput } from './types';

/**
 * A standalone HTML page (CSS embedded, no script, no external resource). Every string from the
 * document goes through `escapeHtml`, in text and in attributes alike, so a delegate's
 * `<script>` is shown, never run. Revisions are `<ins>`/`<del>` with a class per delegation
 * (`delegation-<slug>`) and a `title` naming it.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A CSS class name for a delegation: ASCII letters, digits and hyphens only ("Saint Kitts
 * and Nevis" → `delegation-saint-kitts-and-nevis`, "Perú" → `delegation-peru`).
 */
export function delegationClass(delegation: string): string {
  const slug = delegation
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `delegation-${slug || 'unnamed'}`;
}

function revision(
  change: RunChange,
  delegation: string | null,
  html: string,
  at: string | undefined,
  language: string,
): string {
  if (change === 'equal' || html === '') return html;
  const who = delegation ?? '';
  const tag = change === 'insert' ? 'ins' : 'del';
  const labels = exportLabels(language);
  const said = change === 'insert' ? labels.insertedBy(who) : labels.deletedBy(who);
  const datetime = at !== undefined ? ` datetime="${escapeHtml(at)}"` : '';
  return `<${tag} class="${delegationClass(who)}"${datetime} title="${escapeHtml(said)}">${html}</${tag}>`;
}

/** A piece's markup without its revision wrapper (added once per stretch, see `joinRevisions`). */
function pieceHtml(piece: Piece, language: string): string {
  if (piece.kind === 'text') {
    let html = escapeHtml(piece.text);
    if (piece.italic) html = `<em>${html}</em>`;
    if (piece.bold) html = `<strong>${html}</strong>`;
    return html;
  }
  const title = piece.delegations.length
    ? ` title="${escapeHtml(bracketNoteText(piece.delegations, language))}"`
    : '';
  return `<span class="bracket-mark"${title}>${piece.kind === 'open' ? '[' : ']'}</span>`;
}

function noteRef(piece: Piece): Revised[] {
  const footnotes = footnotesAfter(piece);
  if (footnotes.length) {
    return footnotes.map((ref) => ({
      change: ref.change,
      delegation: ref.delegation,
      ...(ref.at !== undefined ? { at: ref.at } : {}),
      markup: `<sup class="footnote-ref"><a href="#note-${ref.number}">${ref.number}</a></sup>`,
    }));
  }
  if (piece.kind !== 'close' || piece.note === null) return [];
  const markup = `<sup class="bracket-note"><a href="#note-${piece.note}">${piece.note}</a></sup>`;
  return [{ change: 'equal', delegation: null, markup }];
}

function inlineHtml(block: BlockModel, language: string): string {
  const label = readerLabel(block.label);
  const items: Revised[] = [];
  if (label.length) {
    items.push({ change: 'equal', delegation: null, markup: '<span class="num">' });
    for (const part of label) items.push({ ...part, markup: escapeHtml(part.text) });
    // The space keeps "1. To urge" one phrase for copy-paste and screen readers.
    const at = block.at !== undefined ? { at: block.at } : {};
    items.push({ change: blockRunChange(block), delegation: block.delegation, ...at, markup: ' ' });
    items.push({ change: 'equal', delegation: null, markup: '</span>' });
  }
  for (const piece of block.pieces) {
    const at = piece.at !== undefined ? { at: piece.at } : {};
    items.push({
      change: piece.change,
      delegation: piece.delegation,
      ...at,
      markup: pieceHtml(piece, language),
    });
    items.push(...noteRef(piece));
  }
  return joinRevisions(items)
    .map((item) => revision(item.change, item.delegation, item.markup, item.at, language))
    .join('');
}

const CLASS_NAMES: Record<BlockModel['type'], string> = {
  title: 'title',
  organ: 'organ',
  leadHeading: 'lead-heading',
  note: 'note',
  preambular: 'preambular',
  operative: 'operative',
  subparagraph: 'subparagraph',
};

function blockHtml(block: BlockModel, language: string): string {
  const classes = ['block', CLASS_NAMES[block.type]];
  if (block.level) classes.push(`level-${block.level}`);
  if (block.annexHeading) classes.push('annex-heading');
  if (block.change !== 'unchanged') classes.push(`block-${block.change}`);
  const attrs = [`class="${classes.join(' ')}"`];
  if (block.id) attrs.push(`data-id="${escapeHtml(block.id)}"`);
  if (block.status && block.type !== 'subparagraph') {
    attrs.push(`data-status="${escapeHtml(block.status)}"`);
  }
  const tag = block.type === 'title' ? 'h1' : 'p';
  const move = block.moveNote ? `<span class="move-note">${escapeHtml(block.moveNote)}</span>` : '';
  const body = inlineHtml(block, language);
  return `<${tag} ${attrs.join(' ')}>${body}${move}</${tag}>`;
}

export function renderHtml(model: DraftModel, input: ExportInput): string {
  const header = headerBlock(input);
  const lines = (list: string[]) => list.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
  const authors = revisionAuthors(
    // A note put on or taken off counts: its delegation may have changed nothing else.
    model.blocks.flatMap((b) => [
      ...readerLabel(b.label),
      ...b.pieces.flatMap((p) => [p, ...footnotesAfter(p)]),
    ]),
  );
  const classes = authors.map((a) => ({ name: a, className: delegationClass(a) }));
  const legend = model.tracked
    ? `<section class="legend"><h2>${escapeHtml(exportLabels(input.language).changesSinceHeading(input.tracked?.fromLabel ?? ''))}</h2><ul>${classes
        .map((c) => `<li><ins class="${c.className}">${escapeHtml(c.name)}</ins></li>`)
        .join('')}</ul></section>`
    : '';
  const notes = model.notes.length
    ? `<section class="notes"><h2>${escapeHtml(exportLabels(input.language).notes)}</h2><ol>${model.notes
        .map((n) => {
          // A note only one version has is shown as the change it is, never as a current note.
          const text = escapeHtml(noteText(n, input.language));
          const shown = revision(
            n.change ?? 'equal',
            n.delegation ?? null,
            text,
            n.at,
            input.language,
          );
          return `<li id="note-${n.number}">${shown}</li>`;
        })
        .join('')}</ol></section>`
    : '';
  const endnotes = commentEndnotes(input.comments, model.blocks, input.language);
  const comments = endnotes.length
    ? `<section class="comments"><h2>${escapeHtml(exportLabels(input.language).comments)}</h2><ol>${endnotes
        .map(
          (n) =>
            `<li><strong>${escapeHtml(n.where)}</strong>${n.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</li>`,
        )
        .join('')}</ol></section>`
    : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(input.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Accord">
<title>${escapeHtml(input.document.title)}</title>
<style>${BASE_CSS}
${delegationCss(classes)}</style>
</head>
<body>
<article class="draft style-${input.style}">
<header class="doc-header"><div class="meeting">${lines(header.left)}</div><div class="references">${lines(header.right)}</div></header>
${model.blocks.map((block) => blockHtml(block, input.language)).join('\n')}
${notes}${comments}${legend}
</article>
</body>
</html>
`;
}
