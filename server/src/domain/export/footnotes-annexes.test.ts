import { describe, expect, it } from 'vitest';
import type { NodeJSON } from '@accord/shared';
import { doc, heading, operative, organ, preambular, title } from '@accord/shared/testing';
import { input } from './fixtures';
import { exportDraft } from './index';
import { docxPart, pandoc, pdfText, squash, validateAkn } from './readers';

/**
 * A draft's footnotes (a delegation's reservation) in every export: real footnotes in DOCX,
 * notes at the end in PDF and HTML, `authorialNote` in Akoma Ntoso, `[^n]` in Markdown, each
 * reference right after the word it is anchored to and numbered with the bracket notes.
 */

const RESERVATION =
  'The Delegation of the United States does not join consensus on this paragraph.';

function draft(): NodeJSON {
  const anchored: NodeJSON = {
    type: 'operative',
    attrs: { id: 'op1', status: 'pending', alternative: false },
    content: [
      { type: 'text', text: 'To urge member states to strengthen the ' },
      {
        type: 'text',
        text: 'region.',
        marks: [{ type: 'footnote', attrs: { id: 'fn1', text: RESERVATION } }],
      },
    ],
  };
  return doc(
    title('STRENGTHENING OF MICRO, SMALL, AND MEDIUM-SIZED ENTERPRISES'),
    organ('THE GENERAL ASSEMBLY,'),
    heading('HAVING SEEN:'),
    preambular('pre1', 'Resolution AG/RES. 2089;'),
    heading('RESOLVES:'),
    anchored,
    operative('op2', 'To request a report.'),
  );
}

describe('footnotes in exports', () => {
  it('[FN3] Markdown writes [^1] after the anchor and the note below', async () => {
    const md = (await exportDraft('md', input(draft()))).body.toString('utf8');
    expect(md).toContain('the region.[^1]');
    expect(md).toContain(`[^1]: ${RESERVATION}`);
  });

  it('[FN3] DOCX holds a real Word footnote that pandoc reads back as a note', async () => {
    const body = (await exportDraft('docx', input(draft()))).body;
    const footnotes = await docxPart(body, 'word/footnotes.xml');
    expect(footnotes).toContain(RESERVATION);
    const document = await docxPart(body, 'word/document.xml');
    expect(document).toMatch(
      /region\.<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:footnoteReference w:id="1"\/>/s,
    );
    // pandoc's plain text writes a note reference as "[1]" and the note below the text.
    const text = await pandoc(body, 'docx', 'accept');
    expect(text).toContain('the region.[1]');
    expect(squash(text)).toContain(`[1] ${RESERVATION}`);
  });

  it('[FN3] AKN keeps the note where it stands as an authorialNote, and validates', async () => {
    const body = (await exportDraft('akn', input(draft()))).body;
    const xml = body.toString('utf8');
    expect(xml).toMatch(
      /region\.\s*<authorialNote marker="1" placement="bottom" eId="authorialNote_1">\s*<p>The Delegation of the United States/,
    );
    expect(await validateAkn(body)).toMatch(/validates/);
  });

  it('[FN3] HTML and PDF print the reference number and the note', async () => {
    const html = (await exportDraft('html', input(draft()))).body.toString('utf8');
    expect(html).toContain('region.<sup class="footnote-ref"><a href="#note-1">1</a></sup>');
    expect(html).toContain(`<li id="note-1">${RESERVATION}</li>`);
    const pdf = squash(await pdfText((await exportDraft('pdf', input(draft()))).body));
    expect(pdf).toContain('region.1');
    expect(pdf).toContain(`1. ${RESERVATION}`);
  });
});

describe('annexes in exports', () => {
  const withAnnex = (): NodeJSON => {
    const base = draft();
    const block = (type: string, text: string): NodeJSON => ({
      type,
      content: [{ type: 'text', text }],
    });
    return {
      ...base,
      content: [
        ...(base.content ?? []),
        block('annexHeading', 'ANNEX'),
        block('leadHeading', 'PLAN OF ACTION'),
        block('paragraph', '1. Set up a regional network.'),
        block('paragraph', '2. Publish an annual report.'),
      ],
    };
  };

  it('[FN4] AKN puts the annex in attachments, apart from the operative part, and validates', async () => {
    const body = (await exportDraft('akn', input(withAnnex()))).body;
    const xml = body.toString('utf8');
    const main = xml.slice(xml.indexOf('<mainBody>'), xml.indexOf('</mainBody>'));
    expect(main).not.toContain('regional network');
    const attachments = xml.slice(xml.indexOf('<attachments>'));
    expect(attachments).toMatch(/<doc name="annex">/);
    expect(attachments).toMatch(/<docTitle>ANNEX<\/docTitle>/);
    expect(attachments).toContain('1. Set up a regional network.');
    expect(attachments).toContain('2. Publish an annual report.');
    expect(await validateAkn(body)).toMatch(/validates/);
  });

  it('[FN4] DOCX and PDF start the annex on a new page under its heading', async () => {
    const docx = (await exportDraft('docx', input(withAnnex()))).body;
    const xml = await docxPart(docx, 'word/document.xml');
    expect(xml).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*ANNEX<\/w:t>/s);
    const pdf = await pdfText((await exportDraft('pdf', input(withAnnex()))).body);
    // pdftotext separates pages with a form feed: the annex opens the last page.
    const pages = pdf.split('\f').filter((page) => page.trim() !== '');
    expect(pages.at(-1)!.trim().startsWith('ANNEX')).toBe(true);
    expect(pages.slice(0, -1).join('')).not.toContain('regional network');
  });
});
