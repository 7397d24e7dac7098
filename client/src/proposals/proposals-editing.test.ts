import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { doc, operative } from '@accord/shared/testing';
import { draftEditor, placeCursor, press } from '../editor/testEditor';
import { openProposals } from './openProposals';
import { Proposing } from './proposing';

const CANADA = { participant: 'ana', delegation: 'Canada' };

function typeText(editor: Editor, text: string): void {
  const { from, to } = editor.state.selection;
  editor.view.someProp('handleTextInput', (handle) =>
    handle(editor.view, from, to, text, () => editor.state.tr),
  );
}

describe('[PR11] proposing in the editor', () => {
  let editor: Editor;
  afterEach(() => editor.destroy());

  const open = () => {
    editor = draftEditor(doc(operative('op1', 'Member States agree to promote enterprises.')), [
      Proposing.configure({ proposer: CANADA }),
    ]);
    editor.commands.setProposing(true);
  };

  it('[PR11] typed words become one insertion proposal of the delegation; the text around stays', () => {
    open();
    placeCursor(editor, 'promote');
    typeText(editor, ' and');
    typeText(editor, ' support');
    expect(editor.state.doc.textContent).toBe(
      'Member States agree to promote and support enterprises.',
    );
    expect(openProposals(editor.state.doc)).toEqual([
      expect.objectContaining({
        kind: 'insert',
        text: ' and support',
        delegation: 'Canada',
        paragraphId: 'op1',
      }),
    ]);
  });

  it('[PR11] deleting agreed words marks them for deletion; deleting one’s own inserted words removes them', () => {
    open();
    placeCursor(editor, 'Member ');
    for (let i = 0; i < 'Member '.length; i++) press(editor, 'Backspace');
    expect(editor.state.doc.textContent).toBe('Member States agree to promote enterprises.');
    expect(openProposals(editor.state.doc)).toEqual([
      expect.objectContaining({ kind: 'delete', text: 'Member ', delegation: 'Canada' }),
    ]);
    placeCursor(editor, 'promote');
    typeText(editor, ' all');
    press(editor, 'Backspace');
    press(editor, 'Backspace');
    expect(editor.state.doc.textContent).toBe('Member States agree to promote a enterprises.');
    expect(openProposals(editor.state.doc).map((p) => [p.kind, p.text])).toEqual([
      ['delete', 'Member '],
      ['insert', ' a'],
    ]);
  });

  it('[PR11] with proposing off, typing edits the text directly', () => {
    open();
    editor.commands.setProposing(false);
    placeCursor(editor, 'promote');
    expect(press(editor, 'Backspace')).toBe(false);
  });
});
