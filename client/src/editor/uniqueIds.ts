import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { newParagraphId } from '@accord/shared/ids';
import { PARAGRAPH_NODES } from '@accord/shared/schema/index';

export interface UniqueIdsOptions {
  /** Whether this user may set a paragraph's status; if not, new paragraphs start `pending`. */
  canSetStatus: boolean;
}

function fromRemote(transactions: readonly Transaction[]): boolean {
  return transactions.some((tr) => {
    const meta: unknown = tr.getMeta(ySyncPluginKey);
    return typeof meta === 'object' && meta !== null && 'isChangeOrigin' in meta;
  });
}

/**
 * Gives every preambular, operative and sub-paragraph a unique `id`. A paragraph made by Enter
 * has none (the id does not survive a split); a pasted or duplicated one repeats an existing id.
 * Of two paragraphs with one id, the one that already had it before this change keeps it.
 *
 * Only local edits are fixed: a change that arrived from the server was fixed by its author, and
 * fixing it here too would make two clients race to rename the same paragraph (and an observer
 * send an edit the server must refuse).
 */
export const UniqueIds = Extension.create<UniqueIdsOptions>({
  name: 'uniqueIds',
  addOptions() {
    return { canSetStatus: false };
  },
  addProseMirrorPlugins() {
    const { canSetStatus } = this.options;
    return [
      new Plugin({
        key: new PluginKey('uniqueIds'),
        appendTransaction: (transactions, oldState, newState) => {
          if (!transactions.some((tr) => tr.docChanged) || fromRemote(transactions)) return null;
          // Where each id stood before the change, mapped to where that paragraph is now.
          const keeper = new Map<string, number>();
          // Ids whose paragraph was removed whole by the change: a move (Alt+↑/↓ deletes and
          // re-inserts the node), so the paragraph that now carries the id may keep it, and a
          // comparison shows it as moved rather than deleted and inserted.
          const removed = new Set<string>();
          oldState.doc.forEach((node, offset) => {
            const id = node.attrs.id as unknown;
            if (typeof id !== 'string' || keeper.has(id)) return;
            let pos = offset;
            let inside = offset + 1;
            for (const tr of transactions) {
              pos = tr.mapping.map(pos, 1);
              const result = tr.mapping.mapResult(inside, 1);
              if (result.deletedAcross) removed.add(id);
              inside = result.pos;
            }
            keeper.set(id, pos);
          });
          const seen = new Set<string>();
          const tr = newState.tr;
          newState.doc.forEach((node, offset) => {
            if (!PARAGRAPH_NODES.includes(node.type.name)) return;
            const id = node.attrs.id as unknown;
            const valid = typeof id === 'string' && id.length > 0;
            const keeps =
              valid && !seen.has(id) && (removed.has(id) || (keeper.get(id) ?? offset) === offset);
            if (valid && keeps) {
              seen.add(id);
              return;
            }
            const attrs: Record<string, unknown> = { ...node.attrs, id: newParagraphId() };
            if (!canSetStatus && 'status' in attrs) attrs.status = 'pending';
            tr.setNodeMarkup(offset, undefined, attrs);
          });
          if (!tr.docChanged) return null;
          tr.setMeta('addToHistory', false);
          return tr;
        },
      }),
    ];
  },
});
