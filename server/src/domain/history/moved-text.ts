import * as Y from 'yjs';
import type { UpdateRecord } from '../../storage';
import { characterAt, readParagraphs, type ParagraphSnapshot } from './paragraphs';

/**
 * Who first wrote the words of a moved paragraph. The editor moves a paragraph by deleting its
 * Yjs element and inserting a copy (same id, same text) elsewhere, so every character of the
 * copy is a new character of the mover's client. Compared against a version older than the
 * move, the words typed between that version and the move would be credited to the mover. So
 * that only the move is the mover's, this replays the log between the two sides and, for every
 * update that re-creates a paragraph with the text it had just before, records which earlier
 * character each character of the copy stands for (following earlier moves, so a paragraph
 * moved twice goes back to its first writer).
 */

/** A character (client, clock) → the character it copies. */
export type MovedOrigin = (client: number, clock: number) => [number, number] | undefined;

/** Whether an update can be a move: it both creates an element and deletes something. */
function mayMove(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  if (ds.clients.size === 0) return false;
  return structs.some((s) => s instanceof Y.Item && s.content instanceof Y.ContentType);
}

export function movedOrigins(
  olderState: Uint8Array,
  records: readonly UpdateRecord[],
): MovedOrigin {
  const origins = new Map<string, [number, number]>();
  const originOf = (client: number, clock: number) => origins.get(`${client}:${clock}`);
  if (!records.some((r) => mayMove(r.update))) return originOf;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, olderState);
    for (const record of records) {
      if (!mayMove(record.update)) {
        Y.applyUpdate(doc, record.update);
        continue;
      }
      const before = new Map(readParagraphs(doc).map((p) => [p.key, p]));
      Y.applyUpdate(doc, record.update);
      for (const after of readParagraphs(doc)) {
        const earlier = before.get(after.key);
        if (earlier && earlier.element !== after.element && earlier.text === after.text) {
          copy(after, earlier, origins);
        }
      }
    }
  } finally {
    doc.destroy();
  }
  return originOf;
}

function copy(
  after: ParagraphSnapshot,
  earlier: ParagraphSnapshot,
  origins: Map<string, [number, number]>,
): void {
  for (let offset = 0; offset < after.text.length; offset++) {
    const [client, clock] = characterAt(after, offset);
    const [fromClient, fromClock] = characterAt(earlier, offset);
    if (client === fromClient && clock === fromClock) continue;
    const first = origins.get(`${fromClient}:${fromClock}`) ?? [fromClient, fromClock];
    origins.set(`${client}:${clock}`, first);
  }
}
