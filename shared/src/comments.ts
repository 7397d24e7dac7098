import { isId } from './ids';

/**
 * Comment threads, as the `comments` side table holds them: one entry per comment and per
 * reply, keyed by its id, its value one JSON object. A reply names its thread in `parent`.
 * Resolving or reopening replaces a thread's value; the author fields never change.
 * An anchor is a pair of Yjs relative positions (`Y.relativePositionToJSON`) into the
 * paragraph's text, so the commented phrase is followed through edits before and inside it.
 */
export const COMMENTS_TABLE = 'comments';

/** Longest comment or reply text, in characters. */
export const MAX_COMMENT_TEXT = 4000;
/** Longest quoted phrase kept with a thread, in characters. */
export const MAX_COMMENT_QUOTE = 1000;
/** Largest serialised anchor (two relative positions), in characters. */
const MAX_ANCHOR_JSON = 400;

export interface CommentAnchor {
  start: unknown;
  end: unknown;
}

export interface CommentEntry {
  id: string;
  paragraphId: string;
  quote: string;
  text: string;
  participant: string;
  delegation: string | null;
  createdAt: string;
  resolved: boolean;
  parent?: string;
  anchor?: CommentAnchor;
  resolvedBy?: string;
  resolvedAt?: string;
}

/** A reply as the HTTP API shows it. */
export interface CommentReply {
  id: string;
  text: string;
  participant: string;
  delegation: string | null;
  createdAt: string;
}

/** A thread as the HTTP API shows it (`GET /api/documents/:id/comments`). */
export interface CommentThread {
  id: string;
  paragraphId: string;
  quote: string;
  text: string;
  participant: string;
  delegation: string | null;
  createdAt: string;
  resolved: boolean;
  resolvedBy?: string;
  resolvedAt?: string;
  replies: CommentReply[];
}

const FIELDS = new Set([
  'id',
  'paragraphId',
  'quote',
  'text',
  'participant',
  'delegation',
  'createdAt',
  'resolved',
  'parent',
  'anchor',
  'resolvedBy',
  'resolvedAt',
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isTime = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));

const isRelativePosition = (value: unknown): boolean =>
  isObject(value) &&
  Object.keys(value).every((key) => ['type', 'tname', 'item', 'assoc'].includes(key));

/** Why `value` is not a well-formed comment entry stored under `key`, or null when it is. */
export function commentEntryProblem(key: string, value: unknown): string | null {
  if (!isObject(value)) return 'a comment must be an object';
  for (const field of Object.keys(value)) {
    if (!FIELDS.has(field)) return `a comment has no field "${field}"`;
  }
  if (!isId(value.id) || value.id !== key) return 'a comment is stored under its own id';
  if (!isId(value.paragraphId)) return 'a comment names its paragraph';
  if (typeof value.quote !== 'string' || value.quote.length > MAX_COMMENT_QUOTE) {
    return `a comment's quote has at most ${MAX_COMMENT_QUOTE} characters`;
  }
  if (
    typeof value.text !== 'string' ||
    value.text.trim().length === 0 ||
    value.text.length > MAX_COMMENT_TEXT
  ) {
    return `a comment has between 1 and ${MAX_COMMENT_TEXT} characters`;
  }
  if (typeof value.participant !== 'string' || value.participant.length > 64) {
    return 'a comment names its participant';
  }
  if (
    value.delegation !== null &&
    (typeof value.delegation !== 'string' || value.delegation.length > 120)
  ) {
    return 'a comment names its delegation';
  }
  if (!isTime(value.createdAt)) return 'a comment carries the time it was made';
  if (typeof value.resolved !== 'boolean') return 'a comment is resolved or not';
  if (value.parent !== undefined) {
    if (!isId(value.parent) || value.parent === value.id) return 'a reply names its thread';
    if (value.resolved || value.resolvedBy !== undefined) return 'a reply cannot be resolved';
  }
  if (value.anchor !== undefined) {
    const anchor = value.anchor;
    if (
      !isObject(anchor) ||
      Object.keys(anchor).length !== 2 ||
      !isRelativePosition(anchor.start) ||
      !isRelativePosition(anchor.end) ||
      JSON.stringify(anchor).length > MAX_ANCHOR_JSON
    ) {
      return 'a comment is anchored by two relative positions';
    }
  }
  if (value.resolved) {
    if (typeof value.resolvedBy !== 'string' || !isTime(value.resolvedAt)) {
      return 'a resolved comment says who resolved it and when';
    }
  } else if (value.resolvedBy !== undefined || value.resolvedAt !== undefined) {
    return 'an open comment is not resolved by anyone';
  }
  return null;
}

export function isCommentEntry(key: string, value: unknown): value is CommentEntry {
  return commentEntryProblem(key, value) === null;
}

/** The threads of a table's entries, oldest first, each with its replies oldest first. */
export function commentThreads(entries: Iterable<[string, unknown]>): CommentThread[] {
  const threads = new Map<string, CommentThread>();
  const replies: CommentEntry[] = [];
  for (const [key, value] of entries) {
    if (!isCommentEntry(key, value)) continue;
    if (value.parent !== undefined) {
      replies.push(value);
      continue;
    }
    threads.set(value.id, {
      id: value.id,
      paragraphId: value.paragraphId,
      quote: value.quote,
      text: value.text,
      participant: value.participant,
      delegation: value.delegation,
      createdAt: value.createdAt,
      resolved: value.resolved,
      ...(value.resolved ? { resolvedBy: value.resolvedBy, resolvedAt: value.resolvedAt } : {}),
      replies: [],
    });
  }
  const byTime = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
    a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  for (const reply of replies.sort(byTime)) {
    // A reply whose thread was deleted has nowhere to show.
    threads.get(reply.parent ?? '')?.replies.push({
      id: reply.id,
      text: reply.text,
      participant: reply.participant,
      delegation: reply.delegation,
      createdAt: reply.createdAt,
    });
  }
  return [...threads.values()].sort(byTime);
}

/**
 * A change to the comment threads between two versions, as the comparison lists it
 * (`Comparison.comments`): who commented, replied, resolved or reopened, with their delegation.
 * A reopening names no one: the entry keeps only who resolved it.
 */
export interface CommentChange {
  kind: 'commented' | 'replied' | 'resolved' | 'reopened';
  threadId: string;
  commentId: string;
  paragraphId: string;
  quote: string;
  text: string;
  participant: string | null;
  delegation: string | null;
  at: string | null;
}
