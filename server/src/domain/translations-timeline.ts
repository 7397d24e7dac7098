import * as Y from 'yjs';
import { BODY_FIELD } from '@accord/shared';
import { blockKeys } from '@accord/shared/comparison';
import type { DomainContext } from './context';

/** One state of a paragraph's text: the update that made it, when, and by whom. */
export interface ParagraphState {
  seq: number;
  at: number;
  author: string;
  text: string;
}

/** Every text a document's top-level paragraphs have had, by paragraph key, oldest first. */
export type ParagraphTimeline = Map<string, ParagraphState[]>;

/** The text of a block, nested blocks (sub-paragraphs) included, one per line. */
function blockText(element: Y.XmlElement): string {
  const parts: string[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      parts.push(
        (child.toDelta() as { insert?: unknown }[])
          .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
          .join(''),
      );
    } else if (child instanceof Y.XmlElement) {
      parts.push(`\n${blockText(child)}`);
    }
  }
  return parts.join('');
}

/** The text of each top-level paragraph now, by its key (the stable id where there is one). */
export function paragraphTexts(doc: Y.Doc): Map<string, string> {
  const elements = doc
    .getXmlFragment(BODY_FIELD)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
  const keys = blockKeys(
    elements.map((node) => ({ type: node.nodeName, attrs: node.getAttributes() })),
  );
  return new Map(elements.map((node, index) => [keys[index]!, blockText(node)]));
}

/**
 * Replays a document's attributed update log and records, for every paragraph, each text it
 * had and the update that gave it that text. The log is the only place that knows when a
 * paragraph changed: the Yjs state keeps what, not when.
 */
export async function paragraphTimeline(
  context: DomainContext,
  documentId: string,
): Promise<ParagraphTimeline> {
  const lastSeq = await context.rooms.read(documentId, (_doc, seq) => seq);
  const records = await context.storage.updates.history(documentId, 0, lastSeq);
  const doc = new Y.Doc();
  const timeline: ParagraphTimeline = new Map();
  let previous = new Map<string, string>();
  try {
    for (const record of records) {
      Y.applyUpdate(doc, record.update);
      const current = paragraphTexts(doc);
      for (const [key, text] of current) {
        if (previous.get(key) === text) continue;
        let states = timeline.get(key);
        if (!states) timeline.set(key, (states = []));
        states.push({ seq: record.seq, at: record.at, author: record.author, text });
      }
      previous = current;
    }
  } finally {
    doc.destroy();
  }
  return timeline;
}

/** The text a paragraph had just after update `seq` (undefined if it did not exist yet). */
export function textAtSeq(states: readonly ParagraphState[], seq: number): string | undefined {
  let text: string | undefined;
  for (const state of states) {
    if (state.seq > seq) break;
    text = state.text;
  }
  return text;
}

/** The text a paragraph had at time `at` (undefined if it did not exist yet). */
export function textAtTime(states: readonly ParagraphState[], at: number): string | undefined {
  let text: string | undefined;
  for (const state of states) {
    if (state.at > at) break;
    text = state.text;
  }
  return text;
}
