import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { DraftStyle, NodeJSON } from '@accord/shared/content';
import { newParagraphId } from '@accord/shared/ids';
import { PARAGRAPH_NODES } from '@accord/shared/schema/index';
import { textToBlocks } from '@accord/shared/paste';
import { htmlToPlainText, withoutStyles, isEditorHtml, isMultiLine } from './pasteText';

export interface PasteStructureOptions {
  /** The document's numbering and lead-word conventions, for the recogniser. */
  style: DraftStyle;
}

/** One line of text: line breaks at its ends dropped, inner ones made spaces. */
function asOneLine(text: string): string {
  return text.replace(/^[\r\n]+|[\r\n]+$/g, '').replace(/[ \t]*[\r\n]+[ \t]*/g, ' ');
}

/**
 * The blocks to insert for pasted `text`: what the recogniser finds, each with a fresh id.
 * Text it finds no structure in (only plain paragraphs) takes the type of the paragraph the
 * cursor is in, so two paragraphs pasted into a preambular one stay preambular.
 */
function blocksFor(text: string, style: DraftStyle, schema: Schema, here: PMNode): PMNode[] {
  const recognised = textToBlocks(text, style);
  // One plain paragraph (a PDF's wrapped sentence) stays a `paragraph`: the caller inserts it
  // inline rather than splitting the paragraph it lands in.
  const asHere =
    recognised.length > 1 &&
    !recognised.some((block) => block.type !== 'paragraph') &&
    PARAGRAPH_NODES.includes(here.type.name);
  return recognised.map((block: NodeJSON) => {
    const json: NodeJSON = asHere ? { type: here.type.name, content: block.content ?? [] } : block;
    // Pasted text is new text: a fresh id, and a status only the chair may set later.
    return renewed(schema.nodeFromJSON(json));
  });
}

/** A new id (and `pending`) for a pasted paragraph. */
function renewed(node: PMNode): PMNode {
  if (!PARAGRAPH_NODES.includes(node.type.name)) return node;
  const attrs: Record<string, unknown> = { ...node.attrs, id: newParagraphId() };
  if ('status' in attrs) attrs.status = 'pending';
  return node.type.create(attrs, node.content, node.marks);
}

/**
 * A slice copied from a draft (this one or another), its paragraphs renewed: a paste is new
 * text, so it never carries another paragraph's id or the chair's status. (Not done for drags
 * inside the editor: a moved paragraph keeps its id.)
 */
function renewedSlice(slice: Slice): Slice {
  const nodes: PMNode[] = [];
  slice.content.forEach((node) => nodes.push(renewed(node)));
  return new Slice(Fragment.fromArray(nodes), slice.openStart, slice.openEnd);
}

function handlePaste(
  view: EditorView,
  event: ClipboardEvent,
  parsed: Slice,
  style: DraftStyle,
): boolean {
  const data = event.clipboardData;
  if (!data || !view.editable) return false;
  const html = data.getData('text/html');
  // A copy from a draft keeps its structure, as ProseMirror parsed it with the schema.
  if (html && isEditorHtml(html)) {
    const tr = view.state.tr.replaceSelection(renewedSlice(parsed));
    view.dispatch(tr.scrollIntoView().setMeta('uiEvent', 'paste'));
    return true;
  }
  const text = (html ? htmlToPlainText(html) : '') || data.getData('text/plain');
  if (!text.trim()) return false;
  const { state } = view;
  if (!isMultiLine(text)) {
    view.dispatch(state.tr.insertText(asOneLine(text)).scrollIntoView());
    return true;
  }
  const { $from } = state.selection;
  const here = $from.depth >= 1 ? $from.node(1) : state.doc.child(0);
  let blocks: PMNode[];
  try {
    blocks = blocksFor(text, style, state.schema, here);
  } catch {
    return false; // Not valid in the schema after all: let ProseMirror paste it as text.
  }
  if (blocks.length === 0) return false;
  const only = blocks.length === 1 ? blocks[0] : undefined;
  if (only && only.type.name === 'paragraph') {
    // Wrapped lines of one unstructured paragraph (a PDF's): one line, inline.
    view.dispatch(state.tr.insertText(asOneLine(only.textContent)).scrollIntoView());
    return true;
  }
  const slice = new Slice(Fragment.fromArray(blocks), 0, 0);
  view.dispatch(state.tr.replaceSelection(slice).scrollIntoView().setMeta('uiEvent', 'paste'));
  return true;
}

/**
 * Paste from Word, a PDF or an e-mail lands in the draft schema: text with several lines goes
 * through the shared recogniser, so "3. To instruct …" becomes an operative paragraph and
 * "b. Promoting …" a sub-paragraph, each with a fresh id. HTML is reduced to its text first.
 * A single line is inserted inline, as typed text would be. A copy from a draft keeps its
 * structure, with fresh ids.
 */
export const PasteStructure = Extension.create<PasteStructureOptions>({
  name: 'pasteStructure',
  // Before any other paste handler: foreign markup must never reach the schema's parser.
  priority: 1000,
  addOptions() {
    return { style: 'oas' };
  },
  addProseMirrorPlugins() {
    const { style } = this.options;
    return [
      new Plugin({
        key: new PluginKey('pasteStructure'),
        props: {
          transformPastedHTML: (html) => withoutStyles(html),
          handlePaste: (view, event, slice) => handlePaste(view, event, slice, style),
        },
      }),
    ];
  },
});
