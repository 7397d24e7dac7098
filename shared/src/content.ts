/**
 * ProseMirror JSON as stored and exchanged (`GET /api/documents/:id/content`), typed loosely
 * enough to read documents written by older or newer versions of the schema.
 */
export interface MarkJSON {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface NodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJSON[];
  text?: string;
  marks?: MarkJSON[];
}

/** The numbering and lead-word conventions of a document. */
export type DraftStyle = 'oas' | 'un';
export const DRAFT_STYLES: readonly DraftStyle[] = ['oas', 'un'];

/** The text of a node and its descendants, marks ignored. */
export function nodeText(node: NodeJSON): string {
  if (node.text !== undefined) return node.text;
  return (node.content ?? []).map(nodeText).join('');
}

/** A node's string attribute, or `undefined`. */
export function stringAttr(node: NodeJSON, name: string): string | undefined {
  const value = node.attrs?.[name];
  return typeof value === 'string' ? value : undefined;
}
