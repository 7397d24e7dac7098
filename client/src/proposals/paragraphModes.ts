import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { isDraftingMode, PARAGRAPH_MODES, type DraftingMode } from '@accord/shared/proposals';

/**
 * The drafting mode the chair set for single paragraphs (the `paragraphModes` side table),
 * shown as a small badge beside each such paragraph, kept current as the chair changes it. The
 * relay enforces these modes; the editor only shows them and, through `paragraphModeAt`, lets
 * proposing switch itself on in a paragraph where a delegation may only propose.
 */

export interface ParagraphModesOptions {
  doc: Y.Doc | null;
  /** The badge's words for a mode. */
  label: (mode: DraftingMode) => string;
}

const key = new PluginKey<DecorationSet>('paragraphModes');

/** The mode the chair set for the paragraph holding the selection, or null. */
export function paragraphModeAt(doc: Y.Doc, state: EditorState): DraftingMode | null {
  const { $from } = state.selection;
  if ($from.depth < 1) return null;
  return modeOf(doc, $from.node(1));
}

function modeOf(doc: Y.Doc, block: PMNode): DraftingMode | null {
  const id: unknown = block.attrs.id;
  if (typeof id !== 'string') return null;
  const mode = doc.getMap<unknown>(PARAGRAPH_MODES).get(id);
  return isDraftingMode(mode) ? mode : null;
}

export const ParagraphModes = Extension.create<ParagraphModesOptions, { stop?: () => void }>({
  name: 'paragraphModes',

  addOptions() {
    return { doc: null, label: (mode) => mode };
  },

  onCreate() {
    const doc = this.options.doc;
    if (!doc) return;
    const modes = doc.getMap<unknown>(PARAGRAPH_MODES);
    // The chair's change arrives beside the text, not in it: redraw the badges then.
    const redraw = () => {
      if (!this.editor.isDestroyed) {
        this.editor.view.dispatch(this.editor.state.tr.setMeta(key, true));
      }
    };
    modes.observe(redraw);
    this.storage.stop = () => modes.unobserve(redraw);
  },

  onDestroy() {
    this.storage.stop?.();
  },

  addStorage() {
    return {};
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorate(state.doc, options),
          apply: (tr, old) => (tr.docChanged || tr.getMeta(key) ? decorate(tr.doc, options) : old),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});

function decorate(doc: PMNode, options: ParagraphModesOptions): DecorationSet {
  const ydoc = options.doc;
  if (!ydoc || ydoc.getMap(PARAGRAPH_MODES).size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.forEach((block, offset) => {
    const mode = modeOf(ydoc, block);
    if (!mode) return;
    decorations.push(
      Decoration.node(offset, offset + block.nodeSize, {
        class: `paragraph-mode paragraph-mode--${mode}`,
        'data-paragraph-mode': options.label(mode),
      }),
    );
  });
  return DecorationSet.create(doc, decorations);
}
