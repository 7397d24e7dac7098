import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { doc, operative } from '@accord/shared/testing';
import { blocks, draftEditor, placeCursor } from './testEditor';
import { TypographicQuotes } from './typographicQuotes';

/** Types as the keyboard does: each character offered to the input rules, else inserted. */
function type(editor: Editor, text: string): void {
  for (const character of text) {
    const { from, to } = editor.state.selection;
    const handled = editor.view.someProp('handleTextInput', (handle) =>
      handle(editor.view, from, to, character, () => editor.state.tr),
    );
    if (!handled) editor.view.dispatch(editor.state.tr.insertText(character, from, to));
  }
}

describe('typed quotation marks follow the document’s language', () => {
  let editor: Editor;
  afterEach(() => editor.destroy());

  const typeIn = (language: string, typed: string) => {
    editor = draftEditor(doc(operative('op1', 'To apply ')), [
      TypographicQuotes.configure({ language }),
    ]);
    placeCursor(editor, 'To apply ');
    type(editor, typed);
    return blocks(editor)[0]?.text;
  };

  it.each([
    ['en', 'To apply the “Charter” (“in full”)'],
    ['es', 'To apply the “Charter” (“in full”)'],
    ['fr', 'To apply the «\u202fCharter\u202f» («\u202fin full\u202f»)'],
    ['pt', 'To apply the “Charter” (“in full”)'],
  ])('[Y13] in a %s document, " opens and closes with the language’s marks', (language, text) => {
    expect(typeIn(language, 'the "Charter" ("in full")')).toBe(text);
  });

  it('[Y13] a quote typed after a letter closes, one after a space opens, and the stored text never holds a straight quote', () => {
    const text = typeIn('es', 'la "Carta" y la "Agenda"');
    expect(text).toBe('To apply la “Carta” y la “Agenda”');
    expect(text).not.toContain('"');
  });
});
