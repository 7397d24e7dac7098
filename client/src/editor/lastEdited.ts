import type { Node as PMNode } from '@tiptap/pm/model';
import { numberBlocks } from '@accord/shared/numbering';

/**
 * The paragraph the local user last changed. Kept outside the editor because a refusal
 * replaces the editor: the sentence that explains it ("paragraph 3 was agreed meanwhile") is
 * shown after it is gone. The label is worked out only when asked, not on every keystroke.
 */
let lastEdited: { doc: PMNode; index: number } | null = null;

export function rememberEdited(doc: PMNode, index: number): void {
  lastEdited = { doc, index };
}

/** The paragraph's number ("3 bis") or its opening words, or null when none was changed. */
export function lastEditedParagraph(): string | null {
  if (!lastEdited || lastEdited.index >= lastEdited.doc.childCount) return null;
  const { doc, index } = lastEdited;
  const blocks: { type: string; attrs: Record<string, unknown> }[] = [];
  doc.forEach((node) => blocks.push({ type: node.type.name, attrs: node.attrs }));
  const number = numberBlocks(blocks, 'oas')[index];
  if (number) return number.value;
  const words = doc.child(index).textContent.trim().slice(0, 40);
  return words ? `“${words}…”` : null;
}
