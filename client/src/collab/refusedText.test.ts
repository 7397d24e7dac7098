import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { BODY_FIELD } from '@accord/shared/protocol';
import { paragraphsOf, refusedPassages } from './refusedText';

function draft(paragraphs: [string, string][]): Y.Doc {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment(BODY_FIELD);
  body.insert(
    0,
    paragraphs.map(([id, text]) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('id', id);
      paragraph.insert(0, [new Y.XmlText(text)]);
      return paragraph;
    }),
  );
  return doc;
}

describe('the text a refused update would have added', () => {
  it('[MD3] finds the words typed into a paragraph the server also has', () => {
    const local = draft([
      ['p1', 'To request a report at its next regular session to the General Assembly'],
    ]);
    const server = draft([['p1', 'To request a report to the General Assembly']]);
    expect(refusedPassages(paragraphsOf(local), paragraphsOf(server))).toEqual([
      { paragraphId: 'p1', text: 'at its next regular session' },
    ]);
  });

  it('[MD3] keeps a whole paragraph the server never received, and ignores deletions', () => {
    const local = draft([
      ['p1', 'To request a report'],
      ['p2', 'To invite the Member States to share practices'],
    ]);
    const server = draft([['p1', 'To request a report to the General Assembly']]);
    expect(refusedPassages(paragraphsOf(local), paragraphsOf(server))).toEqual([
      { paragraphId: 'p2', text: 'To invite the Member States to share practices' },
    ]);
  });

  it('[MD3] finds nothing when the device had nothing the server lacks', () => {
    const same = draft([['p1', 'To request a report']]);
    expect(refusedPassages(paragraphsOf(same), paragraphsOf(same))).toEqual([]);
  });
});
