import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

interface SavedSelection {
  anchor: Y.RelativePosition;
  head: Y.RelativePosition;
  anchorBlock: string;
  headBlock: string;
}

interface SyncState {
  binding?: {
    doc: Y.Doc;
    type: Y.XmlFragment;
    mapping: Parameters<typeof relativePositionToAbsolutePosition>[3];
  };
}

/** The top-level block holding `pos`, as "type:id", to tell whether a position stayed in it. */
function blockKey(doc: PMNode, pos: number): string {
  const $pos = doc.resolve(pos);
  if ($pos.depth < 1) return '';
  const block = $pos.node(1);
  return `${block.type.name}:${String(block.attrs.id ?? '')}`;
}

function remoteChange(transactions: readonly Transaction[]): boolean {
  return transactions.some((tr) => {
    const meta = tr.getMeta(ySyncPluginKey) as
      | { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean }
      | undefined;
    return meta?.isChangeOrigin === true && meta.isUndoRedoOperation !== true;
  });
}

/**
 * Keeps the local cursor where Yjs says it is when someone else types in the same paragraph.
 *
 * y-tiptap 3.0.9 restores the selection after a remote change with a heuristic meant for block
 * moves: when the text of the cursor's paragraph changed at all, it distrusts the Yjs relative
 * position and falls back to the old absolute offset. Two delegates typing in one paragraph then
 * push each other's cursors about (typed words come out reversed). We record the selection as
 * Yjs relative positions before each remote change and, if it still resolves inside the same
 * paragraph (same type and id), put the cursor there; structural changes keep y-tiptap's answer.
 */
export const RemoteSelection = Extension.create<{ document: Y.Doc | null }>({
  name: 'remoteSelection',
  addOptions() {
    return { document: null };
  },
  addProseMirrorPlugins() {
    const ydoc = this.options.document;
    if (!ydoc) return [];
    let saved: SavedSelection | null = null;
    return [
      new Plugin({
        key: new PluginKey('remoteSelection'),
        view: (view) => {
          const before = (transaction: Y.Transaction) => {
            if (saved || transaction.origin === ySyncPluginKey) return;
            const binding = (ySyncPluginKey.getState(view.state) as SyncState | undefined)?.binding;
            const selection = view.state.selection;
            if (!binding || !(selection instanceof TextSelection)) return;
            saved = {
              anchor: absolutePositionToRelativePosition(
                selection.anchor,
                binding.type,
                binding.mapping,
              ) as Y.RelativePosition,
              head: absolutePositionToRelativePosition(
                selection.head,
                binding.type,
                binding.mapping,
              ) as Y.RelativePosition,
              anchorBlock: blockKey(view.state.doc, selection.anchor),
              headBlock: blockKey(view.state.doc, selection.head),
            };
          };
          const after = () => {
            saved = null;
          };
          ydoc.on('beforeTransaction', before);
          ydoc.on('afterAllTransactions', after);
          return {
            destroy: () => {
              ydoc.off('beforeTransaction', before);
              ydoc.off('afterAllTransactions', after);
            },
          };
        },
        appendTransaction: (transactions, _oldState, newState) => {
          if (!saved || !remoteChange(transactions)) return null;
          const binding = (ySyncPluginKey.getState(newState) as SyncState | undefined)?.binding;
          if (!binding) return null;
          const anchor = relativePositionToAbsolutePosition(
            binding.doc,
            binding.type,
            saved.anchor,
            binding.mapping,
          );
          const head = relativePositionToAbsolutePosition(
            binding.doc,
            binding.type,
            saved.head,
            binding.mapping,
          );
          if (anchor === null || head === null) return null;
          const size = newState.doc.content.size;
          if (anchor > size || head > size) return null;
          if (blockKey(newState.doc, anchor) !== saved.anchorBlock) return null;
          if (blockKey(newState.doc, head) !== saved.headBlock) return null;
          const current = newState.selection;
          if (current.anchor === anchor && current.head === head) return null;
          return newState.tr
            .setSelection(TextSelection.create(newState.doc, anchor, head))
            .setMeta('addToHistory', false);
        },
      }),
    ];
  },
});
