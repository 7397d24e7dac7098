import { Extension } from '@tiptap/core';
import type { Node as PMNode, NodeType } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { newParagraphId } from '@accord/shared/ids';
import { PARAGRAPH_NODES } from '@accord/shared/schema/index';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    splitParagraph: {
      /**
       * Enter in the draft: splits the block holding the cursor into two of the same kind, the
       * new one with a fresh id (and `pending`, not an alternative). At the end of a block the
       * new one is what follows it in a resolution (an operative after an operative, a
       * preambular after "CONSIDERING:"), never the schema's first block type (the title).
       * At the start of a paragraph, an empty one is added before it: the text keeps its id.
       */
      splitParagraph: () => ReturnType;
    };
  }
}

/** What a new block after `block` (at top-level `index`) should be when Enter ends it. */
function followerType(state: EditorState, block: PMNode, index: number): NodeType | undefined {
  const { nodes } = state.schema;
  const name = block.type.name;
  if (PARAGRAPH_NODES.includes(name)) return block.type;
  if (name === 'leadHeading') {
    const next = index + 1 < state.doc.childCount ? state.doc.child(index + 1).type.name : '';
    return next === 'operative' ? nodes.operative : nodes.preambular;
  }
  if (name === 'organ') return nodes.leadHeading;
  return nodes.paragraph;
}

/** Fresh attributes for a new block of `type` made from `block`. */
function freshAttrs(type: NodeType, block: PMNode): Record<string, unknown> {
  if (!PARAGRAPH_NODES.includes(type.name)) return {};
  const attrs: Record<string, unknown> = { id: newParagraphId() };
  if (type.name === 'subparagraph' && block.type === type) attrs.level = block.attrs.level;
  return attrs;
}

function split(state: EditorState, tr: Transaction): boolean {
  const { $from, $to } = state.selection;
  if ($from.depth !== 1 || $to.depth !== 1 || $from.parent !== $to.parent) return false;
  const block = $from.parent;
  const index = $from.index(0);
  const atEnd = $to.parentOffset === block.content.size;
  const atStart = $from.parentOffset === 0 && block.content.size > 0;
  const paragraph = PARAGRAPH_NODES.includes(block.type.name);
  const follower = atEnd ? followerType(state, block, index) : undefined;
  // Decide before touching `tr`: Tiptap dispatches it even when the command answers false.
  if (atEnd ? !follower : !paragraph) return false; // The default split will do.
  if (!state.selection.empty) tr.deleteSelection();

  if (atStart && !atEnd) {
    const before = $from.before(1);
    tr.insert(before, block.type.create(freshAttrs(block.type, block)));
    return true; // The cursor stays at the start of the text, which moved down.
  }
  if (follower) {
    const insertAt = tr.mapping.map($from.after(1));
    tr.insert(insertAt, follower.create(freshAttrs(follower, block)));
    tr.setSelection(TextSelection.create(tr.doc, insertAt + 1));
    return true;
  }
  const at = tr.mapping.map($from.pos);
  tr.split(at, 1, [{ type: block.type, attrs: freshAttrs(block.type, block) }]);
  tr.setSelection(TextSelection.create(tr.doc, at + 2));
  return true;
}

/**
 * Enter that keeps the draft's structure and its ids: see `splitParagraph`. Runs before
 * Tiptap's own Enter, which would make a title (the schema's first block) after a paragraph
 * and copy the paragraph's id and status into the split-off half.
 */
export const SplitParagraph = Extension.create({
  name: 'splitParagraph',
  priority: 1000,

  addCommands() {
    return {
      splitParagraph:
        () =>
        ({ state, tr, dispatch }) => {
          if (!dispatch) {
            const { $from, $to } = state.selection;
            return $from.depth === 1 && $to.depth === 1 && $from.parent === $to.parent;
          }
          if (!split(state, tr)) return false;
          tr.scrollIntoView();
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return { Enter: () => this.editor.commands.splitParagraph() };
  },
});
