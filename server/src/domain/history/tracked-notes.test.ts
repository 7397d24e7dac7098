import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { NodeJSON } from '@accord/shared';
import { doc, heading, operative, organ, preambular, title } from '@accord/shared/testing';
import { input } from '../export/fixtures';
import { exportDraft } from '../export/index';
import { docxPart, pandoc, pandocMarkdown, pdfText, squash } from '../export/readers';
import { blocksOf, LoggedSession, plainOf, textOf } from './logged-session';

/**
 * A delegation's footnote put on, or taken off, words that were already there: a change like
 * any other, credited to whoever made it and dated by the log, in the comparison and in every
 * tracked export; a note taken off is never listed as a current note.
 */

const RESERVATION = 'The Delegation of Canada does not join consensus on this paragraph.';
const NOTE = { footnote: { id: 'fn-ca', text: RESERVATION } };

function seed(): NodeJSON {
  return doc(
    title('DRAFT RESOLUTION ON MICRO, SMALL AND MEDIUM-SIZED ENTERPRISES'),
    organ('THE GENERAL ASSEMBLY,'),
    heading('HAVING SEEN:'),
    preambular('pre1', 'Resolution AG/RES. 2089 on the digital economy;'),
    heading('RESOLVES:'),
    operative('op1', 'To urge member states to strengthen MSMEs in the region;'),
    operative('op2', 'To request a report.'),
  );
}

let session: LoggedSession | null = null;
afterEach(() => {
  session?.destroy();
  session = null;
});

/** Where the first operative paragraph stands among the blocks. */
const FIRST_OPERATIVE = 5;

/** Puts Canada's note on "in the region" of op1 (or takes it off, with `null`). */
function noteOnRegion(d: Y.Doc, note: typeof NOTE | { footnote: null }): void {
  const t = textOf(blocksOf(d)[FIRST_OPERATIVE]!);
  const at = plainOf(t).indexOf('in the region');
  t.format(at, 'in the region'.length, note);
}

function exportsOf(s: LoggedSession) {
  const comparison = s.compare('v1', 'v2');
  const tracked = { comparison, fromContent: s.content('v1'), fromLabel: 'Zero draft' };
  type Format = 'docx' | 'html' | 'pdf' | 'md' | 'txt' | 'akn';
  const at = (format: Format, content = s.content('v2'), t = true) =>
    exportDraft(format, input(content, t ? { tracked } : {})).then((r) => r.body);
  return { comparison, at };
}

describe('a footnote put on words already there', () => {
  it('[FN20] is credited to the delegation that put it there, with its time, in the comparison and the exports', async () => {
    const s = (session = new LoggedSession(seed()));
    s.snapshot('v1');
    const canada = s.join('p-ca', 'Canada');
    const when = new Date(s.nextAt).toISOString();
    noteOnRegion(canada, NOTE);
    s.snapshot('v2');
    const { comparison, at } = exportsOf(s);

    const op1 = comparison.paragraphs.find((p) => p.paragraphId === 'op1')!;
    expect(op1.notes).toEqual([
      {
        kind: 'insert',
        id: 'fn-ca',
        text: RESERVATION,
        delegation: 'Canada',
        participant: 'p-ca',
        at: when,
      },
    ]);

    const docx = await at('docx');
    const xml = await docxPart(docx, 'word/document.xml');
    expect(xml).not.toContain('Unattributed');
    expect(xml).toMatch(
      new RegExp(
        `<w:ins [^>]*w:author="Canada" w:date="${when}"[^>]*>(?:(?!</w:ins>).)*<w:footnoteReference`,
        's',
      ),
    );
    expect(await pandoc(docx, 'docx', 'accept')).toContain('in the region[1];');
    expect(await pandoc(docx, 'docx', 'reject')).not.toContain('[1]');

    const html = (await at('html')).toString('utf8');
    expect(html).not.toContain('Unattributed');
    expect(html).toContain(
      `<ins class="delegation-canada" datetime="${when}" title="Inserted by Canada"><sup class="footnote-ref">`,
    );
    // Canada changed nothing else, yet is in the legend of who changed what.
    expect(html).toContain('<li><ins class="delegation-canada">Canada</ins></li>');
    const md = (await at('md')).toString('utf8');
    expect(md).toContain('in the region{++[^1]++}{>>Inserted by Canada<<}');
  });
});

describe('a footnote taken off', () => {
  /** Canada's note on op1 in v1; Mexico takes it off before v2. */
  function removed(): LoggedSession {
    const s = (session = new LoggedSession(seed()));
    const canada = s.join('p-ca', 'Canada');
    noteOnRegion(canada, NOTE);
    s.snapshot('v1');
    const mexico = s.join('p-mx', 'Mexico');
    noteOnRegion(mexico, { footnote: null });
    s.snapshot('v2');
    return s;
  }

  it('[FN21] is credited to the delegation that took it off and listed as deleted, not current', async () => {
    const s = removed();
    const { comparison, at } = exportsOf(s);
    const op1 = comparison.paragraphs.find((p) => p.paragraphId === 'op1')!;
    expect(op1.notes).toEqual([
      expect.objectContaining({ kind: 'delete', id: 'fn-ca', delegation: 'Mexico' }),
    ]);

    // HTML, as pandoc reads it: the note in the list is struck through.
    const html = await at('html');
    const read = await pandocMarkdown(html, 'html');
    expect(squash(read)).toContain(`1. ~~${RESERVATION}~~`);
    expect(html.toString('utf8')).toContain(`title="Deleted by Mexico">${RESERVATION}</del>`);

    // PDF: the note line says it was deleted, and by whom.
    const pdf = squash(await pdfText(await at('pdf')));
    expect(pdf).toContain(`1. ${RESERVATION} (Deleted by Mexico)`);

    // Markdown: the note's text is a CriticMarkup deletion.
    const md = (await at('md')).toString('utf8');
    expect(md).toContain(`[^1]: {--${RESERVATION}--}{>>Deleted by Mexico<<}`);

    // DOCX: the note's text is a deletion by Mexico; rejecting keeps it, accepting drops it.
    const docx = await at('docx');
    const notes = await docxPart(docx, 'word/footnotes.xml');
    expect(notes).toMatch(
      new RegExp(`<w:del [^>]*w:author="Mexico"[^>]*>(?:(?!</w:del>).)*${RESERVATION}`, 's'),
    );
    expect(squash(await pandoc(docx, 'docx', 'accept'))).not.toContain(RESERVATION);
    expect(squash(await pandoc(docx, 'docx', 'reject'))).toContain(`[1] ${RESERVATION}`);
  });

  it('[FN21] is not in the clean exports of the newer version', async () => {
    const s = removed();
    const { at } = exportsOf(s);
    const content = s.content('v2');
    const html = (await at('html', content, false)).toString('utf8');
    const md = (await at('md', content, false)).toString('utf8');
    const pdf = await pdfText(await at('pdf', content, false));
    const docx = await pandoc(await at('docx', content, false), 'docx', 'accept');
    const txt = (await at('txt', content, false)).toString('utf8');
    const akn = (await at('akn', content, false)).toString('utf8');
    for (const text of [html, md, pdf, docx, txt, akn]) {
      expect(squash(text)).toContain('in the region;');
      expect(squash(text)).not.toContain(RESERVATION);
    }
  });
});
