import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { DraftStyle } from '@accord/shared/content';
import { numberBlocks } from '@accord/shared/numbering';

export interface NumberingOptions {
  style: DraftStyle;
  /** The status as the reader's language says it ("Agreed ad ref"). */
  statusLabel: (status: string) => string;
}

const numberingKey = new PluginKey<DecorationSet>('draftNumbering');

/**
 * Numbers and statuses as decorations: the numbers ("1.", "2 bis.", "a.", "(a)") are computed
 * from the shared `numberBlocks` on every change and shown with CSS, never stored in the text,
 * so inserting or moving a paragraph renumbers every screen at once and no two delegates can
 * edit a number into a conflict. The status label rides on the same node decoration.
 */
function decorate(doc: PMNode, options: NumberingOptions): DecorationSet {
  const blocks: { type: string; attrs: Record<string, unknown> }[] = [];
  doc.forEach((node) => blocks.push({ type: node.type.name, attrs: node.attrs }));
  const numbers = numberBlocks(blocks, options.style);
  const decorations: Decoration[] = [];
  doc.forEach((node, offset, index) => {
    const attrs: Record<string, string> = {};
    const number = numbers[index];
    if (number) attrs['data-number'] = number.label;
    const status = node.attrs.status as unknown;
    if (typeof status === 'string' && 'status' in (node.type.spec.attrs ?? {})) {
      attrs['data-status-label'] = options.statusLabel(status);
    }
    if (Object.keys(attrs).length > 0) {
      decorations.push(Decoration.node(offset, offset + node.nodeSize, attrs));
    }
  });
  return DecorationSet.create(doc, decorations);
}

export const DraftNumbering = Extension.create<NumberingOptions>({
  name: 'draftNumbering',
  addOptions() {
    return { style: 'oas', statusLabel: (status) => status };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<DecorationSet>({
        key: numberingKey,
        state: {
          init: (_config, state) => decorate(state.doc, options),
          apply: (tr, old, _oldState, newState) =>
            tr.docChanged ? decorate(newState.doc, options) : old,
        },
        props: {
          decorations: (state) => numberingKey.getState(state),
        },
      }),
    ];
  },
});
