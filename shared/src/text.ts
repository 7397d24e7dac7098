import { nodeText, type DraftStyle, type MarkJSON, type NodeJSON } from './content';
import { numberBlocks } from './numbering';

function hasBracket(marks: MarkJSON[] | undefined): boolean {
  return (marks ?? []).some((mark) => mark.type === 'bracket');
}

/** A footnote mark's id and text, or undefined. */
function footnoteOf(marks: MarkJSON[] | undefined): { id: string; text: string } | undefined {
  const attrs = (marks ?? []).find((mark) => mark.type === 'footnote')?.attrs;
  const text = attrs?.text;
  if (typeof text !== 'string' || text === '') return undefined;
  return { id: typeof attrs?.id === 'string' ? attrs.id : '', text };
}

/**
 * A block's inline text with bracketed runs shown as `[text]`. With `notes`, each footnote's
 * reference follows its anchor as OAS texts write it ("in the region.1/"), and its text is
 * added to `notes` (numbered in order of appearance).
 */
export function inlineText(block: NodeJSON, notes?: string[]): string {
  let out = '';
  let open = false;
  const children = block.content ?? [];
  children.forEach((child, index) => {
    const bracketed = hasBracket(child.marks);
    if (bracketed && !open) out += '[';
    if (!bracketed && open) out += ']';
    open = bracketed;
    out += child.text ?? nodeText(child);
    const note = notes ? footnoteOf(child.marks) : undefined;
    if (note && footnoteOf(children[index + 1]?.marks)?.id !== note.id) {
      notes!.push(note.text);
      out += `${notes!.length}/`;
    }
  });
  if (open) out += ']';
  return out;
}

/**
 * The plain text of a draft as a reader sees it (SPEC.md "The text format"): one block per
 * line, a blank line between blocks, operative paragraphs numbered, sub-paragraphs indented by
 * four spaces, brackets as `[ ]`. Footnotes as OAS texts print them: "1/" after the anchor and
 * "1/ The Delegation of …" at the end (as the importer reads them back). An annex follows its heading
 * as written. `GET …/content?format=text` and the txt export both use it.
 */
export function draftToText(doc: NodeJSON, style: DraftStyle): string {
  const blocks = doc.content ?? [];
  const numbers = numberBlocks(blocks, style);
  const lines: string[] = [];
  const notes: string[] = [];
  blocks.forEach((block, index) => {
    const text = inlineText(block, notes);
    const number = numbers[index];
    if (block.type === 'subparagraph') {
      const indent = block.attrs?.level === 2 ? '        ' : '    ';
      lines.push(`${indent}${number ? `${number.label} ` : ''}${text}`);
    } else if (number) {
      lines.push(`${number.label} ${text}`);
    } else {
      lines.push(text);
    }
  });
  if (notes.length) {
    lines.push(...notes.map((note, i) => `${i + 1}/ ${note}`));
  }
  return lines.join('\n\n') + '\n';
}
