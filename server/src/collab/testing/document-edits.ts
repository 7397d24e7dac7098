import * as Y from 'yjs';
import { BODY_FIELD } from '@accord/shared';

/** Edits as the editor makes them, on a device's `Y.Doc`, and a way to read the text back. */

export function body(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(BODY_FIELD);
}

/** Appends an operative paragraph (an element holding a text node), as the editor would. */
export function appendParagraph(doc: Y.Doc, id: string, text: string): Y.XmlText {
  const element = new Y.XmlElement('operative');
  element.setAttribute('id', id);
  element.setAttribute('status', 'pending');
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  body(doc).push([element]);
  return content;
}

/** The text node of the paragraph with the given id. */
export function paragraphText(doc: Y.Doc, id: string): Y.XmlText {
  for (const node of body(doc).toArray()) {
    if (node instanceof Y.XmlElement && node.getAttribute('id') === id) {
      const text = node.get(0);
      if (text instanceof Y.XmlText) return text;
    }
  }
  throw new Error(`no paragraph ${id}`);
}

/** The text of every paragraph, in order. */
export function paragraphs(doc: Y.Doc): string[] {
  return body(doc)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((child): string => (child instanceof Y.XmlText ? String(child.toString()) : ''))
            .join('')
        : '',
    );
}
