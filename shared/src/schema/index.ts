import { Node, getSchema, type AnyExtension } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import Italic from '@tiptap/extension-italic';
import type { Schema } from '@tiptap/pm/model';
import { LeadHeading, Note, Operative, Organ, Preambular, Subparagraph, Title } from './blocks';
import { AnnexHeading } from './annex';
import { Footnote } from './footnote';
import { Bracket } from './marks';
import { Proposal } from './proposal';

export * from './attributes';
export { Title, Organ, LeadHeading, Note, Preambular, Operative, Subparagraph } from './blocks';
export { Bracket } from './marks';
export { Footnote, footnoteProblem, MAX_FOOTNOTE_TEXT, type FootnoteAttributes } from './footnote';
export { AnnexHeading, annexParts, type AnnexPart } from './annex';

export { Proposal } from './proposal';

/** The draft's root: a flat sequence of blocks. */
export const DraftDocument = Node.create({ name: 'doc', topNode: true, content: 'block+' });
export const DraftText = Node.create({ name: 'text', group: 'inline' });

/**
 * Every extension that defines the draft schema. The editor adds behaviour (commands, keys,
 * node views) by extending these; the server builds the same schema from them without a DOM.
 */
export const draftExtensions: AnyExtension[] = [
  DraftDocument,
  DraftText,
  Title,
  Organ,
  LeadHeading,
  Note,
  Preambular,
  Operative,
  Subparagraph,
  AnnexHeading,
  Bold,
  Italic,
  Bracket,
  Footnote,

  Proposal,
];

let cachedSchema: Schema | undefined;

/** The ProseMirror schema of a draft (built once). */
export function draftSchema(): Schema {
  cachedSchema ??= getSchema(draftExtensions);
  return cachedSchema;
}

/** Node names that other programs rely on (SPEC.md "Document schema"). */
export const NODE = {
  title: 'title',
  organ: 'organ',
  leadHeading: 'leadHeading',
  note: 'paragraph',
  preambular: 'preambular',
  operative: 'operative',
  subparagraph: 'subparagraph',
  annexHeading: 'annexHeading',
} as const;

/** Blocks that carry a stable `id`. */
export const PARAGRAPH_NODES: readonly string[] = [
  NODE.preambular,
  NODE.operative,
  NODE.subparagraph,
];
