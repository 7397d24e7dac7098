import { describe, expect, it } from 'vitest';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { BODY_FIELD, draftToText } from '@accord/shared';
import { draftSchema } from '@accord/shared/schema/index';
import {
  any,
  element,
  encodeUpdate,
  firstParagraphText,
  format,
  text,
  xmlText,
} from '../collab/integrity/hostile-updates';
import { Bench, paragraph } from '../collab/integrity/fixtures';
import { EXPORT_FORMATS, exportDraft } from './export/index';
import { input } from './export/fixtures';
import { docToContent } from './ydoc';

/** A document that took junk before the update check refused it, written straight into Yjs. */
function junkDocument(): Y.Doc {
  const bench = new Bench([paragraph('p1', 'To urge member states'), paragraph('p2', 'To invite')]);
  const doc = bench.doc;
  const nested = [
    { id: Y.createID(7, 0), parent: BODY_FIELD as string | Y.ID, content: element('operative') },
  ];
  for (let i = 1; i < 20_000; i++) {
    nested.push({
      id: Y.createID(7, i),
      parent: Y.createID(7, i - 1),
      content: element('operative'),
    });
  }
  Y.applyUpdate(doc, encodeUpdate(nested));
  Y.applyUpdate(
    doc,
    encodeUpdate([
      { id: Y.createID(8, 0), parent: BODY_FIELD, content: any({ evil: true }) },
      { id: Y.createID(8, 1), parent: BODY_FIELD, content: element('script') },
      { id: Y.createID(8, 2), parent: BODY_FIELD, content: element('operative') },
      {
        id: Y.createID(8, 3),
        parent: Y.createID(8, 2),
        parentSub: 'status',
        content: any('final'),
      },
      { id: Y.createID(8, 4), parent: Y.createID(8, 2), content: xmlText() },
      { id: Y.createID(8, 5), parent: Y.createID(8, 4), content: text('kept words') },
      { id: Y.createID(8, 6), parent: firstParagraphText(doc), content: format('underline', {}) },
      { id: Y.createID(8, 7), parent: Y.createID(8, 2), content: any(42) },
    ]),
  );
  return doc;
}

describe('reading a document that holds junk', () => {
  it('[G9] the content keeps what the schema knows and skips the rest', () => {
    const content = docToContent(junkDocument());
    expect(() => draftSchema().nodeFromJSON(content).check()).not.toThrow();
    const text = draftToText(content, 'oas');
    expect(text).toContain('To urge member states');
    expect(text).toContain('kept words');
    expect(JSON.stringify(content)).not.toContain('evil');
    expect(JSON.stringify(content)).not.toContain('final');
  });

  it('[G9] every export renders it', async () => {
    const content = docToContent(junkDocument());
    for (const format of EXPORT_FORMATS) {
      const { body } = await exportDraft(format, input(content));
      expect(body.length).toBeGreaterThan(0);
    }
  });

  it('[G9] a valid body reads as y-tiptap reads it', () => {
    const bench = new Bench([paragraph('p1', 'hello')]);
    const inner = bench.body.get(0) as Y.XmlElement;
    (inner.get(0) as Y.XmlText).format(0, 2, { bold: {}, bracket: { delegations: ['Chile'] } });
    expect(docToContent(bench.doc)).toEqual(yXmlFragmentToProsemirrorJSON(bench.body));
  });
});
