import * as Y from 'yjs';
import {
  COMMENTS_TABLE,
  isCommentEntry,
  type CommentChange,
  type CommentEntry,
} from '@accord/shared';
import type { ChangeAuthor } from './history/people';

/**
 * The comment threads' changes between two versions, for the comparison and the timeline:
 * every comment and reply made, and every thread resolved or reopened, in time order, each with
 * its delegation. Read from the two sides' `comments` tables, so it costs O(comments).
 */

export type CommentEntries = ReadonlyMap<string, CommentEntry>;

export function commentEntries(doc: Y.Doc): CommentEntries {
  const entries = new Map<string, CommentEntry>();
  for (const [key, value] of doc.getMap(COMMENTS_TABLE).entries()) {
    if (isCommentEntry(key, value)) entries.set(key, value);
  }
  return entries;
}

/** The comment entries of a stored state (a version's). */
export function commentEntriesOf(state: Uint8Array): CommentEntries {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return commentEntries(doc);
  } finally {
    doc.destroy();
  }
}

export function commentChanges(
  older: CommentEntries,
  newer: CommentEntries,
  name: (author: string | undefined) => ChangeAuthor,
): CommentChange[] {
  const changes: CommentChange[] = [];
  const of = (
    kind: CommentChange['kind'],
    entry: CommentEntry,
    participant: string | null,
    at: string | null,
  ): CommentChange => ({
    kind,
    threadId: entry.parent ?? entry.id,
    commentId: entry.id,
    paragraphId: entry.paragraphId,
    quote: entry.quote,
    text: entry.text,
    participant,
    delegation: participant === null ? null : name(participant).delegation,
    at,
  });
  for (const [id, entry] of newer) {
    const before = older.get(id);
    if (!before) {
      changes.push(
        of(entry.parent ? 'replied' : 'commented', entry, entry.participant, entry.createdAt),
      );
      if (entry.resolved) {
        changes.push(of('resolved', entry, entry.resolvedBy ?? null, entry.resolvedAt ?? null));
      }
    } else if (entry.resolved && !before.resolved) {
      changes.push(of('resolved', entry, entry.resolvedBy ?? null, entry.resolvedAt ?? null));
    } else if (!entry.resolved && before.resolved) {
      changes.push(of('reopened', entry, null, null));
    }
  }
  return changes.sort((a, b) => (a.at ?? '\uffff').localeCompare(b.at ?? '\uffff'));
}
