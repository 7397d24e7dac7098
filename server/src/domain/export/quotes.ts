import { curlQuotesInRuns } from '@accord/shared/language-conventions';
import type { NodeJSON } from '@accord/shared';
import type { DraftModel } from './model';

/*
 * Delegates type straight quotes (a keyboard, a paste from e-mail); a circulated document
 * prints the quotation marks of its language (“…” in English, Spanish and Portuguese, « … » in
 * French; see `quotes()` in language-conventions.ts). Stored text stays as typed, so a
 * comparison's offsets still match it; the marks are set on the way out, paragraph by
 * paragraph, so a quotation that opens in a bold run and closes in a plain one is paired.
 */

/** The model with each block's straight quotes in the language's marks. */
export function curlModelQuotes(model: DraftModel, language: string): DraftModel {
  return {
    ...model,
    blocks: model.blocks.map((block) => {
      const texts = block.pieces.map((piece) => (piece.kind === 'text' ? piece.text : ''));
      if (!texts.some((text) => text.includes('"'))) return block;
      const curled = curlQuotesInRuns(texts, language);
      return {
        ...block,
        pieces: block.pieces.map((piece, index) =>
          piece.kind === 'text' ? { ...piece, text: curled[index] ?? piece.text } : piece,
        ),
      };
    }),
  };
}

/** The content with each block's straight quotes in the language's marks (plain-text export). */
export function curlContentQuotes(content: NodeJSON, language: string): NodeJSON {
  const children = content.content;
  if (!children) return content;
  if (children.every((child) => child.type === 'text')) {
    const curled = curlQuotesInRuns(
      children.map((child) => child.text ?? ''),
      language,
    );
    return {
      ...content,
      content: children.map((child, index) =>
        child.text === undefined ? child : { ...child, text: curled[index] ?? child.text },
      ),
    };
  }
  return { ...content, content: children.map((child) => curlContentQuotes(child, language)) };
}
