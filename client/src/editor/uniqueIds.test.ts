import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { doc, heading, operative, preambular, title, withStatus } from '@accord/shared/testing';
import { DraftCommands } from './draftCommands';
import { PasteStructure } from './pasteStructure';
import { SplitParagraph } from './splitParagraph';
import { UniqueIds } from './uniqueIds';
import { blocks, draftEditor, paste, placeCursor, press } from './testEditor';

const draft = doc(
  title('STRENGTHENING OF MSMES'),
  heading('CONSIDERING:'),
  preambular('pre1', 'That MSMEs employ most workers;'),
  heading('RESOLVES:'),
  operative('op1', 'To urge member states to support MSMEs;'),
  operative('op2', 'To request a report.'),
);

function ids(editor: Editor): string[] {
  return blocks(editor).flatMap((block) => (block.id === null ? [] : [block.id]));
}

describe('unique paragraph ids', () => {
  let editor: Editor;
  afterEach(() => editor.destroy());

  it('[Q3] a paragraph split with Enter gets a fresh id; the first half keeps its own', () => {
    editor = draftEditor(draft, [UniqueIds, SplitParagraph]);
    placeCursor(editor, 'To urge member states');
    press(editor, 'Enter');
    const operatives = blocks(editor).filter((block) => block.type === 'operative');
    expect(operatives.map((block) => block.text)).toEqual([
      'To urge member states',
      ' to support MSMEs;',
      'To request a report.',
    ]);
    expect(operatives[0]?.id).toBe('op1');
    expect(operatives[1]?.id).toMatch(/^p[A-Za-z0-9]{10}$/);
    expect(new Set(ids(editor)).size).toBe(ids(editor).length);
  });

  it('[Q3] Enter at the start of a paragraph adds an empty one before it; the text keeps its id', () => {
    editor = draftEditor(draft, [UniqueIds, SplitParagraph]);
    placeCursor(editor, 'To request', 'before');
    press(editor, 'Enter');
    const operatives = blocks(editor).filter((block) => block.type === 'operative');
    expect(operatives.map((block) => block.text)).toEqual([
      'To urge member states to support MSMEs;',
      '',
      'To request a report.',
    ]);
    expect(operatives[2]?.id).toBe('op2');
    expect(operatives[1]?.id).not.toBe('op2');
  });

  it('[Q4] paragraphs copied within the draft and pasted get fresh ids and start pending', () => {
    editor = draftEditor(
      doc(
        operative('op1', 'To urge member states;'),
        withStatus('agreed', operative('op2', 'To request a report.')),
      ),
      [UniqueIds, PasteStructure],
    );
    // What a copy of both paragraphs puts on the clipboard, as ProseMirror serialises it.
    const slice = editor.state.doc.slice(0, editor.state.doc.content.size);
    const { dom, text } = editor.view.serializeForClipboard(slice);
    placeCursor(editor, 'To request a report.');
    paste(editor, { text, html: dom.innerHTML });
    const pasted: { id: unknown; status: unknown; text: string }[] = [];
    editor.state.doc.forEach((node) =>
      pasted.push({ id: node.attrs.id, status: node.attrs.status, text: node.textContent }),
    );
    expect(pasted.map((p) => p.text)).toEqual([
      'To urge member states;',
      'To request a report.',
      'To urge member states;',
      'To request a report.',
    ]);
    expect(pasted.slice(0, 2).map((p) => p.id)).toEqual(['op1', 'op2']);
    expect(new Set(ids(editor)).size).toBe(4);
    // The chair agreed the original; its copy is a new proposal.
    expect(pasted.slice(2).map((p) => p.status)).toEqual(['pending', 'pending']);
  });

  it('[Q5] a paragraph moved with Alt+↓ keeps its id, and so does the one it passes', () => {
    editor = draftEditor(draft, [UniqueIds, DraftCommands]);
    placeCursor(editor, 'To urge');
    press(editor, 'ArrowDown', { alt: true });
    expect(blocks(editor).slice(-2)).toEqual([
      { type: 'operative', id: 'op2', text: 'To request a report.' },
      { type: 'operative', id: 'op1', text: 'To urge member states to support MSMEs;' },
    ]);
  });

  it('[Q3] a paragraph given a duplicate id by a command is renamed, the original keeps it', () => {
    editor = draftEditor(draft, [UniqueIds]);
    const { state } = editor;
    let at = -1;
    state.doc.forEach((node, offset) => {
      if (node.attrs.id === 'op2') at = offset;
    });
    const node = state.doc.nodeAt(at);
    if (!node) throw new Error('op2 not found');
    editor.view.dispatch(state.tr.setNodeMarkup(at, undefined, { ...node.attrs, id: 'op1' }));
    expect(ids(editor)).toHaveLength(3);
    expect(new Set(ids(editor)).size).toBe(3);
    expect(ids(editor)[1]).toBe('op1');
  });
});
