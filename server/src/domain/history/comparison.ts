import * as Y from 'yjs';
import type { Comparison } from '@accord/shared/comparison';
import type { DraftStyle } from '@accord/shared';
import type { DocumentRecord, UpdateRecord } from '../../storage';
import type { DomainContext } from '../context';
import { findVersion, versionState } from '../versions';
import { compareParagraphs } from './compare';
import { attributeDeletions, insertionTimes, type WantedCharacters } from './deletions';
import { authorNamer, type ChangeAuthor } from './people';
import {
  characterSet,
  hasCharacter,
  readParagraphs,
  type CharacterSet,
  type ParagraphSnapshot,
} from './paragraphs';
import { footnoteChanges } from './footnote-changes';
import { movedOrigins } from './moved-text';
import { negotiationBetween } from './negotiation-history';
import { restoredOrigins } from './restored-text';
import type { Authorship } from './word-spans';
import {
  commentChanges,
  commentEntries,
  commentEntriesOf,
  type CommentEntries,
} from '../comments-history';

/** One side of a comparison: a version, or the live text. */
export interface Side {
  id: string;
  paragraphs: ParagraphSnapshot[];
  seq: number;
  /** The side's comment threads (read for `compareVersions` only). */
  comments?: CommentEntries;
  /**
   * The side's full Yjs state, when it is a version: replayed with the log after it to find
   * the words of moved paragraphs' first writers (see moved-text.ts).
   */
  state?: Uint8Array;
}

async function side(context: DomainContext, document: DocumentRecord, id: string): Promise<Side> {
  if (id === 'current') {
    // Read straight from the live document: no copy of its state.
    return context.rooms.read(document.id, (doc, lastSeq) => ({
      id,
      paragraphs: readParagraphs(doc),
      seq: lastSeq,
      comments: commentEntries(doc),
    }));
  }
  const version = findVersion(context, document.id, id);
  const state = await versionState(context, version);
  return {
    id,
    paragraphs: paragraphsOf(state),
    seq: version.seq,
    comments: commentEntriesOf(state),
    state,
  };
}

export function paragraphsOf(state: Uint8Array): ParagraphSnapshot[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readParagraphs(doc);
  } finally {
    doc.destroy();
  }
}

/** Characters of `paragraphs` missing from `other`, by client, clocks sorted. */
function missing(paragraphs: ParagraphSnapshot[], other: CharacterSet): WantedCharacters {
  const wanted: WantedCharacters = new Map();
  for (const p of paragraphs) {
    for (const [client, clock, length] of p.runs) {
      for (let k = clock; k < clock + length; k++) {
        if (hasCharacter(other, client, k)) continue;
        let list = wanted.get(client);
        if (!list) wanted.set(client, (list = []));
        list.push(k);
      }
    }
  }
  for (const list of wanted.values()) list.sort((x, y) => x - y);
  return wanted;
}

/** Two sides of a comparison with the log between them, as the pure comparison wants them. */
export interface LoggedSides {
  from: Side;
  to: Side;
  /** The logged updates between the two sides' sequence numbers, in history order. */
  records: readonly UpdateRecord[];
  /** Yjs client id → the participant id it is bound to. */
  bindings: ReadonlyMap<number, string>;
  style: DraftStyle;
  name: (author: string | undefined) => ChangeAuthor;
  /** The character a restored one stands for (see restored-text.ts); itself by default. */
  origin?: (client: number, clock: number) => [number, number];
}

/**
 * Compares two sides given the update log between them. Insertions are attributed by the Yjs
 * client that made the characters (each client id belongs to one participant) and dated by the
 * first logged update that carried them; deletions by the first logged update between the two
 * sides that deleted them. Comparing backwards (a newer `from`) swaps the roles: what `to`
 * lacks was inserted after it, and what it has that `from` lacks was deleted after it.
 */
