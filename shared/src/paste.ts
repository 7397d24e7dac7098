import type { DraftStyle, NodeJSON } from './content';
import { recogniseDraft } from './structure';

/**
 * Text pasted into the editor (from Word, a PDF, an e-mail) as blocks of the draft schema, so
 * that it lands as preambular, operative and lettered paragraphs rather than foreign markup:
 * "3. To instruct …" becomes an operative paragraph (numbered by its place, not by the "3."),
 * "b. Promoting …" a sub-paragraph, "CONSIDERING:" a lead-word heading. Each paragraph gets a
 * fresh id: pasted text is new text, even when copied from this document.
 *
 * Text without any structure comes back as plain `paragraph` blocks; the editor may prefer to
 * insert a single such line inline. Empty or blank text gives `[]`.
 */
export function textToBlocks(text: string, style: DraftStyle): NodeJSON[] {
  if (!text.trim()) return [];
  return recogniseDraft(text, { style, mode: 'fragment' }).blocks;
}
