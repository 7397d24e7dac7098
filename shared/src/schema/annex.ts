import { Node, mergeAttributes } from '@tiptap/core';

/**
 * The heading that opens an annex ("ANNEX", "ANEXO", "ANNEXE", "ANNEX I"): a plan of action is
 * usually one. Every block after it, up to the next annex heading, belongs to that annex: it is
 * not part of the operative text, so its numbered items are kept as written (they are not
 * operative paragraphs) and exports set the annex apart (a new page, AKN `attachments`).
 */
export const AnnexHeading = Node.create({
  name: 'annexHeading',
  group: 'block',
  content: 'inline*',
  defining: true,
  parseHTML() {
    return [{ tag: 'h2[data-type="annexHeading"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'h2',
      mergeAttributes(
        { 'data-type': 'annexHeading', class: 'draft-annex-heading' },
        HTMLAttributes,
      ),
      0,
    ];
  },
});

/** One annex: its heading and the blocks after it, as indexes into the body. */
export interface AnnexPart {
  heading: number;
  /** Indexes of the blocks after the heading, up to the next annex heading or the end. */
  blocks: number[];
}

/** The annexes of a body, given its blocks' type names in order. */
export function annexParts(types: readonly string[]): AnnexPart[] {
  const parts: AnnexPart[] = [];
  types.forEach((type, index) => {
    if (type === 'annexHeading') parts.push({ heading: index, blocks: [] });
    else parts[parts.length - 1]?.blocks.push(index);
  });
  return parts;
}
