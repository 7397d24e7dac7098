import type { MarkJSON, NodeJSON } from '../content';
import type { ParagraphStatus } from '../schema/index';

/**
 * Builders for drafts in tests and the benchmark, in the ProseMirror manner: `doc(title('…'),
 * operative('op1', 'To urge …;'))` reads as the document it makes. They build the JSON the
 * server stores and exports, which editors also take as content.
 */

/** Text, or a node such as `bold('…')`, inside a block. */
export type Inline = string | NodeJSON;

function inline(content: Inline[]): NodeJSON[] {
  return content
    .map((c) => (typeof c === 'string' ? { type: 'text', text: c } : c))
    .filter((c) => c.text !== '');
}

function withMark(mark: MarkJSON, text: string): NodeJSON {
  return { type: 'text', text, marks: [mark] };
}

export const bold = (text: string): NodeJSON => withMark({ type: 'bold' }, text);
export const italic = (text: string): NodeJSON => withMark({ type: 'italic' }, text);
/** Bracketed text proposed by `delegations`. */
export const bracket = (delegations: string[], text: string): NodeJSON =>
  withMark({ type: 'bracket', attrs: { delegations } }, text);

export const doc = (...blocks: NodeJSON[]): NodeJSON => ({ type: 'doc', content: blocks });
export const title = (...c: Inline[]): NodeJSON => ({ type: 'title', content: inline(c) });
export const organ = (...c: Inline[]): NodeJSON => ({ type: 'organ', content: inline(c) });
export const heading = (...c: Inline[]): NodeJSON => ({ type: 'leadHeading', content: inline(c) });
/** An unnumbered note, such as "(Presented by the Delegation of Belize)". */
export const note = (...c: Inline[]): NodeJSON => ({ type: 'paragraph', content: inline(c) });
export const preambular = (id: string, ...c: Inline[]): NodeJSON => ({
  type: 'preambular',
  attrs: { id, status: 'pending' },
  content: inline(c),
});
export const operative = (id: string, ...c: Inline[]): NodeJSON => ({
  type: 'operative',
  attrs: { id, status: 'pending', alternative: false },
  content: inline(c),
});
/** An alternative to the operative paragraph before it ("2 bis"). */
export const alternative = (id: string, ...c: Inline[]): NodeJSON => ({
  type: 'operative',
  attrs: { id, status: 'pending', alternative: true },
  content: inline(c),
});
/** A sub-paragraph: "a." at level 1. */
export const sub = (id: string, ...c: Inline[]): NodeJSON => ({
  type: 'subparagraph',
  attrs: { id, level: 1 },
  content: inline(c),
});
/** A sub-sub-paragraph: "(i)" or "(a)" at level 2, by style. */
export const sub2 = (id: string, ...c: Inline[]): NodeJSON => ({
  type: 'subparagraph',
  attrs: { id, level: 2 },
  content: inline(c),
});

/** `block` with the chair's `status` ("agreed", "agreed_ad_ref", …) instead of `pending`. */
export const withStatus = (status: ParagraphStatus, block: NodeJSON): NodeJSON => ({
  ...block,
  attrs: { ...block.attrs, status },
});
