import * as Y from 'yjs';
import type { BenchClient } from './client';
import { makeToken } from './token';

/** The document's body, as Accord's schema names it (a Y.XmlFragment). */
const BODY = 'body';

/**
 * A writer's own operative paragraph, shaped as the editor makes it: an element holding a text
 * node. Each writer types at the end of its own paragraph, as delegates mostly do.
 */
export function openParagraph(client: BenchClient): Y.XmlText {
  const doc = client.doc;
  if (!doc) throw new RangeError(`${client.name} has no document`);
  const element = new Y.XmlElement('operative');
  const text = new Y.XmlText();
  doc.transact(() => {
    element.setAttribute('id', `p-${client.clientId.toString(36)}`);
    element.setAttribute('status', 'pending');
    element.insert(0, [text]);
    doc.getXmlFragment(BODY).push([element]);
  });
  return text;
}

/** Types one change (a token plus a space, about one word) and moves the cursor after it. */
export function typeChange(client: BenchClient, text: Y.XmlText, seq: number): number {
  const sentAt = performance.now();
  // The update is sent synchronously from the doc's update handler.
  text.insert(text.length, makeToken(client.writerIndex, seq, sentAt));
  const position: unknown = Y.relativePositionToJSON(
    Y.createRelativePositionFromTypeIndex(text, text.length),
  );
  client.sendAwareness({ anchor: position, head: position });
  return sentAt;
}

/**
 * Fills a document with about `bytes` of Yjs state in one transaction: paragraphs whose text was
 * written in many pieces (each prepended, so Yjs cannot merge them into one item), as a long
 * negotiated text with history would be.
 */
export function seedDocument(client: BenchClient, bytes: number): void {
  const doc = client.doc;
  if (!doc) throw new RangeError('the seed client has no document');
  const body = doc.getXmlFragment(BODY);
  const words =
    'the ministers recognise that micro small and medium enterprises need access to credit '.repeat(
      2,
    );
  doc.transact(() => {
    let paragraph = 0;
    // ~54 bytes of state per piece (40 characters plus struct overhead), 20 pieces per paragraph.
    const paragraphs = Math.ceil(bytes / (20 * 54));
    for (; paragraph < paragraphs; paragraph++) {
      const element = new Y.XmlElement('operative');
      const text = new Y.XmlText();
      element.setAttribute('id', `seed-${paragraph}`);
      element.setAttribute('status', 'pending');
      element.insert(0, [text]);
      body.push([element]);
      for (let piece = 0; piece < 20; piece++) {
        const start = (paragraph * 7 + piece * 13) % 80;
        text.insert(0, words.slice(start, start + 40));
      }
    }
  });
}
