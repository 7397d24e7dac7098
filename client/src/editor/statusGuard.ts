import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { PARAGRAPH_STATUSES, type ParagraphStatus } from '@accord/shared/schema/index';
import { rememberEdited } from './lastEdited';

export interface StatusGuardOptions {
  /** The chair may change settled paragraphs (which drops them back to pending). */
  canSetStatus: boolean;
  /** The tooltip on a settled paragraph for everyone else ("Agreed: only the chair can …"). */
  settledLabel: (status: ParagraphStatus) => string;
}

const SETTLED: readonly unknown[] = ['agreed', 'ad_ref'];
const guardKey = new PluginKey<DecorationSet>('statusGuard');

/** Whether a top-level block is agreed or agreed ad referendum. */
export function isSettledBlock(node: PMNode): boolean {
  return SETTLED.includes(node.attrs.status);
}

/** Remote changes arrive through the Yjs binding: they were checked by the server already. */
function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return meta?.isChangeOrigin === true;
}

/** The indexes of the top-level blocks whose content a transaction's steps touch. */
export function touchedBlocks(tr: Transaction): Set<number> {
  const touched = new Set<number>();
  tr.steps.forEach((step, i) => {
    const doc = tr.docs[i]!;
    const ranges: [number, number][] = [];
    step.getMap().forEach((from, to) => ranges.push([from, to]));
    const marked = step as unknown as { from?: unknown; to?: unknown };
    if (typeof marked.from === 'number' && typeof marked.to === 'number') {
      ranges.push([marked.from, marked.to]);
    }
    doc.forEach((node, offset, index) => {
      // Content positions are offset+1 … offset+nodeSize-1; the block's edges are outside.
      const first = offset + 1;
      const last = offset + node.nodeSize - 1;
      if (ranges.some(([from, to]) => Math.max(from, first) <= Math.min(to, last))) {
        touched.add(index);
      }
    });
  });
  return touched;
}

function decorate(doc: PMNode, options: StatusGuardOptions): DecorationSet {
  if (options.canSetStatus) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.forEach((node, offset) => {
    if (!isSettledBlock(node)) return;
    decorations.push(
      Decoration.node(offset, offset + node.nodeSize, {
        title: options.settledLabel(node.attrs.status as ParagraphStatus),
        'aria-readonly': 'true',
        contenteditable: 'false',
        'data-settled': 'true',
      }),
    );
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Agreed and ad referendum paragraphs are read-only for everyone but the chair: the editor
 * drops a local change that touches one (the server would refuse it, `4409`) and says why in a
 * tooltip. When the chair edits one, it drops back to pending in the same change, so nobody
 * reads altered text as agreed. Alt-Shift-1/2/3 set pending, ad ref and agreed (the chair).
 */
export const StatusGuard = Extension.create<StatusGuardOptions>({
  name: 'statusGuard',
  addOptions() {
    return { canSetStatus: false, settledLabel: (status) => status };
  },
  addKeyboardShortcuts() {
    if (!this.options.canSetStatus) return {};
    const shortcuts: Record<string, () => boolean> = {};
    PARAGRAPH_STATUSES.forEach((status, index) => {
      shortcuts[`Alt-Shift-${index + 1}`] = () => this.editor.commands.setParagraphStatus(status);
    });
    return shortcuts;
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<DecorationSet>({
        key: guardKey,
        state: {
          init: (_config, state) => decorate(state.doc, options),
          apply: (tr, old, _oldState, newState) =>
            tr.docChanged ? decorate(newState.doc, options) : old,
        },
        props: { decorations: (state) => guardKey.getState(state) },
        filterTransaction: (tr, state) => {
          if (!tr.docChanged || isRemote(tr)) return true;
          const touched = touchedBlocks(tr);
          for (const index of touched) {
            if (index < state.doc.childCount) rememberEdited(state.doc, index);
          }
          if (options.canSetStatus) return true;
          for (const index of touched) {
            if (index < state.doc.childCount && isSettledBlock(state.doc.child(index))) {
              return false;
            }
          }
          return true;
        },
        appendTransaction: (transactions, oldState, newState) => {
          if (!options.canSetStatus) return null;
          const ids = new Set<unknown>();
          for (const tr of transactions) {
            if (!tr.docChanged || isRemote(tr)) continue;
            for (const index of touchedBlocks(tr)) {
              const before = tr.docs[0]?.maybeChild(index);
              if (before && isSettledBlock(before)) ids.add(before.attrs.id);
            }
          }
          if (ids.size === 0) return null;
          const previous = new Map<unknown, PMNode>();
          oldState.doc.forEach((node) => previous.set(node.attrs.id, node));
          const tr = newState.tr;
          newState.doc.forEach((node, offset) => {
            const was = previous.get(node.attrs.id);
            if (!ids.has(node.attrs.id) || !isSettledBlock(node) || !was) return;
            // A change of status alone is the chair's decision, not an edit of the words.
            if (was.content.eq(node.content)) return;
            tr.setNodeMarkup(offset, undefined, { ...node.attrs, status: 'pending' });
          });
          return tr.docChanged ? tr : null;
        },
      }),
    ];
  },
});
