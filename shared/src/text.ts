import { nodeText, type DraftStyle, type MarkJSON, type NodeJSON } from './content';
import { numberBlocks } from './numbering';

function hasBracket(marks: MarkJSON[] | undefined): boolean {
  return (marks ?? []).some((mark) => mark.type === 'bracket');
}

/** A block's inline text with bracketed runs shown as `[text]`. */
export function inlineText(block: NodeJSON): string {
  let out = '';
  let open = false;
  for (const child of block.content ?? []) {
    const bracketed = hasBracket(child.marks);
    if (bracketed && !open) out += '[';
    if (!bracketed && open) out += ']';
    open = bracketed;
    out += child.text ?? nodeText(child);
  }
  if (open) out += ']';
  return out;
}

/**
 * The plain text of a draft as a reader sees it (SPEC.md "The text format"): one block per
 * line, a blank line between blocks, operative paragraphs numbered, sub-paragraphs indented by
 * four spaces, brackets as `[ ]`. `GET …/content?format=text` and the txt export both use it.
 */
export function draftToText(doc: NodeJSON, style: DraftStyle): string {
  const blocks = doc.content ?? [];
  const numbers = numberBlocks(blocks, style);
  const lines: string[] = [];
  blocks.forEach((block, index) => {
    const text = inlineText(block);
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
  return lines.join('\n\n') + '\n';
}
