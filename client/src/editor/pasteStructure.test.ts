import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { doc, heading, operative, preambular } from '@accord/shared/testing';
import { PasteStructure } from './pasteStructure';
import { UniqueIds } from './uniqueIds';
import { blocks, draftEditor, paste, placeCursor } from './testEditor';

const draft = doc(
  heading('CONSIDERING:'),
  preambular('pre1', 'That MSMEs employ most workers;'),
  heading('RESOLVES:'),
  operative('op1', 'To urge member states to support MSMEs;'),
);

/** What Word puts on the clipboard for two numbered paragraphs and a lettered one. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{margin:0cm;font-family:"Calibri"}</style>
</head><body lang=EN-US><!--StartFragment-->
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>To request the
sectoral authorities to consider <b>policies</b> and programs;<o:p></o:p></p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span>3.<span>&nbsp;&nbsp; </span></span>To instruct the General Secretariat to support, by:<o:p></o:p></p>
<p class=MsoListParagraph style='margin-left:54.0pt;mso-list:l0 level2 lfo1'><span>a.<span>&nbsp; </span></span>Strengthening the institutional framework;<o:p></o:p></p>
<!--EndFragment--></body></html>`;

function summary(editor: Editor): [string, string][] {
  return blocks(editor).map((block) => [block.type, block.text]);
}

describe('paste recognition', () => {
  let editor: Editor;
  afterEach(() => editor.destroy());

  it('[Q9] numbered paragraphs from Word become operative and sub-paragraphs, without Word markup', () => {
    editor = draftEditor(draft, [PasteStructure, UniqueIds]);
    placeCursor(editor, 'to support MSMEs;');
    paste(editor, { text: 'unused: Word sends HTML', html: WORD_HTML });
    expect(summary(editor).slice(3)).toEqual([
      ['operative', 'To urge member states to support MSMEs;'],
      ['operative', 'To request the sectoral authorities to consider policies and programs;'],
      ['operative', 'To instruct the General Secretariat to support, by:'],
      ['subparagraph', 'Strengthening the institutional framework;'],
    ]);
    const html = editor.getHTML();
    expect(html).not.toMatch(/Mso|mso-|<b>|font-family/);
    const ids = blocks(editor).flatMap((block) => (block.id ? [block.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('[Q9] text from a PDF, its lines wrapped mid-sentence, becomes one paragraph per number', () => {
    editor = draftEditor(draft, [PasteStructure, UniqueIds]);
    placeCursor(editor, 'to support MSMEs;');
    paste(editor, {
      text: '2. To request the sectoral authorities to\nconsider policies and programs in\nsupport of MSMEs;\n3. To instruct the General\nSecretariat to report.\n',
    });
    expect(summary(editor).slice(4)).toEqual([
      [
        'operative',
        'To request the sectoral authorities to consider policies and programs in support of MSMEs;',
      ],
      ['operative', 'To instruct the General Secretariat to report.'],
    ]);
  });

  it('[Q9] wrapped lines of one unnumbered sentence are inserted inline, as one line', () => {
    editor = draftEditor(draft, [PasteStructure, UniqueIds]);
    placeCursor(editor, 'employ', 'before');
    const from = editor.state.selection.from;
    editor.commands.setTextSelection({ from, to: from + 'employ most workers'.length });
    paste(editor, { text: 'create most of the jobs in rural\nareas and in cities\n' });
    expect(summary(editor)).toHaveLength(4);
    expect(summary(editor)[1]).toEqual([
      'preambular',
      'That MSMEs create most of the jobs in rural areas and in cities;',
    ]);
  });

  it('[Q9] two plain paragraphs pasted into a preambular paragraph stay preambular', () => {
    editor = draftEditor(draft, [PasteStructure, UniqueIds]);
    placeCursor(editor, 'most workers;');
    paste(editor, {
      text: 'That MSMEs face barriers to credit\n\nThat training reaches few owners',
    });
    expect(summary(editor).filter(([type]) => type === 'preambular')).toHaveLength(3);
  });
});
