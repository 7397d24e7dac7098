import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { CommentAnchor, CommentEntry } from '@accord/shared/comments';
import { openCounts, type Thread } from './commentThreads';

interface SyncState {
  binding?: {
    doc: Y.Doc;
    type: Y.XmlFragment;
    mapping: Parameters<typeof relativePositionToAbsolutePosition>[3];
  };
}

function bindingOf(state: EditorState) {
  return (ySyncPluginKey.getState(state) as SyncState | undefined)?.binding ?? null;
}

/** Where an anchor lies in the editor now, or null when its text is gone. */
export function anchorRange(
  state: EditorState,
  anchor: CommentAnchor,
): { from: number; to: number } | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  const at = (json: unknown) =>
    relativePositionToAbsolutePosition(
      binding.doc,
      binding.type,
      Y.createRelativePositionFromJSON(json),
      binding.mapping,
    );
  const from = at(anchor.start);
  const to = at(anchor.end);
  if (from === null || to === null || to <= from || to > state.doc.content.size) return null;
  return { from, to };
}

/**
 * The selection as an anchor: the start sticks to the first selected character and the end to
 * the last, so text typed just outside the phrase stays out and text typed inside it is in.
 */
export function selectionAnchor(state: EditorState): CommentAnchor | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  const { from, to } = state.selection;
  const relative = (pos: number, assoc: number) => {
    const loose = absolutePositionToRelativePosition(
      pos,
      binding.type,
      binding.mapping,
    ) as Y.RelativePosition;
    const absolute = Y.createAbsolutePositionFromRelativePosition(loose, binding.doc);
    if (!absolute) return null;
    return Y.relativePositionToJSON(
      Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc),
    ) as unknown;
  };
  const start = relative(from, 0);
  const end = relative(to, -1);
  return start && end ? { start, end } : null;
}

/** The top-level block around the selection, if the selection stays inside one. */
export function selectedParagraph(state: EditorState): { id: string; quote: string } | null {
  const { $from, $to, from, to } = state.selection;
  if (from === to || $from.depth < 1 || $to.depth < 1 || $from.node(1) !== $to.node(1)) {
    return null;
  }
  const id = $from.node(1).attrs.id as unknown;
  if (typeof id !== 'string' || !id) return null;
  return { id, quote: state.doc.textBetween(from, to, ' ') };
}

/** Moves the cursor to a thread's phrase (or its paragraph) and brings it into view. */
export function jumpTo(editor: Editor, entry: CommentEntry): void {
  const state = editor.state;
  let range = entry.anchor ? anchorRange(state, entry.anchor) : null;
  if (!range) {
    state.doc.forEach((node, offset) => {
      if (!range && node.attrs.id === entry.paragraphId)
        range = { from: offset + 1, to: offset + 1 };
    });
  }
  if (!range) return;
  const { from, to } = range;
  editor.view.dispatch(
    state.tr.setSelection(TextSelection.create(state.doc, from, to)).scrollIntoView(),
  );
  editor.view.focus();
}

interface Marks {
  threads: Thread[];
  active: string | null;
  countLabel: (count: number) => string;
}

const commentsKey = new PluginKey<DecorationSet>('commentMarks');

function countBadge(count: number, label: string): HTMLElement {
  const badge = document.createElement('span');
  badge.className = 'comment-count';
  badge.contentEditable = 'false';
  const number = document.createElement('span');
  number.setAttribute('aria-hidden', 'true');
  number.textContent = String(count);
  const words = document.createElement('span');
  words.className = 'visually-hidden';
  words.textContent = label;
  badge.append(number, words);
  return badge;
}

function decorate(state: EditorState, marks: Marks): DecorationSet {
  const decorations: Decoration[] = [];
  for (const { entry } of marks.threads) {
    if (entry.resolved || !entry.anchor) continue;
    const range = anchorRange(state, entry.anchor);
    if (!range) continue;
    const active = entry.id === marks.active;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: active ? 'comment-anchor comment-anchor--active' : 'comment-anchor',
        'data-comment': entry.id,
      }),
    );
  }
  const counts = openCounts(marks.threads);
  state.doc.forEach((node: PMNode, offset) => {
    const count = counts.get(String(node.attrs.id ?? ''));
    if (!count) return;
    const label = marks.countLabel(count);
    decorations.push(
      Decoration.widget(offset + node.nodeSize - 1, () => countBadge(count, label), {
        side: 1,
        key: `count-${count}-${label}`,
        ignoreSelection: true,
      }),
    );
  });
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights the open threads' phrases and shows a count of open threads at the end of each
 * paragraph; `Mod-Alt-m` asks to comment on the selection. Registered on the editor by the
 * sidebar, so the editor itself knows nothing of comments.
 */
export function commentMarksPlugin(read: () => Marks, onShortcut: () => void): Plugin {
  return new Plugin<DecorationSet>({
    key: commentsKey,
    state: {
      init: (_config, state) => decorate(state, read()),
      apply: (tr, old, _oldState, newState) =>
        tr.docChanged || tr.getMeta(commentsKey) ? decorate(newState, read()) : old,
    },
    props: {
      decorations: (state) => commentsKey.getState(state),
      handleKeyDown: (_view, event) => {
        const mod = event.ctrlKey || event.metaKey;
        if (mod && event.altKey && event.code === 'KeyM') {
          onShortcut();
          return true;
        }
        return false;
      },
    },
  });
}

/** Asks the plugin to redraw after the threads changed (no document change involved). */
export function refreshCommentMarks(editor: Editor): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(commentsKey, true).setMeta('addToHistory', false));
}
