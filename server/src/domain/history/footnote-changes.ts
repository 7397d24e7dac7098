import * as Y from 'yjs';
import type { UpdateRecord } from '../../storage';
import { readParagraphs, type ParagraphSnapshot } from './paragraphs';
import type { Authorship } from './word-spans';

/**
 * Who put a footnote on a paragraph's words, or took it off, between two versions. A note is a
 * mark, not characters: put on words already there, it adds no character the comparison could
 * credit by its Yjs client, so the words stay `equal` and the note would be nobody's. This
 * replays the log from the older side and credits each note that appeared (or vanished) to the
 * update after which it last did, like the author and time of every other change.
 */

/** A note put on (`insert`) or taken off (`delete`) a paragraph, before names are attached. */
export interface RawNoteChange extends Partial<Authorship> {
  kind: 'insert' | 'delete';
  id: string;
  text: string;
}

const noteKey = (paragraph: string, id: string, text: string) =>
  `${paragraph}\u0000${id}\u0000${text}`;

/** Every (paragraph, note) pair of one side, keyed by `noteKey`. */
function placedNotes(paragraphs: readonly ParagraphSnapshot[]) {
  const placed = new Map<string, { paragraph: string; id: string; text: string }>();
  for (const p of paragraphs) {
    for (const note of p.notes ?? [])
      placed.set(noteKey(p.key, note.id, note.text), { paragraph: p.key, ...note });
  }
  return placed;
}

/**
 * Whether an update can put a note on or take one off: it carries a format item (a mark set,
 * or text typed with marks), a new element, or a deletion. Plain typing cannot.
 */
function mayChangeNotes(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  if (ds.clients.size > 0) return true;
  return structs.some(
    (s) =>
      s instanceof Y.Item &&
      (s.content instanceof Y.ContentFormat || s.content instanceof Y.ContentType),
  );
}

/**
 * The note changes of each paragraph (by key) between an older and a newer side, in the terms
 * of a comparison that goes `forwards` (older → newer) or backwards. Without the older side's
 * state the changes are listed with no author.
 */
export function footnoteChanges(
  older: readonly ParagraphSnapshot[],
  newer: readonly ParagraphSnapshot[],
  olderState: Uint8Array | undefined,
  records: readonly UpdateRecord[],
  forwards: boolean,
): Map<string, RawNoteChange[]> {
  const before = placedNotes(older);
  const after = placedNotes(newer);
  const appeared = [...after].filter(([key]) => !before.has(key));
  const vanished = [...before].filter(([key]) => !after.has(key));
  const changes = new Map<string, RawNoteChange[]>();
  if (appeared.length === 0 && vanished.length === 0) return changes;

  const credit = new Map<string, Authorship>();
  if (olderState) {
    const watched = new Map<string, boolean>();
    for (const [key] of appeared) watched.set(key, false);
    for (const [key] of vanished) watched.set(key, true);
    const paragraphs = new Set([...appeared, ...vanished].map(([, note]) => note.paragraph));
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, olderState);
      for (const record of records) {
        Y.applyUpdate(doc, record.update);
        if (!mayChangeNotes(record.update)) continue;
        const now = placedNotes(readParagraphs(doc, paragraphs));
        for (const [key, was] of watched) {
          const is = now.has(key);
          if (is === was) continue;
          watched.set(key, is);
          // The last update that made a note appear (or vanish) is the one that stands.
          if (is === after.has(key)) credit.set(key, { author: record.author, at: record.at });
        }
      }
    } finally {
      doc.destroy();
    }
  }

  const add = (
    [key, note]: [string, { paragraph: string; id: string; text: string }],
    grew: boolean,
  ) => {
    // Backwards, a note the newer side gained is one the comparison's `to` side lacks.
    const kind = grew === forwards ? 'insert' : 'delete';
    const who = credit.get(key);
    const list = changes.get(note.paragraph) ?? [];
    list.push({ kind, id: note.id, text: note.text, ...who });
    changes.set(note.paragraph, list);
  };
  for (const entry of vanished) add(entry, false);
  for (const entry of appeared) add(entry, true);
  return changes;
}
