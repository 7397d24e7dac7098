import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import {
  alternative,
  doc,
  heading,
  operative,
  organ,
  preambular,
  sub2,
  title,
} from '@accord/shared/testing';
import { SplitParagraph } from './splitParagraph';
import { UniqueIds } from './uniqueIds';
import { blocks, draftEditor, placeCursor, press } from './testEditor';

const draft = doc(
  title('STRENGTHENING OF MSMES'),
  organ('THE GENERAL ASSEMBLY,'),
  heading('CONSIDERING:'),
  preambular('pre1', 'That MSMEs employ most workers;'),
  heading('RESOLVES:'),
  operative('op1', 'To urge member states to support MSMEs;'),
  alternative('op1b', 'To urge member states to fund MSMEs;'),
  sub2('si', 'in rural areas;'),
);

/** Presses Enter at the end of the block holding `text` and says what block was made. */
function enterAfter(
  editor: Editor,
  text: string,
): { type: string; attrs: Record<string, unknown> } {
  placeCursor(editor, text);
  press(editor, 'Enter');
  const { $from } = editor.state.selection;
  const made = $from.node(1);
  return { type: made.type.name, attrs: made.attrs };
}

describe('Enter in the draft', () => {
  let editor: Editor;
  afterEach(() => editor.destroy());

  it('[Q8] after a lead heading comes the paragraph it leads: a preambular, or an operative', () => {
    editor = draftEditor(draft, [SplitParagraph]);
    expect(enterAfter(editor, 'CONSIDERING:').type).toBe('preambular');
    expect(enterAfter(editor, 'RESOLVES:').type).toBe('operative');
  });

  it('[Q8] after the organ comes a lead heading, after the title a note, never a second title', () => {
    editor = draftEditor(draft, [SplitParagraph]);
    expect(enterAfter(editor, 'THE GENERAL ASSEMBLY,').type).toBe('leadHeading');
    expect(enterAfter(editor, 'STRENGTHENING OF MSMES').type).toBe('paragraph');
    expect(blocks(editor).filter((block) => block.type === 'title')).toHaveLength(1);
  });

  it('[Q8] a new paragraph after an alternative is a pending operative of its own, not an alternative', () => {
    editor = draftEditor(draft, [SplitParagraph]);
    const made = enterAfter(editor, 'to fund MSMEs;');
    expect(made.type).toBe('operative');
    expect(made.attrs).toMatchObject({ status: 'pending', alternative: false });
    expect(made.attrs.id).not.toBe('op1b');
  });

  it('[Q8] a second-level sub-paragraph splits into two at the same level', () => {
    editor = draftEditor(draft, [SplitParagraph]);
    placeCursor(editor, 'in rural');
    press(editor, 'Enter');
    const subs: unknown[] = [];
    editor.state.doc.forEach((node) => {
      if (node.type.name === 'subparagraph') subs.push([node.attrs.level, node.textContent]);
    });
    expect(subs).toEqual([
      [2, 'in rural'],
      [2, ' areas;'],
    ]);
  });

  it('[Q8] a selection across words is replaced by the split, and typing goes on in the new paragraph', () => {
    editor = draftEditor(draft, [SplitParagraph, UniqueIds]);
    placeCursor(editor, 'employ', 'before');
    const from = editor.state.selection.from;
    editor.commands.setTextSelection({ from, to: from + 'employ '.length });
    press(editor, 'Enter');
    editor.commands.insertContent('provide ');
    const preambles = blocks(editor).filter((block) => block.type === 'preambular');
    expect(preambles.map((block) => block.text)).toEqual(['That MSMEs ', 'provide most workers;']);
    expect(preambles[0]?.id).toBe('pre1');
    expect(preambles[1]?.id).not.toBe('pre1');
  });
});
