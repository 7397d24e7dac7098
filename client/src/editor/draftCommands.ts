import { Extension } from '@tiptap/core';
import { TextSelection, type EditorState } from '@tiptap/pm/state';
import { newParagraphId } from '@accord/shared/ids';
import type { ParagraphStatus } from '@accord/shared/schema/index';

export type NewBlockType = 'preambular' | 'operative' | 'subparagraph';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    draftCommands: {
      /** Inserts an empty paragraph of `type` after the block holding the cursor, and enters it. */
      insertBlockAfter: (type: NewBlockType) => ReturnType;
      /** Moves the block holding the cursor one place up (-1) or down (+1), cursor and all. */
      moveBlock: (direction: -1 | 1) => ReturnType;
      /** Sets the status of the paragraph holding the cursor (the chair's decision). */
      setParagraphStatus: (status: ParagraphStatus) => ReturnType;
    };
  }
}

/**
 * The index the block holding the cursor would move to, or null where it cannot move (the
 * toolbar's Up and Down are enabled by this, without running the command).
 */
export function moveTarget(state: EditorState, direction: -1 | 1): number | null {
  const { $from } = state.selection;
  if ($from.depth < 1) return null;
  const target = $from.index(0) + direction;
  return target < 0 || target >= state.doc.childCount ? null : target;
}

/**
 * The drafting commands of the toolbar, with keys: Alt+↑/↓ move a paragraph, Mod+Alt+1/2/3 add
 * a preambular, operative or sub-paragraph. The body is a flat list of blocks, so every command
 * works on the top-level block that holds the cursor.
 */
export const DraftCommands = Extension.create({
  name: 'draftCommands',

  addCommands() {
    return {
      insertBlockAfter:
        (type) =>
        ({ state, tr, dispatch }) => {
          const nodeType = state.schema.nodes[type];
          if (!nodeType) return false;
          const { $from } = state.selection;
          if ($from.depth < 1) return false;
          const current = $from.node(1);
          const attrs: Record<string, unknown> = { id: newParagraphId() };
          // A sub-paragraph after a sub-paragraph stays at its level (i., ii. under a., b.).
          if (type === 'subparagraph' && current.type.name === 'subparagraph')
            attrs.level = current.attrs.level as unknown;
          const insertAt = $from.after(1);
          if (dispatch) {
            tr.insert(insertAt, nodeType.create(attrs));
            tr.setSelection(TextSelection.create(tr.doc, insertAt + 1)).scrollIntoView();
          }
          return true;
        },

      moveBlock:
        (direction) =>
        ({ state, tr, dispatch }) => {
          const target = moveTarget(state, direction);
          if (target === null) return false;
          const { $from, $to } = state.selection;
          const index = $from.index(0);
          const node = state.doc.child(index);
          const start = $from.before(1);
          const neighbour = state.doc.child(target);
          const anchorOffset = $from.pos - start;
          const headOffset = Math.min($to.pos - start, node.nodeSize - 1);
          if (dispatch) {
            // Re-inserting keeps the paragraph's attributes, its id among them: references and
            // comparisons still find it after the move.
            tr.delete(start, start + node.nodeSize);
            const insertAt =
              direction < 0 ? start - neighbour.nodeSize : start + neighbour.nodeSize;
            tr.insert(insertAt, node);
            tr.setSelection(
              TextSelection.create(tr.doc, insertAt + anchorOffset, insertAt + headOffset),
            ).scrollIntoView();
          }
          return true;
        },

      setParagraphStatus:
        (status) =>
        ({ state, tr, dispatch }) => {
          const { $from } = state.selection;
          if ($from.depth < 1) return false;
          const node = $from.node(1);
          if (!('status' in node.attrs)) return false;
          if (dispatch) tr.setNodeMarkup($from.before(1), undefined, { ...node.attrs, status });
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      'Alt-ArrowUp': () => this.editor.commands.moveBlock(-1),
      'Alt-ArrowDown': () => this.editor.commands.moveBlock(1),
      'Mod-Alt-1': () => this.editor.commands.insertBlockAfter('preambular'),
      'Mod-Alt-2': () => this.editor.commands.insertBlockAfter('operative'),
      'Mod-Alt-3': () => this.editor.commands.insertBlockAfter('subparagraph'),
    };
  },
});
