import type * as Y from 'yjs';
import { COMMENTS_TABLE, isCommentEntry, type CommentEntry } from '@accord/shared/comments';

/** A thread as the sidebar shows it: the opening comment (with its anchor) and its replies. */
export interface Thread {
  entry: CommentEntry;
  replies: CommentEntry[];
}

export function commentsTable(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(COMMENTS_TABLE);
}

const byTime = (a: CommentEntry, b: CommentEntry) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Every thread of the table, oldest first; malformed entries and orphan replies are left out. */
export function readThreads(table: Y.Map<unknown>): Thread[] {
  const threads = new Map<string, Thread>();
  const replies: CommentEntry[] = [];
  for (const [key, value] of table.entries()) {
    if (!isCommentEntry(key, value)) continue;
    if (value.parent === undefined) threads.set(key, { entry: value, replies: [] });
    else replies.push(value);
  }
  for (const reply of replies.sort(byTime)) threads.get(reply.parent ?? '')?.replies.push(reply);
  return [...threads.values()].sort((a, b) => byTime(a.entry, b.entry));
}

export interface ThreadFilter {
  open: boolean;
  mine: boolean;
  delegation: string | null;
  paragraphId: string | null;
}

export const NO_FILTER: ThreadFilter = {
  open: true,
  mine: false,
  delegation: null,
  paragraphId: null,
};

export function filterThreads(threads: Thread[], filter: ThreadFilter, me: string): Thread[] {
  return threads.filter(
    ({ entry, replies }) =>
      (!filter.open || !entry.resolved) &&
      (!filter.mine || entry.participant === me || replies.some((r) => r.participant === me)) &&
      (filter.delegation === null || entry.delegation === filter.delegation) &&
      (filter.paragraphId === null || entry.paragraphId === filter.paragraphId),
  );
}

/** Open threads per paragraph id: the count shown beside each paragraph. */
export function openCounts(threads: Thread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { entry } of threads) {
    if (!entry.resolved) counts.set(entry.paragraphId, (counts.get(entry.paragraphId) ?? 0) + 1);
  }
  return counts;
}

/** Who may resolve or reopen a thread: its author and the bureau (the relay's rule [CT2]). */
export function canResolve(entry: CommentEntry, me: string, role: string): boolean {
  return entry.participant === me || role === 'chair' || role === 'rapporteur' || role === 'admin';
}
