import type { Attribute } from '@tiptap/core';

/** The three stages a paragraph moves through under the chair's hand. */
export const PARAGRAPH_STATUSES = ['pending', 'ad_ref', 'agreed'] as const;
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

export function isParagraphStatus(value: unknown): value is ParagraphStatus {
  return typeof value === 'string' && (PARAGRAPH_STATUSES as readonly string[]).includes(value);
}

/**
 * A paragraph's stable id. It survives edits, moves and renumbering, so references
 * ("paragraph 3 as proposed by Chile") and comparisons between versions can follow a
 * paragraph. `keepOnSplit: false`: the half created by Enter is a new paragraph and gets
 * a fresh id from the unique-id plugin, never a copy.
 */
export const idAttribute: Attribute = {
  default: null,
  keepOnSplit: false,
  parseHTML: (element) => element.getAttribute('data-id'),
  renderHTML: (attributes) => (attributes.id ? { 'data-id': String(attributes.id) } : {}),
};

/**
 * A paragraph's negotiation status. Only a chair may change it (the server refuses the update
 * otherwise); a split paragraph starts again as `pending`.
 */
export const statusAttribute: Attribute = {
  default: 'pending',
  keepOnSplit: false,
  parseHTML: (element) => {
    const value = element.getAttribute('data-status');
    return isParagraphStatus(value) ? value : 'pending';
  },
  renderHTML: (attributes) => ({ 'data-status': String(attributes.status ?? 'pending') }),
};

/**
 * A paragraph's number frozen by the chair for a reading ("3", "3 bis"), or null when numbers
 * follow the order. Set on every operative paragraph in one change ("Freeze numbering") and
 * cleared in one ("Renumber"); only a chair writes it. Never copied: a split, a paste or an
 * HTML import starts unnumbered, so a new paragraph reads "3 bis" rather than a second "3".
 */
export const frozenNumberAttribute: Attribute = {
  default: null,
  keepOnSplit: false,
  parseHTML: () => null,
  renderHTML: () => ({}),
};
