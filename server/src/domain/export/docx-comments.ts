import { Paragraph, type ICommentOptions } from 'docx';

/**
 * Word comments of a DOCX export: the delegations holding a bracket, and comment threads with
 * their replies. One writer for both, so every comment of an export gets a unique id and
 * replies are threaded as Word shows them (`word/comments.xml` plus `commentsExtended.xml`,
 * which the docx library writes when a comment has a parent).
 */
export interface WordComment {
  id: number;
  /** Who speaks: the delegation (and the person, when known). */
  author: string;
  /** ISO 8601. */
  date: string;
  text: string;
  replies?: WordComment[];
  /** A resolved thread is shown as done in Word. */
  resolved?: boolean;
}

function initials(author: string): string {
  return (
    author
      .split(/\s+/)
      .map((word) => word.charAt(0))
      .join('')
      .slice(0, 8) || '?'
  );
}

/**
 * The comment parts of `comments`, replies flattened after their thread with `parentId` (ids
 * must be unique across threads and replies). One paragraph per line of text.
 */
export function wordCommentParts(comments: readonly WordComment[]): ICommentOptions[] {
  const parts: ICommentOptions[] = [];
  const add = (comment: WordComment, parentId?: number) => {
    parts.push({
      id: comment.id,
      author: comment.author,
      initials: initials(comment.author),
      date: new Date(comment.date),
      children: comment.text.split('\n').map((line) => new Paragraph(line)),
      ...(parentId === undefined ? {} : { parentId }),
      ...(comment.resolved ? { resolved: true } : {}),
    });
    for (const reply of comment.replies ?? []) add(reply, comment.id);
  };
  for (const comment of comments) add(comment);
  return parts;
}
