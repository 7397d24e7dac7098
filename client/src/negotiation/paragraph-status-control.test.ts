import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import type { NodeJSON } from '@accord/shared/content';
import { DraftCommands } from '../editor/draftCommands';
import { StatusGuard } from '../editor/statusGuard';
import { draftEditor } from '../editor/testEditor';
import { ParagraphStatusControl } from './paragraphStatusControl';

const operative = (id: string, text: string, status = 'pending'): NodeJSON => ({
  type: 'operative',
  attrs: { id, status },
  content: [{ type: 'text', text }],
});
const draft = (...blocks: NodeJSON[]): NodeJSON => ({ type: 'doc', content: blocks });

const editors: Editor[] = [];
function open(content: NodeJSON, chair: boolean) {
  const editor = draftEditor(content, [
    DraftCommands,
    StatusGuard.configure({ canSetStatus: chair }),
    ParagraphStatusControl.configure({
      canSetStatus: chair,
      style: 'oas',
      statusLabel: (status) =>
        ({ pending: 'Pending', ad_ref: 'Ad ref', agreed: 'Agreed' })[status]!,
      controlLabel: (paragraph) => `Status of paragraph ${paragraph}`,
    }),
  ]);
  editors.push(editor);
  return editor;
}

const statuses = (editor: Editor) => {
  const out: unknown[] = [];
  editor.state.doc.forEach((node) => out.push(node.attrs.status));
  return out;
};

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

describe('the status control beside each paragraph number', () => {
  it('[NB19] the chair has a menu per paragraph, named after its number, that sets its status', () => {
    const editor = open(
      draft(operative('p1', 'To urge'), operative('p2', 'To call', 'agreed')),
      true,
    );
    const menus = [...editor.view.dom.querySelectorAll('select')];
    expect(menus.map((m) => m.getAttribute('aria-label'))).toEqual([
      'Status of paragraph 1',
      'Status of paragraph 2',
    ]);
    expect(menus.map((m) => m.value)).toEqual(['pending', 'agreed']);
    expect([...menus[0]!.options].map((o) => o.textContent)).toEqual([
      'Pending',
      'Ad ref',
      'Agreed',
    ]);

    menus[0]!.value = 'ad_ref';
    menus[0]!.dispatchEvent(new Event('change'));
    expect(statuses(editor)).toEqual(['ad_ref', 'agreed']);
    // The menu follows the paragraph's status, and the words did not change.
    const redrawn = editor.view.dom.querySelectorAll('select');
    expect(redrawn[0]!.value).toBe('ad_ref');
    expect(editor.state.doc.child(0).textContent).toBe('To urge');
  });

  it('[NB19] a delegate sees the status but gets no control', () => {
    const editor = open(draft(operative('p1', 'To urge', 'agreed')), false);
    expect(editor.view.dom.querySelectorAll('select')).toHaveLength(0);
  });
});