export function compareLogged(sides: LoggedSides): Comparison {
  const { from, to, records, bindings } = sides;
  const forwards = from.seq <= to.seq;
  const older = forwards ? from.paragraphs : to.paragraphs;
  const newer = forwards ? to.paragraphs : from.paragraphs;
  const newerSet = characterSet(newer);
  const olderSet = characterSet(older);
  const deleters = attributeDeletions(records, missing(older, newerSet));
  const wantedTimes = missing(newer, olderSet);
  const olderState = (forwards ? from : to).state;
  const moved = olderState ? movedOrigins(olderState, records) : undefined;
  // The first writer of a character: through the moves between the sides, then the restores.
  const origin = (client: number, clock: number): [number, number] => {
    let at: [number, number] = [client, clock];
    for (let step = 0; step < 8; step++) {
      const next = moved?.(at[0], at[1]) ?? at;
      const restored = sides.origin ? sides.origin(next[0], next[1]) : next;
      if (restored[0] === at[0] && restored[1] === at[1]) break;
      at = restored;
    }
    return at;
  };
  // A moved word typed after the older side is dated by its first writing, not by the move.
  if (moved) {
    for (const [client, list] of [...wantedTimes]) {
      for (const clock of list) {
        const [c, k] = origin(client, clock);
        if (c === client && k === clock) continue;
        let wanted = wantedTimes.get(c);
        if (!wanted) wantedTimes.set(c, (wanted = []));
        wanted.push(k);
      }
    }
  }
  // The elements the newer side re-created (moves): who made them, and when.
  const olderElements = new Set(older.map((p) => p.element));
  const created = new Set(newer.map((p) => p.element).filter((e) => !olderElements.has(e)));
  for (const element of created) {
    const [client, clock] = element.split('.').map(Number) as [number, number];
    let list = wantedTimes.get(client);
    if (!list) wantedTimes.set(client, (list = []));
    list.push(clock);
  }
  for (const list of wantedTimes.values()) list.sort((x, y) => x - y);
  const times = insertionTimes(records, wantedTimes);
  const removed = (client: number, clock: number) => deleters.get(`${client}:${clock}`);
  const added = (client: number, clock: number): Authorship | undefined => {
    const [writer, written] = origin(client, clock);
    // A moved word the older side already had was not inserted: only its paragraph moved.
    if (hasCharacter(olderSet, writer, written)) return undefined;
    const author = bindings.get(writer);
    const at = times.get(`${writer}:${written}`) ?? times.get(`${client}:${clock}`);
    return author === undefined ? undefined : { author, at };
  };
  return compareParagraphs({
    fromId: from.id,
    toId: to.id,
    from: from.paragraphs,
    to: to.paragraphs,
    style: sides.style,
    name: sides.name,
    notes: footnoteChanges(older, newer, olderState, records, forwards),
    elementAuthor: (element) => {
      const [client, clock] = element.split('.').map(Number) as [number, number];
      if (!created.has(element)) return undefined;
      return added(client, clock);
    },
    authors: forwards
      ? {
          inserted: (c, k) => (hasCharacter(olderSet, c, k) ? undefined : added(c, k)),
          deleted: (c, k) => (hasCharacter(newerSet, c, k) ? undefined : removed(c, k)),
        }
      : {
          inserted: (c, k) => (hasCharacter(newerSet, c, k) ? undefined : removed(c, k)),
          deleted: (c, k) => (hasCharacter(olderSet, c, k) ? undefined : added(c, k)),
        },
  });
}

/** Compares two versions of a document (or a version and the live text): `compareLogged`. */
export async function compareVersions(
  context: DomainContext,
  document: DocumentRecord,
  fromId: string,
  toId: string,
): Promise<Comparison> {
  const [from, to] = await Promise.all([
    side(context, document, fromId),
    side(context, document, toId),
  ]);
  const bindings = await context.rooms.read(document.id, (_doc, _seq, b) => new Map(b));
  const records = await context.storage.updates.history(
    document.id,
    Math.min(from.seq, to.seq),
    Math.max(from.seq, to.seq),
  );
  const name = authorNamer(context.storage.metadata);
  const comparison = compareLogged({
    from,
    to,
    records,
    bindings,
    style: document.style,
    name,
    origin: restoredOrigins(
      context.storage.metadata.versionsOf(document.id),
      Math.max(from.seq, to.seq),
    ),
  });
  const [older, newer] = from.seq <= to.seq ? [from, to] : [to, from];
  return {
    ...comparison,
    comments: commentChanges(older.comments ?? new Map(), newer.comments ?? new Map(), name),
    negotiation: await negotiationBetween(context, document, older.id, records, name),
  };
}
