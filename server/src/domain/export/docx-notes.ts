import { AlignmentType, Paragraph, TextRun } from 'docx';
import { authoredNotes } from './footnotes';
import type { BracketNote } from './model';

/**
 * The draft's footnotes as Word footnotes (`word/footnotes.xml`), keyed by the number their
 * reference runs carry; bracket attributions stay comments (see docx-runs.ts).
 */
export function docxFootnotes(
  notes: readonly BracketNote[],
): Record<string, { children: Paragraph[] }> {
  return Object.fromEntries(
    authoredNotes(notes).map((note) => [
      String(note.number),
      { children: [new Paragraph({ children: [new TextRun(note.text)] })] },
    ]),
  );
}

/** An annex heading in Word: on a new page, centred and bold, like the title. */
export const ANNEX_HEADING = {
  pageBreakBefore: true,
  alignment: AlignmentType.CENTER,
  spacing: { before: 240, after: 240 },
} as const;
