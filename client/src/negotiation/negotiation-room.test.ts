import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BODY_FIELD } from '@accord/shared/protocol';
import { parseRoute } from '../router';
import { chairParagraph } from './RoomPage';

function paragraph(doc: Y.Doc, id: string, words: string): Y.XmlText {
  const element = new Y.XmlElement('operative');
  element.setAttribute('id', id);
  const text = new Y.XmlText();
  text.insert(0, words);
  element.insert(0, [text]);
  doc.getXmlFragment(BODY_FIELD).push([element]);
  return text;
}

describe('the room view', () => {
  it("[NB15] follows the paragraph holding the chair's cursor, not a delegate's", () => {
    const doc = new Y.Doc();
    const first = paragraph(doc, 'op-a', 'To urge member states');
    const second = paragraph(doc, 'op-b', 'To invite the Secretariat');
    const at = (text: Y.XmlText, index: number) =>
      Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index)) as unknown;
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { role: 'delegate' }, cursor: { anchor: at(first, 2), head: at(first, 2) } }],
      [2, { user: { role: 'chair' }, cursor: { anchor: at(second, 4), head: at(second, 4) } }],
    ]);
    expect(chairParagraph(doc, states)).toBe('op-b');
    states.delete(2);
    expect(chairParagraph(doc, states)).toBeNull();
    expect(parseRoute('/documents/doc_1/room')).toEqual({ page: 'room', documentId: 'doc_1' });
  });
});
