import type { CommentChange } from './comments';
import type { NegotiationChange } from './negotiation-history';
/**
 * The comparison of two versions of a document (SPEC.md "The comparison"), as
 * `GET /api/documents/:id/diff` answers it and as the export renders tracked changes from it.
 *
 * Invariants the producer keeps and readers may rely on:
 * - `paragraphs` is in the order of `to`, with deleted paragraphs where they stood in `from`.
 * - Joining a paragraph's `equal` and `insert` spans gives its text in `to`; joining its
 *   `equal` and `delete` spans gives its text in `from` (plain text, marks left out).
 * - `changes` lists every `insert` and `delete` span in document order.
 * - Renumbering alone is not a change: a paragraph whose number moved is still `unchanged`.
 */

/** A block as far as matching needs it: its node type and attributes. */
export interface KeyedBlock {
  type: string;
  attrs?: Record<string, unknown> | null;
}

/**
 * The key that matches each block across versions. A block with an `id` attribute (preambular,
 * operative and sub-paragraphs) is matched by it; a block without one (title, organ line,
 * lead-word heading, note) by its type and its rank among the unnumbered blocks of that type:
 * `title#1`, `leadHeading#2`. Editing a heading's words keeps its key, so a title edit is a
 * change to that block, and documents written before any block carried an id still match.
 * A repeated id (two clients split one paragraph at once) keeps the first; the copy is keyed
 * by its position like an unnumbered block, so two paragraphs never merge.
 */
export function blockKeys(blocks: readonly KeyedBlock[]): string[] {
  const seen = new Set<string>();
  const ranks = new Map<string, number>();
  return blocks.map((block) => {
    const id = block.attrs?.id;
    if (typeof id === 'string' && id !== '' && !seen.has(id)) {
      seen.add(id);
      return id;
    }
    const rank = (ranks.get(block.type) ?? 0) + 1;
    ranks.set(block.type, rank);
    return `${block.type}#${rank}`;
  });
}

/** What happened to one paragraph between the two versions. */
export type ParagraphChangeKind = 'unchanged' | 'inserted' | 'deleted' | 'modified' | 'moved';

/** The kind of a run of text within a paragraph. */
export type SpanKind = 'equal' | 'insert' | 'delete';

/** A run of a paragraph's text, with who inserted or deleted it (absent on `equal` spans). */
export interface Span {
  kind: SpanKind;
  text: string;
  /** The delegation that made the change; absent when unknown or for `equal` spans. */
  delegation?: string;
  /** The participant id that made the change. */
  participant?: string;
  /** When the change was made (ISO 8601, from the update log); absent when unknown. */
  at?: string;
}

/** A paragraph's visible number in each version ("3", "3 bis", "a"), or `null` where it has none. */
export interface ParagraphNumber {
  from: string | null;
  to: string | null;
}

/** One paragraph of the comparison, matched across the versions by its stable id. */
export interface ParagraphChange {
  paragraphId: string;
  /** The node type: `preambular`, `operative`, `subparagraph`, … */
  type: string;
  number: ParagraphNumber;
  change: ParagraphChangeKind;
  spans: Span[];
  /**
   * For a `moved` paragraph: who moved it and when, from the update that re-created it (the
   * editor moves a paragraph by deleting it and inserting it again). Absent when unknown.
   */
  movedBy?: { delegation: string; participant: string; at?: string };
  /**
   * Footnotes put on (`insert`) or taken off (`delete`) the paragraph's words between the
   * versions, with who did it, from the update log. A note is one mark `id` and `text`: moved
   * to other words of the paragraph it is unchanged; its text edited, the old note is deleted
   * and the new one inserted. Absent when no note changed.
   */
  notes?: NoteChange[];
}

/** A footnote put on or taken off a paragraph's words, by whom and when. */
export interface NoteChange {
  kind: 'insert' | 'delete';
  /** The footnote mark's `id` and `text`. */
  id: string;
  text: string;
  /** Absent when the log does not say who made the change. */
  delegation?: string;
  participant?: string;
  /** ISO 8601, from the update log; absent when unknown. */
  at?: string;
}

/** One insertion or deletion, in document order. */
export interface TextChange {
  kind: 'insert' | 'delete';
  text: string;
  delegation: string;
  participant: string;
  paragraphId: string;
  /** When the change was made (ISO 8601, from the update log); absent when unknown. */
  at?: string;
}

/** How many insertions and deletions one delegation made. */
export interface ChangeCount {
  insertions: number;
  deletions: number;
}

export interface ComparisonSummary {
  insertions: number;
  deletions: number;
  byDelegation: Record<string, ChangeCount>;
}

/** The answer of `GET /api/documents/:id/diff?from=…&to=…`. */
export interface Comparison {
  /** The older version's id. */
  from: string;
  /** The newer version's id, or `current` for the live text. */
  to: string;
  paragraphs: ParagraphChange[];
  changes: TextChange[];
  summary: ComparisonSummary;
  /** Comment threads opened, answered, resolved or reopened between the two sides. */
  comments?: CommentChange[];
  /** Brackets placed, joined, left or removed and status changes between the two sides. */
  negotiation?: NegotiationChange[];
}
