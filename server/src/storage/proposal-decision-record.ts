/**
 * What a decision on proposals changed, kept with the version it recorded so that it can be
 * undone (domain/proposals-undo.ts). JSON only: it is stored as part of the version's record.
 */

/** One run of a Yjs text as `toDelta()` gives it. */
export interface TextRun {
  insert: string | Record<string, unknown>;
  attributes?: Record<string, unknown>;
}

/** A paragraph the decision touched: before it, and after it (null: the decision removed it). */
export interface DecidedParagraph {
  /** The paragraph's id, or null for a block without one (found again by `index`). */
  id: string | null;
  index: number;
  name: string;
  attributes: Record<string, unknown>;
  /** The id of the paragraph before it, where a removed paragraph goes back (null: first). */
  previousId: string | null;
  /** The runs of each of its texts, before and after. */
  before: TextRun[][];
  after: TextRun[][] | null;
}

export interface ProposalDecisionRecord {
  decision: 'accept' | 'reject';
  /** The participant who decided (`admin` for the secretariat). */
  by: string;
  /** Each decided proposal and what happened to its words. */
  proposals: { id: string; kind: 'insert' | 'delete'; outcome: 'keep' | 'remove' }[];
  /** Supporter entries the decision removed, `<proposal id>:<delegation>`. */
  supporters: string[];
  paragraphs: DecidedParagraph[];
  /** Set once the decision is undone. */
  undone?: { at: string; by: string; version: string };
}
