import type * as Y from 'yjs';
import { COMMENTS_TABLE, commentEntryProblem, type CommentEntry } from '@accord/shared';
import type { SideTableContext, SideTableRule } from '../side-tables';

/**
 * Who may write a comment thread ([CT1]–[CT4]):
 *
 * - a new entry names its sender as participant and delegation: nobody comments in another's
 *   name; its shape and sizes are those of `@accord/shared` comments;
 * - replacing an entry (resolve, reopen, edit) is for its author, the chair, the rapporteur
 *   (who keeps the record) and the secretariat; the author fields never change, only the
 *   author edits the text, and whoever resolves is named as the resolver;
 * - deleting an entry outright is for its author, the chair and the secretariat.
 *
 * Observers never reach here: the relay refuses any change from a reader first.
 */

const BUREAU = new Set(['admin', 'chair', 'rapporteur']);
const DELETERS = new Set(['admin', 'chair']);
const AUTHOR_FIELDS = [
  'id',
  'paragraphId',
  'quote',
  'participant',
  'delegation',
  'createdAt',
  'parent',
] as const;

/**
 * Keys an update replaces, by the update's context: a `Y.Map` set over an existing key adds the
 * new value and deletes the old, and the old one's removal is allowed by the new one's check.
 */
const replacedKeys = new WeakMap<SideTableContext, Set<string>>();

function storedEntry(doc: Y.Doc, key: string): CommentEntry | undefined {
  const value: unknown = doc.getMap(COMMENTS_TABLE).get(key);
  return commentEntryProblem(key, value) === null ? (value as CommentEntry) : undefined;
}

function replacementProblem(
  before: CommentEntry,
  after: CommentEntry,
  context: SideTableContext,
): string | null {
  const isAuthor = before.participant === context.author;
  if (!isAuthor && !BUREAU.has(context.role)) {
    return 'only its author, the chair or the rapporteur may change a comment';
  }
  for (const field of AUTHOR_FIELDS) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      return `a comment's ${field} cannot change`;
    }
  }
  if (before.text !== after.text && !isAuthor) return 'only its author may edit a comment';
  if (after.resolved && !before.resolved && after.resolvedBy !== context.author) {
    return 'whoever resolves a comment is named as its resolver';
  }
  return null;
}

export const commentRule: SideTableRule = {
  added(entry, context, doc) {
    const shape = commentEntryProblem(entry.key, entry.value);
    if (shape) return shape;
    const after = entry.value as CommentEntry;
    const before = storedEntry(doc, entry.key);
    if (before) {
      const problem = replacementProblem(before, after, context);
      if (problem) return problem;
      let keys = replacedKeys.get(context);
      if (!keys) replacedKeys.set(context, (keys = new Set()));
      keys.add(entry.key);
      return null;
    }
    if (after.participant !== context.author || after.delegation !== context.delegation) {
      return 'a comment is made in its sender’s own name and delegation';
    }
    if (after.resolved) return 'a comment starts open';
    return null;
  },
  removed(entry, context) {
    if (replacedKeys.get(context)?.has(entry.key)) return null;
    const value = entry.value as Partial<CommentEntry> | null;
    if (DELETERS.has(context.role) || value?.participant === context.author) return null;
    return 'only its author or the chair may delete a comment';
  },
};
