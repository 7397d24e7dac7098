import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import * as Y from 'yjs';
import type { NodeJSON } from '@accord/shared/content';
import { numberBlocks } from '@accord/shared/numbering';
import { DraftBrackets, findBrackets } from './brackets';
import { DraftCommands } from './draftCommands';
import { FrozenNumbers } from './frozenNumbers';
import { StatusGuard } from './statusGuard';
import { draftEditor, placeCursor } from './testEditor';

const operative = (id: string, text: string, status = 'pending'): NodeJSON => ({
  type: 'operative',
  attrs: { id, status },
  content: [{ type: 'text', text }],
});
const draft = (...blocks: NodeJSON[]): NodeJSON => ({ type: 'doc', content: blocks });

const editors: Editor[] = [];
function open(content: NodeJSON, who: { delegation: string; chair?: boolean }, doc = new Y.Doc()) {
  const editor = draftEditor(content, [
    DraftCommands,
    FrozenNumbers,
    DraftBrackets.configure({
      doc,
      delegation: who.delegation,
      canRemoveAnyBracket: who.chair ?? false,
    }),
    StatusGuard.configure({ canSetStatus: who.chair ?? false }),
  ]);
  editors.push(editor);
  return { editor, doc };
}

function select(editor: Editor, text: string) {
  let from = -1;
  editor.state.doc.forEach((node, offset) => {
    const at = node.textContent.indexOf(text);
    if (from < 0 && at >= 0) from = offset + 1 + at;
  });
  editor.view.dispatch(
    editor.state.tr.setSelection(TextSelection.create(editor.state.doc, from, from + text.length)),
  );
}

const labels = (editor: Editor) => {
  const blocks: NodeJSON[] = [];
  editor.state.doc.forEach((node) => blocks.push({ type: node.type.name, attrs: node.attrs }));
  return numberBlocks(blocks, 'oas').map((n) => n?.label ?? null);
};

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

describe('the negotiation tools in the editor', () => {
  it('[NB10] "Bracket" records our delegation; another delegation joins the bracket through the side table', () => {
    const shared = new Y.Doc();
    const { editor } = open(
      draft(operative('op-a', 'To urge member states')),
      { delegation: 'Chile' },
      shared,
    );
    select(editor, 'member states');
    expect(editor.commands.bracketSelection()).toBe(true);
    const [placed] = findBrackets(editor.state.doc, shared.getMap('bracketSponsors'));
    expect(placed?.holders).toEqual(['Chile']);
    expect(editor.state.doc.textBetween(placed!.from, placed!.to)).toBe('member states');

    const peru = open(editor.getJSON() as NodeJSON, { delegation: 'Peru' }, shared).editor;
    select(peru, 'states');
    expect(peru.commands.bracketSelection()).toBe(true);
    expect(findBrackets(peru.state.doc, shared.getMap('bracketSponsors'))[0]?.holders).toEqual([
      'Chile',
      'Peru',
    ]);
    // Peru cannot lift a bracket Chile holds; it only withdraws its own name.
    select(peru, 'member states');
    expect(peru.commands.removeBrackets()).toBe(true);
    expect(findBrackets(peru.state.doc, shared.getMap('bracketSponsors'))[0]?.holders).toEqual([
      'Chile',
    ]);
  });

  it('[NB11] a delegate cannot edit an agreed paragraph; the chair can, and it drops to pending', () => {
    const content = draft(
      operative('op-a', 'Agreed words', 'agreed'),
      operative('op-b', 'Open words'),
    );
    const delegate = open(content, { delegation: 'Chile' }).editor;
    placeCursor(delegate, 'Agreed');
    delegate.commands.insertContent('not ');
    expect(delegate.state.doc.child(0).textContent).toBe('Agreed words');
    placeCursor(delegate, 'Open');
    delegate.commands.insertContent(' more');
    expect(delegate.state.doc.child(1).textContent).toBe('Open more words');

    const chair = open(content, { delegation: 'Belize', chair: true }).editor;
    placeCursor(chair, 'Agreed');
    chair.commands.insertContent(' final');
    expect(chair.state.doc.child(0).textContent).toBe('Agreed final words');
    expect(chair.state.doc.child(0).attrs.status).toBe('pending');
    // Setting a status is not an edit of the words: it stays as set.
    chair.commands.setParagraphStatus('agreed');
    expect(chair.state.doc.child(0).attrs.status).toBe('agreed');
  });

  it('[NB12] "Freeze numbering" keeps numbers (a new paragraph reads 2 bis); "Renumber" clears them', () => {
    const { editor } = open(
      draft(operative('op-a', 'One'), operative('op-b', 'Two'), operative('op-c', 'Three')),
      { delegation: 'Belize', chair: true },
    );
    expect(editor.commands.freezeNumbering()).toBe(true);
    placeCursor(editor, 'Two');
    editor.commands.insertBlockAfter('operative');
    expect(labels(editor)).toEqual(['1.', '2.', '2 bis.', '3.']);
    expect(editor.commands.renumber()).toBe(true);
    expect(labels(editor)).toEqual(['1.', '2.', '3.', '4.']);
  });
});
