import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type EditorState } from '@tiptap/pm/state';
import { newParagraphId } from '@accord/shared/ids';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    draftAlternatives: {
      /**
       * Adds an alternative to the operative paragraph holding the cursor (or owning the
       * sub-paragraph that does): an empty operative paragraph with `alternative: true`, placed
       * after that paragraph's sub-paragraphs and existing alternatives, so it reads "2 bis",
       * then "2 ter". The cursor moves into it.
       */
      insertAlternative: () => ReturnType;
    };
  }
}

const isSubparagraph = (node: PMNode) => node.type.name === 'subparagraph';
const isAlternative = (node: PMNode) =>
  node.type.name === 'operative' && node.attrs.alternative === true;

/**
 * Where an alternative to the block at `index` goes: the index after the group of its
 * operative paragraph (sub-paragraphs, alternatives and theirs), or `null` when that block
 * belongs to no operative paragraph.
 */
export function alternativeIndex(doc: PMNode, index: number): number | null {
  let owner = index;
  while (owner >= 0 && isSubparagraph(doc.child(owner))) owner -= 1;
  if (owner < 0 || doc.child(owner).type.name !== 'operative') return null;
  let end = owner + 1;
  while (end < doc.childCount && (isSubparagraph(doc.child(end)) || isAlternative(doc.child(end))))
    end += 1;
  return end;
}

/** Where "Alternative (bis)" would insert for the cursor's block, or null where it cannot. */
export function alternativeTarget(state: EditorState): number | null {
  const { $from } = state.selection;
  if (!state.schema.nodes.operative || $from.depth < 1) return null;
  return alternativeIndex(state.doc, $from.index(0));
}

/** Alternatives to operative paragraphs ("2 bis"): the command and its key, Mod+Alt+4. */
export const DraftAlternatives = Extension.create({
  name: 'draftAlternatives',

  addCommands() {
    return {
      insertAlternative:
        () =>
        ({ state, tr, dispatch }) => {
          const operative = state.schema.nodes.operative;
          const end = alternativeTarget(state);
          if (!operative || end === null) return false;
          if (dispatch) {
            let insertAt = 0;
            for (let i = 0; i < end; i += 1) insertAt += state.doc.child(i).nodeSize;
            tr.insert(insertAt, operative.create({ id: newParagraphId(), alternative: true }));
            tr.setSelection(TextSelection.create(tr.doc, insertAt + 1)).scrollIntoView();
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-4': () => this.editor.commands.insertAlternative() };
  },
});
