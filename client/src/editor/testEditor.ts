import { Editor, type AnyExtension } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { NodeJSON } from '@accord/shared/content';
import { draftExtensions } from '@accord/shared/schema/index';

/**
 * Real Tiptap editors for the editor's unit tests (happy-dom gives them a DOM): the draft
 * schema plus the extensions under test, mounted in the document, content from the shared
 * builders (`@accord/shared/testing`).
 */

// ProseMirror reads the stylesheets of pasted HTML (Word sends one) through `CSSStyleSheet.rules`,
// the legacy alias every browser keeps for `cssRules`; happy-dom has only the standard name.
if (typeof CSSStyleSheet !== 'undefined' && !('rules' in CSSStyleSheet.prototype)) {
  Object.defineProperty(CSSStyleSheet.prototype, 'rules', {
    get(this: CSSStyleSheet) {
      return this.cssRules;
    },
  });
}

export function draftEditor(content: NodeJSON, extensions: AnyExtension[] = []): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  return new Editor({ element, extensions: [...draftExtensions, ...extensions], content });
}

/** One top-level block as a reader would describe it. */
export interface BlockSummary {
  type: string;
  id: string | null;
  text: string;
}

export function blocks(editor: Editor): BlockSummary[] {
  const out: BlockSummary[] = [];
  editor.state.doc.forEach((node) => {
    const id = node.attrs.id as unknown;
    out.push({
      type: node.type.name,
      id: typeof id === 'string' ? id : null,
      text: node.textContent,
    });
  });
  return out;
}

/**
 * Puts the cursor inside the first block whose text contains `text`, just before `text` (or
 * after it with `after`).
 */
export function placeCursor(
  editor: Editor,
  text: string,
  where: 'before' | 'after' = 'after',
): void {
  let found: number | null = null;
  editor.state.doc.forEach((node, offset) => {
    if (found !== null) return;
    const at = node.textContent.indexOf(text);
    if (at >= 0) found = offset + 1 + at + (where === 'after' ? text.length : 0);
  });
  if (found === null) throw new Error(`no block holds "${text}"`);
  const { tr } = editor.state;
  editor.view.dispatch(tr.setSelection(TextSelection.create(tr.doc, found)));
}

/** Presses a key in the editor, as the keyboard would (through ProseMirror's key handlers). */
export function press(editor: Editor, key: string, modifiers: { alt?: boolean } = {}): boolean {
  const event = new KeyboardEvent('keydown', { key, altKey: modifiers.alt ?? false });
  return editor.view.someProp('handleKeyDown', (handle) => handle(editor.view, event)) ?? false;
}

/** Pastes as the system clipboard would: its plain text, and the HTML a word processor adds. */
export function paste(editor: Editor, clipboard: { text: string; html?: string }): void {
  const data = new DataTransfer();
  data.setData('text/plain', clipboard.text);
  if (clipboard.html !== undefined) data.setData('text/html', clipboard.html);
  const event = new ClipboardEvent('paste', { clipboardData: data });
  if (clipboard.html !== undefined) editor.view.pasteHTML(clipboard.html, event);
  else editor.view.pasteText(clipboard.text, event);
}
