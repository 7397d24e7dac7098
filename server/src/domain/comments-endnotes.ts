import type { CommentThread } from '@accord/shared';
import { curlQuotes } from '@accord/shared/language-conventions';
import { exportLabels } from './export/labels';

/**
 * Open comment threads as endnotes for HTML and PDF: printed after the text, in the text's
 * order, each naming its paragraph, its delegation and the quoted phrase, then its replies.
 * Endnotes, not margin notes, because a circulated draft is read and printed at page width,
 * and an endnote can be as long as the discussion. Resolved threads are closed business.
 */
export interface CommentEndnote {
  /** "Paragraph 3" or "Paragraph" when the paragraph has no number. */
  where: string;
  lines: string[];
}

export function commentEndnotes(
  threads: readonly CommentThread[] | undefined,
  blocks: readonly { id: string | null; value: string | null }[],
  language = 'en',
): CommentEndnote[] {
  const labels = exportLabels(language);
  const order = new Map<string, { index: number; value: string | null }>();
  blocks.forEach((block, index) => {
    if (block.id) order.set(block.id, { index, value: block.value });
  });
  const who = (entry: { delegation: string | null }) => entry.delegation ?? labels.secretariat;
  return (threads ?? [])
    .filter((thread) => !thread.resolved && order.has(thread.paragraphId))
    .sort((a, b) => order.get(a.paragraphId)!.index - order.get(b.paragraphId)!.index)
    .map((thread) => {
      const value = order.get(thread.paragraphId)?.value;
      return {
        where: labels.paragraph(value ?? null),
        lines: [
          labels.commentBy(who(thread), thread.quote || null, curlQuotes(thread.text, language)),
          ...thread.replies.map((reply) =>
            labels.replyBy(who(reply), curlQuotes(reply.text, language)),
          ),
        ],
      };
    });
}
