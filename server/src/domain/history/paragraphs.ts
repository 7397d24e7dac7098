import * as Y from 'yjs';
import { BODY_FIELD, type NodeJSON } from '@accord/shared';

/**
 * A paragraph of one version as the comparison sees it: its key, its text, and the Yjs id of
 * every character, so that a character can be followed from one version to another and back to
 * the update that inserted or deleted it.
 */
export interface ParagraphSnapshot {
  /** The stable `id` attribute, or, for blocks without one, the id of their Yjs element. */
  key: string;
  /** The Yjs element holding it: a move (delete and insert again) gives a new one. */
  element: string;
  type: string;
  attrs: Record<string, unknown>;
  text: string;
  /** Client and clock of each UTF-16 unit of `text` (Yjs counts clocks the same way). */
  clients: number[];
  clocks: number[];
}

/** Every character id of a document: client → clocks present. */
export type CharacterSet = Map<number, Set<number>>;

function readText(type: Y.XmlText, into: ParagraphSnapshot): void {
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    const text = item.content.str;
    into.text += text;
    for (let i = 0; i < text.length; i++) {
      into.clients.push(item.id.client);
      into.clocks.push(item.id.clock + i);
    }
  }
}

/** The top-level blocks of a document's body, in order. */
export function readParagraphs(doc: Y.Doc): ParagraphSnapshot[] {
  const seen = new Set<string>();
  const out: ParagraphSnapshot[] = [];
  for (const node of doc.getXmlFragment(BODY_FIELD).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const attrs = node.getAttributes() as Record<string, unknown>;
    const own = typeof attrs.id === 'string' && attrs.id !== '' ? attrs.id : null;
    const item = node._item;
    let key = own ?? (item ? `y${item.id.client}.${item.id.clock}` : `i${out.length}`);
    // A duplicated id (two clients split at once) must not merge two paragraphs.
    if (seen.has(key) && item) key = `y${item.id.client}.${item.id.clock}`;
    seen.add(key);
    const paragraph: ParagraphSnapshot = {
      key,
      element: item ? `${item.id.client}.${item.id.clock}` : key,
      type: node.nodeName,
      attrs,
      text: '',
      clients: [],
      clocks: [],
    };
    for (const child of node.toArray()) if (child instanceof Y.XmlText) readText(child, paragraph);
    out.push(paragraph);
  }
  return out;
}

export function characterSet(paragraphs: readonly ParagraphSnapshot[]): CharacterSet {
  const set: CharacterSet = new Map();
  for (const p of paragraphs) {
    p.clients.forEach((client, i) => {
      let clocks = set.get(client);
      if (!clocks) set.set(client, (clocks = new Set()));
      clocks.add(p.clocks[i]!);
    });
  }
  return set;
}

export function hasCharacter(set: CharacterSet, client: number, clock: number): boolean {
  return set.get(client)?.has(clock) ?? false;
}

/** Blocks as the numbering wants them. */
export function asBlocks(paragraphs: readonly ParagraphSnapshot[]): NodeJSON[] {
  return paragraphs.map((p) => ({ type: p.type, attrs: p.attrs }));
}
