import { Mark, mergeAttributes } from '@tiptap/core';

/**
 * A footnote, as OAS texts use them: most often a delegation's reservation ("1/ The Delegation
 * of … does not join consensus on this paragraph …"). The note is a mark on its anchor (the
 * word the reference number follows), holding the note's own text in its attributes: the body
 * stays a flat list of blocks of text and marks, a footnote moves, is copied and is deleted with
 * the words it belongs to, and no operative paragraph can be mistaken for it. Notes are
 * numbered 1, 2, 3 … in the order their anchors stand; `id` tells two notes with the same text
 * apart.
 */
export interface FootnoteAttributes {
  id: string;
  text: string;
}

/** The longest note text accepted (a reservation is a paragraph, not a chapter). */
export const MAX_FOOTNOTE_TEXT = 4000;

/** Why `value` cannot be a footnote mark's attributes, or null when it can. */
export function footnoteProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'a footnote holds an id and a text';
  }
  const keys = Object.keys(value);
  if (keys.some((key) => key !== 'id' && key !== 'text'))
    return 'a footnote holds an id and a text';
  const { id, text } = value as { id?: unknown; text?: unknown };
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return 'footnote id';
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_FOOTNOTE_TEXT) {
    return 'a footnote text is 1 to 4000 characters';
  }
  return null;
}

export const Footnote = Mark.create({
  name: 'footnote',
  inclusive: false,
  // A word carries at most one note; two notes on one word would be one note.
  excludes: 'footnote',
  addAttributes() {
    return {
      id: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-footnote-id') ?? '',
        renderHTML: (attributes) => ({ 'data-footnote-id': String(attributes.id ?? '') }),
      },
      text: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-footnote') ?? '',
        // The note shows on hover (title) and is read by screen readers.
        renderHTML: (attributes) => ({
          'data-footnote': String(attributes.text ?? ''),
          title: String(attributes.text ?? ''),
        }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-type="footnote"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'span',
      mergeAttributes({ 'data-type': 'footnote', class: 'footnote-anchor' }, HTMLAttributes),
      0,
    ];
  },
});
