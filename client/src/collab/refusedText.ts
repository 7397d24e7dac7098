import * as Y from 'yjs';
import { BODY_FIELD } from '@accord/shared/protocol';

/** One paragraph's plain text, with the paragraph id the editor gives every block. */
export interface ParagraphText {
  id: string | null;
  text: string;
}

/** Text the server refused: what only this device had, and the paragraph it was typed in. */
export interface RefusedPassage {
  paragraphId: string | null;
  text: string;
}

function textOf(node: Y.XmlText): string {
  let text = '';
  for (const op of node.toDelta() as { insert?: unknown }[]) {
    if (typeof op.insert === 'string') text += op.insert;
  }
  return text;
}

function collect(element: Y.XmlElement | Y.XmlFragment, into: ParagraphText[]): void {
  const children = element.toArray();
  const isTextBlock =
    element instanceof Y.XmlElement && children.every((child) => child instanceof Y.XmlText);
  if (isTextBlock) {
    const id: unknown = element.getAttribute('id');
    into.push({
      id: typeof id === 'string' ? id : null,
      text: children.map((child) => (child instanceof Y.XmlText ? textOf(child) : '')).join(''),
    });
    return;
  }
  for (const child of children) {
    if (child instanceof Y.XmlElement) collect(child, into);
  }
}

/** Every text block of a draft, in reading order. */
export function paragraphsOf(doc: Y.Doc): ParagraphText[] {
  const paragraphs: ParagraphText[] = [];
  collect(doc.getXmlFragment(BODY_FIELD), paragraphs);
  return paragraphs;
}

/**
 * What the local copy had that the server's does not, paragraph by paragraph. A paragraph the
 * server lacks is refused whole; in a paragraph both have, the refused words are what lies
 * between the longest common start and end (a delegate types in one place between two
 * exchanges, which is when a lock or restore lands). Only insertions count: words the delegate
 * deleted are still in the server's text, so nothing of theirs is lost.
 */
export function refusedPassages(local: ParagraphText[], server: ParagraphText[]): RefusedPassage[] {
  const serverById = new Map<string, string>();
  for (const paragraph of server) if (paragraph.id) serverById.set(paragraph.id, paragraph.text);
  const serverTexts = new Set(server.map((paragraph) => paragraph.text));
  const passages: RefusedPassage[] = [];
  for (const paragraph of local) {
    const mine = paragraph.text;
    if (!mine.trim()) continue;
    const theirs = paragraph.id ? serverById.get(paragraph.id) : undefined;
    if (theirs === undefined) {
      if (!serverTexts.has(mine)) passages.push({ paragraphId: paragraph.id, text: mine.trim() });
      continue;
    }
    let start = 0;
    while (start < mine.length && start < theirs.length && mine[start] === theirs[start]) start++;
    let end = 0;
    while (
      end < mine.length - start &&
      end < theirs.length - start &&
      mine[mine.length - 1 - end] === theirs[theirs.length - 1 - end]
    )
      end++;
    const added = mine.slice(start, mine.length - end).trim();
    if (added) passages.push({ paragraphId: paragraph.id, text: added });
  }
  return passages;
}
