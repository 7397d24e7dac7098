import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import type { CommentThread } from '@accord/shared';

/**
 * Comment threads as real Word comments: the opening comment spans the commented paragraph and
 * each reply names it as its parent, which the `docx` library writes to commentsExtended.xml
 * (`w15:paraIdParent`), so Word and LibreOffice show a thread, not loose notes. A resolved
 * thread is marked done.
 */
export interface WordComment {
  id: number;
  author: string;
  date: string;
  text: string;
  resolved?: boolean;
  replies?: WordComment[];
}

/**
 * Thread comments are numbered from here: the revisions' own comments (brackets, moves) count
 * from 0 in `DocxRevisions`, and Word only needs each `w:id` to be unique.
 */
const FIRST_THREAD_ID = 100_000;

const initials = (author: string) =>
  author
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .join('')
    .slice(0, 3)
    .toUpperCase();

function options(comment: WordComment, parentId?: number): ICommentOptions {
  return {
    id: comment.id,
    author: comment.author,
    initials: initials(comment.author),
    date: new Date(comment.date),
    children: comment.text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun(line)] })),
    ...(parentId === undefined ? {} : { parentId }),
    ...(comment.resolved ? { resolved: true } : {}),
  };
}

/** The `comments` option entries of a thread: the opening comment, then its replies. */
export function wordCommentOptions(comment: WordComment): ICommentOptions[] {
  return [options(comment), ...(comment.replies ?? []).map((reply) => options(reply, comment.id))];
}

/** A paragraph's runs inside the range of each thread comment on it and of its replies. */
export function withWordComments(
  children: ParagraphChild[],
  comments: readonly WordComment[],
): ParagraphChild[] {
  if (comments.length === 0) return children;
  // Word itself gives each reply the range of its thread; readers that do not know
  // commentsExtended then still show the reply beside the text.
  const ids = comments.flatMap((comment) => [
    comment.id,
    ...(comment.replies ?? []).map((reply) => reply.id),
  ]);
  const out: ParagraphChild[] = ids.map((id) => new CommentRangeStart(id));
  out.push(...children);
  for (const id of ids) {
    out.push(new CommentRangeEnd(id));
    out.push(new TextRun({ children: [new CommentReference(id)] }));
  }
  return out;
}

/** The document's threads as Word comments, by the paragraph they are on. */
export function wordThreads(
  threads: readonly CommentThread[],
  noDelegation: string,
): Map<string, WordComment[]> {
  const byParagraph = new Map<string, WordComment[]>();
  let next = FIRST_THREAD_ID;
  for (const thread of threads) {
    const author = (entry: { delegation: string | null }) => entry.delegation ?? noDelegation;
    const quote = thread.quote ? `“${thread.quote}”\n` : '';
    const comment: WordComment = {
      id: next++,
      author: author(thread),
      date: thread.createdAt,
      text: `${quote}${thread.text}`,
      resolved: thread.resolved,
      replies: thread.replies.map((reply) => ({
        id: next++,
        author: author(reply),
        date: reply.createdAt,
        text: reply.text,
      })),
    };
    byParagraph.set(thread.paragraphId, [...(byParagraph.get(thread.paragraphId) ?? []), comment]);
  }
  return byParagraph;
}

/**
 * The comment parts of `comments` (the revisions' own: brackets, moves), replies flattened
 * after their comment with `parentId`.
 */
export function wordCommentParts(comments: readonly WordComment[]): ICommentOptions[] {
  return comments.flatMap(wordCommentOptions);
}
