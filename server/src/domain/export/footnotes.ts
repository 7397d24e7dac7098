import type { MarkJSON } from '@accord/shared';
import { bracketNoteText } from './header';
import type { BracketNote, FootnoteRef, Piece } from './model';

/**
 * Footnotes written in the draft (a `footnote` mark on the anchor word: OAS reservations,
 * imported Word or Markdown notes) in every export. They share one numbering with the bracket
 * attribution notes, in order of appearance, so a reader finds note 3 after note 2 whatever its
 * kind; each renderer adds the reference after the anchor's last piece and lists the notes as
 * its format does (DOCX `footnotes.xml`, PDF and HTML at the end, AKN `authorialNote` inline,
 * Markdown `[^n]`).
 */

/** A footnote mark's note, or undefined. */
export function footnoteOf(
  marks: MarkJSON[] | undefined,
): { id: string; text: string } | undefined {
  const mark = (marks ?? []).find((m) => m.type === 'footnote');
  const id = mark?.attrs?.id;
  const text = mark?.attrs?.text;
  if (typeof text !== 'string' || text === '') return undefined;
  return { id: typeof id === 'string' ? id : '', text };
}

/** The text a note list shows: the note itself, or whom a bracket's text is proposed by. */
export function noteText(note: BracketNote, language = 'en'): string {
  return note.text ?? bracketNoteText(note.delegations, language);
}

/**
 * The references of the footnotes that follow `piece`: in a clean export at most one, `equal`;
 * in a tracked one a note put on or taken off since the older version is `insert` or `delete`.
 */
export function footnotesAfter(piece: Piece): FootnoteRef[] {
  return piece.kind === 'text' ? (piece.footnotes ?? []) : [];
}

/** The notes written in the draft (not bracket attributions). */
export function authoredNotes(notes: readonly BracketNote[]): (BracketNote & { text: string })[] {
  return notes.filter((n): n is BracketNote & { text: string } => n.text !== undefined);
}
