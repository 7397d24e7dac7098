import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import './guidance.css';

/** A template's drafting hints, by paragraph id (`guidance` of `GET /api/templates/:id`). */
export type Guidance = Readonly<Record<string, string>>;

export interface GuidanceHintsOptions {
  /** The word that introduces a hint ("Guidance"), in the reader's language. */
  label: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    guidanceHints: {
      /** Replaces the hints shown (the template's guidance arrives after the editor starts). */
      setGuidance: (guidance: Guidance) => ReturnType;
    };
  }
}

const guidanceKey = new PluginKey<Guidance>('guidanceHints');

function hintElement(label: string, hint: string): HTMLElement {
  const element = document.createElement('div');
  element.className = 'draft-guidance';
  element.contentEditable = 'false';
  element.setAttribute('role', 'note');
  const heading = document.createElement('span');
  heading.className = 'draft-guidance__label';
  heading.textContent = `${label}: `;
  element.append(heading, document.createTextNode(hint));
  return element;
}

/** The hint under the paragraph holding the cursor, if its template has one for it. */
function decorate(state: EditorState, label: string): DecorationSet | null {
  const guidance = guidanceKey.getState(state);
  const { $from } = state.selection;
  if (!guidance || $from.depth < 1) return null;
  const block = $from.node(1);
  const id = block.attrs.id as unknown;
  const hint = typeof id === 'string' ? guidance[id] : undefined;
  if (!hint) return null;
  const after = $from.after(1);
  const widget = Decoration.widget(after, () => hintElement(label, hint), {
    key: `guidance-${id as string}`,
    side: -1,
    ignoreSelection: true,
    stopEvent: () => true,
  });
  return DecorationSet.create(state.doc, [widget]);
}

/**
 * Drafting guidance from the document's template, shown as a quiet note under the paragraph
 * the drafter is in: "Operative paragraphs open with an infinitive …". A decoration, never
 * text: it is not shared, stored or exported, and disappears when the cursor leaves.
 */
export const GuidanceHints = Extension.create<GuidanceHintsOptions>({
  name: 'guidanceHints',
  addOptions() {
    return { label: 'Guidance' };
  },
  addCommands() {
    return {
      setGuidance:
        (guidance) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(guidanceKey, guidance).setMeta('addToHistory', false);
          return true;
        },
    };
  },
  addProseMirrorPlugins() {
    const { label } = this.options;
    return [
      new Plugin<Guidance>({
        key: guidanceKey,
        state: {
          init: () => ({}),
          apply: (tr, current) => (tr.getMeta(guidanceKey) as Guidance | undefined) ?? current,
        },
        props: { decorations: (state) => decorate(state, label) },
      }),
    ];
  },
});
