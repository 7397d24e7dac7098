import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { isNumberingFrozen, numberBlocks } from '@accord/shared/numbering';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    frozenNumbers: {
      /** Keeps every operative paragraph's current number for the reading (the chair). */
      freezeNumbering: () => ReturnType;
      /** Clears the frozen numbers: paragraphs are numbered in order again (the chair). */
      renumber: () => ReturnType;
    };
  }
}

function blocksOf(doc: PMNode) {
  const blocks: { type: string; attrs: Record<string, unknown> }[] = [];
  doc.forEach((node) => blocks.push({ type: node.type.name, attrs: node.attrs }));
  return blocks;
}

/** Whether the chair has frozen this document's numbering. */
export function numberingFrozen(doc: PMNode): boolean {
  return isNumberingFrozen(blocksOf(doc));
}

/**
 * "Freeze numbering" and "Renumber", each one change (one Yjs transaction, one entry in the
 * history): while frozen, a paragraph added after 2 reads "2 bis" and no number moves, so
 * delegations can keep referring to "paragraph 4" through a reading.
 */
export const FrozenNumbers = Extension.create({
  name: 'frozenNumbers',
  addCommands() {
    return {
      freezeNumbering:
        () =>
        ({ state, tr, dispatch }) => {
          const numbers = numberBlocks(blocksOf(state.doc), 'oas');
          let any = false;
          state.doc.forEach((node, offset, index) => {
            const number = numbers[index];
            if (node.type.name !== 'operative' || !number) return;
            any = true;
            if (dispatch && node.attrs.number !== number.value) {
              tr.setNodeMarkup(offset, undefined, { ...node.attrs, number: number.value });
            }
          });
          return any;
        },
      renumber:
        () =>
        ({ state, tr, dispatch }) => {
          let any = false;
          state.doc.forEach((node, offset) => {
            if (node.attrs.number === null || node.attrs.number === undefined) return;
            any = true;
            if (dispatch) tr.setNodeMarkup(offset, undefined, { ...node.attrs, number: null });
          });
          return any;
        },
    };
  },
});
