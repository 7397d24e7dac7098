import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { DraftStyle } from '@accord/shared/content';
import { numberBlocks } from '@accord/shared/numbering';
import { PARAGRAPH_STATUSES, isParagraphStatus } from '@accord/shared/schema/index';

export interface ParagraphStatusControlOptions {
  /** Only the chair gets the control; everyone else reads the status label the numbering shows. */
  canSetStatus: boolean;
  style: DraftStyle;
  /** "Agreed ad ref", in the reader's language. */
  statusLabel: (status: string) => string;
  /** "Status of paragraph 3" (or of the paragraph beginning "Recalling…"). */
  controlLabel: (paragraph: string) => string;
}

const controlKey = new PluginKey<DecorationSet>('paragraphStatusControl');

/** How the control names a paragraph: its number, or its first words when it has none. */
function paragraphName(node: PMNode, number: string | undefined): string {
  if (number) return number.replace(/\.$/, '');
  const words = node.textContent.trim();
  return `“${words.length > 40 ? `${words.slice(0, 40)}…` : words}”`;
}

/** Sets the status of the paragraph with `id`, wherever it stands now. */
function setStatus(view: EditorView, id: unknown, status: string): void {
  if (!isParagraphStatus(status)) return;
  let target: number | null = null;
  view.state.doc.forEach((node, offset) => {
    if (target === null && node.attrs.id === id) target = offset;
  });
  if (target === null) return;
  const node = view.state.doc.nodeAt(target);
  if (!node || node.attrs.status === status) return;
  view.dispatch(view.state.tr.setNodeMarkup(target, undefined, { ...node.attrs, status }));
}

function control(
  view: EditorView,
  node: PMNode,
  name: string,
  options: ParagraphStatusControlOptions,
): HTMLElement {
  const wrapper = document.createElement('span');
  wrapper.className = 'paragraph-status-control';
  wrapper.setAttribute('contenteditable', 'false');
  const select = document.createElement('select');
  select.setAttribute('aria-label', options.controlLabel(name));
  select.title = options.controlLabel(name);
  select.dataset.status = String(node.attrs.status);
  for (const status of PARAGRAPH_STATUSES) {
    const option = document.createElement('option');
    option.value = status;
    option.textContent = options.statusLabel(status);
    select.append(option);
  }
  select.value = String(node.attrs.status);
  const id: unknown = node.attrs.id;
  select.addEventListener('change', () => {
    setStatus(view, id, select.value);
    view.focus();
  });
  wrapper.append(select);
  return wrapper;
}

function decorate(doc: PMNode, options: ParagraphStatusControlOptions): DecorationSet {
  if (!options.canSetStatus) return DecorationSet.empty;
  const blocks: { type: string; attrs: Record<string, unknown> }[] = [];
  doc.forEach((node) => blocks.push({ type: node.type.name, attrs: node.attrs }));
  const numbers = numberBlocks(blocks, options.style);
  const decorations: Decoration[] = [];
  doc.forEach((node, offset, index) => {
    if (!('status' in (node.type.spec.attrs ?? {}))) return;
    const name = paragraphName(node, numbers[index]?.label);
    const status = String(node.attrs.status);
    decorations.push(
      // The control replaces the status label the numbering draws after the paragraph.
      Decoration.node(offset, offset + node.nodeSize, { 'data-status-control': 'true' }),
      Decoration.widget(offset + 1, (view) => control(view, node, name, options), {
        side: -1,
        key: `status:${String(node.attrs.id)}:${status}:${name}`,
        ignoreSelection: true,
        // The select handles its own clicks and keys; the editor must not take them.
        stopEvent: () => true,
      }),
    );
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * The chair's status control beside each paragraph's number: a small menu (pending, agreed ad
 * ref, agreed), reachable with the keyboard and named for screen readers after the paragraph
 * ("Status of paragraph 3"). Alt+Shift+1/2/3 do the same from the text (statusGuard.ts).
 * Everyone else sees the status as a label, not a control.
 */
export const ParagraphStatusControl = Extension.create<ParagraphStatusControlOptions>({
  name: 'paragraphStatusControl',
  addOptions() {
    return {
      canSetStatus: false,
      style: 'oas',
      statusLabel: (status) => status,
      controlLabel: (paragraph) => paragraph,
    };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<DecorationSet>({
        key: controlKey,
        state: {
          init: (_config, state) => decorate(state.doc, options),
          // Placed anew on every change, never mapped: the Yjs binding replaces the blocks a
          // remote change touches, and mapping would drop their controls. The widgets' keys
          // keep their DOM (and a menu's focus) when nothing about them changed.
          apply: (tr, old, _oldState, newState) =>
            tr.docChanged ? decorate(newState.doc, options) : old,
        },
        props: { decorations: (state) => controlKey.getState(state) },
      }),
    ];
  },
});
