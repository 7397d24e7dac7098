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

/** The decorations, and per top-level block the attributes they add (for reuse). */
interface NumberingState {
  decorations: DecorationSet;
  attributes: (Record<string, string> | null)[];
}

const numberingKey = new PluginKey<NumberingState>('draftNumbering');

/**
 * Numbers and statuses as decorations: the numbers ("1.", "2 bis.", "a.", "(a)") are computed
 * from the shared `numberBlocks` on every change and shown with CSS, never stored in the text,
 * so inserting or moving a paragraph renumbers every screen at once and no two delegates can
 * edit a number into a conflict. The status label rides on the same node decoration.
 */
function decorate(doc: PMNode, options: NumberingOptions): NumberingState {
  const blocks: { type: string; attrs: Record<string, unknown> }[] = [];
  doc.forEach((node) => blocks.push({ type: node.type.name, attrs: node.attrs }));
  const numbers = numberBlocks(blocks, options.style);
  const attributes: (Record<string, string> | null)[] = [];
  doc.forEach((node, _offset, index) => {
    const attrs: Record<string, string> = {};
    const number = numbers[index];
    if (number) attrs['data-number'] = number.label;
    const status = node.attrs.status as unknown;
    if (typeof status === 'string' && 'status' in (node.type.spec.attrs ?? {})) {
      attrs['data-status-label'] = options.statusLabel(status);
    }
    attributes.push(Object.keys(attrs).length > 0 ? attrs : null);
  });
  return place(doc, attributes);
}

/** Node decorations carrying `attributes`, at the blocks' current positions. */
function place(doc: PMNode, attributes: NumberingState['attributes']): NumberingState {
  const decorations: Decoration[] = [];
  doc.forEach((node, offset, index) => {
    const attrs = attributes[index];
    if (attrs) decorations.push(Decoration.node(offset, offset + node.nodeSize, attrs));
  });
  return { decorations: DecorationSet.create(doc, decorations), attributes };
}

/**
 * Whether the two documents have the same blocks, of the same types with the same attributes,
 * in the same order: then only text inside them changed and so did no number or status. This
 * is every keystroke, on the typing screen and on every other one.
 */
function sameBlocks(before: PMNode, after: PMNode): boolean {
  if (before.childCount !== after.childCount) return false;
  for (let index = 0; index < after.childCount; index++) {
    const a = before.child(index);
    const b = after.child(index);
    if (a.type !== b.type) return false;
    if (a.attrs === b.attrs) continue;
    const keys = Object.keys(b.attrs);
    if (keys.length !== Object.keys(a.attrs).length) return false;
    for (const key of keys) if (a.attrs[key] !== b.attrs[key]) return false;
  }
  return true;
}

export const DraftNumbering = Extension.create<NumberingOptions>({
  name: 'draftNumbering',
  addOptions() {
    return { style: 'oas', statusLabel: (status) => status };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<NumberingState>({
        key: numberingKey,
        state: {
          init: (_config, state) => decorate(state.doc, options),
          // Remote changes replace whole blocks (the Yjs binding rebuilds what changed), so the
          // decorations are placed anew rather than mapped; only numbering and labels are kept.
          apply: (tr, old, oldState, newState) => {
            if (!tr.docChanged) return old;
            return sameBlocks(oldState.doc, newState.doc)
              ? place(newState.doc, old.attributes)
              : decorate(newState.doc, options);
          },
        },
        props: {
          decorations: (state) => numberingKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
