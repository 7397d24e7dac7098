import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import {
  alternative,
  doc,
  heading,
  operative,
  preambular,
  sub,
  sub2,
  title,
} from '@accord/shared/testing';
import { DraftCommands } from './draftCommands';
import { DraftNumbering } from './numbering';
import { draftEditor, placeCursor, press } from './testEditor';

const draft = doc(
  title('STRENGTHENING OF MSMES'),
  heading('CONSIDERING:'),
  preambular('pre1', 'That MSMEs employ most workers;'),
  heading('RESOLVES:'),
  operative('op1', 'To urge member states to support MSMEs;'),
  operative('op2', 'To request the authorities to consider policies;'),
  alternative('op2b', 'To request the authorities to adopt policies;'),
  alternative('op2c', 'To request the authorities to review policies;'),
  operative('op3', 'To instruct the Secretariat to support efforts by:'),
  sub('sa', 'Strengthening frameworks;'),
  sub2('sai', 'in rural areas;'),
  sub2('saii', 'in cities;'),
  sub('sb', 'Promoting the Internet;'),
);

/** The number shown before each paragraph, with the start of its text, as a reader sees them. */
function shownNumbers(editor: Editor): string[] {
  return [...editor.view.dom.querySelectorAll<HTMLElement>('[data-number]')].map(
    (element) => `${element.dataset.number} ${element.textContent?.split(' ')[0]}`,
  );
}

describe('paragraph numbering', () => {
  let editor: Editor;
  afterEach(() => editor.destroy());

  it('[Q6] OAS style: 1., 2., 2 bis., 2 ter., 3., then a., i., ii., b.; headings and preambles unnumbered', () => {
    editor = draftEditor(draft, [DraftNumbering.configure({ style: 'oas' })]);
    expect(shownNumbers(editor)).toEqual([
      '1. To',
      '2. To',
      '2 bis. To',
      '2 ter. To',
      '3. To',
      'a. Strengthening',
      'i. in',
      'ii. in',
      'b. Promoting',
    ]);
  });

  it('[Q7] UN style: sub-paragraphs in parentheses, (a) and (i)', () => {
    editor = draftEditor(draft, [DraftNumbering.configure({ style: 'un' })]);
    expect(shownNumbers(editor).slice(4)).toEqual([
      '3. To',
      '(a) Strengthening',
      '(i) in',
      '(ii) in',
      '(b) Promoting',
    ]);
  });

  it('[Q6] moving a paragraph renumbers at once; typing changes no number', () => {
    editor = draftEditor(draft, [DraftNumbering.configure({ style: 'oas' }), DraftCommands]);
    placeCursor(editor, 'To urge');
    press(editor, 'ArrowDown', { alt: true });
    const numbered = () =>
      [...editor.view.dom.querySelectorAll<HTMLElement>('[data-number]')]
        .slice(0, 3)
        .map((element) => `${element.dataset.number} ${element.textContent}`);
    // "To urge" now follows op2, so op2's alternatives read as alternatives to it.
    expect(numbered()).toEqual([
      '1. To request the authorities to consider policies;',
      '2. To urge member states to support MSMEs;',
      '2 bis. To request the authorities to adopt policies;',
    ]);
    editor.commands.insertContent(' strongly');
    expect(numbered()).toEqual([
      '1. To request the authorities to consider policies;',
      '2. To urge strongly member states to support MSMEs;',
      '2 bis. To request the authorities to adopt policies;',
    ]);
  });

  it('[Q6] the status label rides on the same paragraph', () => {
    editor = draftEditor(draft, [
      DraftNumbering.configure({ style: 'oas', statusLabel: (status) => `status:${status}` }),
    ]);
    const preamble = editor.view.dom.querySelector<HTMLElement>('[data-status-label]');
    expect(preamble?.textContent).toBe('That MSMEs employ most workers;');
    expect(preamble?.dataset.statusLabel).toBe('status:pending');
  });
});
