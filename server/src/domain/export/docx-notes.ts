import { AlignmentType, Paragraph } from 'docx';
import type { DocxRevisions } from './docx-runs';
import { authoredNotes } from './footnotes';
import type { BracketNote } from './model';

/**
 * The draft's footnotes as Word footnotes (`word/footnotes.xml`), keyed by the number their
 * reference runs carry; bracket attributions stay comments (see docx-runs.ts).
 */
export function docxFootnotes(
  notes: readonly BracketNote[],
  revisions: DocxRevisions,
): Record<string, { children: Paragraph[] }> {
  return Object.fromEntries(
    authoredNotes(notes).map((note) => {
      // A note only one version has: its text is a revision too, so a reader of the notes sees
      // it deleted (or inserted) and by whom, and rejecting or accepting keeps that version's.
      const text = revisions.run(
        note.change ?? 'equal',
        note.delegation ?? null,
        { text: note.text },
        note.at,
        false,
      );
      return [String(note.number), { children: [new Paragraph({ children: [text] })] }];
    }),
  );
}

/** An annex heading in Word: on a new page, centred and bold, like the title. */
export const ANNEX_HEADING = {
  pageBreakBefore: true,
  alignment: AlignmentType.CENTER,
  spacing: { before: 240, after: 240 },
} as const;
