import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import * as Y from 'yjs';
import type { NodeJSON } from '@accord/shared/content';
import { draftEditor } from '../editor/testEditor';
import { summarise } from './summary';

const operative = (id: string, status: string, text: NodeJSON[]): NodeJSON => ({
  type: 'operative',
  attrs: { id, status },
  content: text,
});
const bracketed = (text: string, id: string, delegations: string[]): NodeJSON => ({
  type: 'text',
  text,
  marks: [{ type: 'bracket', attrs: { id, delegations } }],
});

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

describe("the chair's dashboard", () => {
  it('[NB14] counts paragraphs by status, brackets by delegation (joined ones too) and open comments', () => {
    const editor = draftEditor({
      type: 'doc',
      content: [
        operative('op-a', 'agreed', [{ type: 'text', text: 'Agreed words' }]),
        operative('op-b', 'pending', [
          { type: 'text', text: 'To urge ' },
          bracketed('member states', 'br-1', ['Chile']),
        ]),
        operative('op-c', 'ad_ref', [bracketed('all', 'br-2', ['Peru'])]),
      ],
    });
    editors.push(editor);
    const doc = new Y.Doc();
    doc.getMap('bracketSponsors').set('br-1:Peru', true);
    const comments = doc.getMap('comments');
    comments.set('c1', { id: 'c1', resolved: false });
    comments.set('c2', { id: 'c2', resolved: true });
    comments.set('c3', { id: 'c3', resolved: false, parent: 'c1' });

    const summary = summarise(editor.state.doc, doc);
    expect(
      Object.fromEntries(
        Object.entries(summary.byStatus).map(([s, list]) => [s, list.map((e) => e.label)]),
      ),
    ).toEqual({ pending: ['2'], ad_ref: ['3'], agreed: ['1'] });
    expect(summary.brackets).toBe(2);
    expect(summary.bracketsByDelegation.map(([d, list]) => [d, list.map((e) => e.label)])).toEqual([
      ['Chile', ['2']],
      ['Peru', ['2', '3']],
    ]);
    expect(summary.openComments).toBe(1);
  });

  it('[NB43] counts open proposals, each once however many paragraphs it spans', () => {
    const proposed = (text: string, id: string, kind: 'insert' | 'delete'): NodeJSON => ({
      type: 'text',
      text,
      marks: [
        {
          type: 'proposal',
          attrs: { kind, id, delegations: ['Belize'], participant: 'p-belize' },
        },
      ],
    });
    const editor = draftEditor({
      type: 'doc',
      content: [
        operative('op-a', 'pending', [
          { type: 'text', text: 'To urge ' },
          proposed('all ', 'pr-1', 'delete'),
          proposed('member states', 'pr-2', 'insert'),
        ]),
        operative('op-b', 'pending', [proposed('and observers', 'pr-2', 'insert')]),
        operative('op-c', 'pending', [{ type: 'text', text: 'No proposal here' }]),
      ],
    });
    editors.push(editor);
    expect(summarise(editor.state.doc, new Y.Doc()).openProposals).toBe(2);
    const none = draftEditor({
      type: 'doc',
      content: [operative('op-d', 'pending', [{ type: 'text', text: 'Clean' }])],
    });
    editors.push(none);
    expect(summarise(none.state.doc, new Y.Doc()).openProposals).toBe(0);
  });
});
