import { describe, expect, it } from 'vitest';
import { alternative, doc, heading, operative, sub, sub2, title } from '@accord/shared/testing';
import { input, seedDraft } from './fixtures';
import { exportDraft } from './index';
import { docxPart, pandoc, pdfFonts, squash } from './readers';

/** The body paragraphs of document.xml, each with its style, list level and text. */
function paragraphs(xml: string): { style: string | null; level: number | null; text: string }[] {
  const body = xml.slice(xml.indexOf('</w:tbl>'));
  return [...body.matchAll(/<w:p>([^]*?)<\/w:p>|<w:p\/>/g)].map((m) => {
    const inner = m[1] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(inner)?.[1] ?? null;
    const level = /<w:numPr><w:ilvl w:val="(\d)"\/>/.exec(inner)?.[1];
    const text = [...inner.matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((t) => t[1]).join('');
    return { style, level: level === undefined ? null : Number(level), text };
  });
}

describe('Word structure', () => {
  it('[AP4] numbers the operative part with a Word numbering definition, a frozen "2 bis" as text', async () => {
    const draft = doc(
      title('MSME FINANCE'),
      heading('RESOLVES:'),
      operative('o1', 'To urge member states;'),
      operative('o2', 'To request the authorities:'),
      sub('s1', 'Training;'),
      sub2('s2', 'for women;'),
      sub('s3', 'Credit;'),
      alternative('o2b', 'To request the banks:'),
      sub('s4', 'Loans;'),
      operative('o3', 'To report back.'),
    );
    const { body } = await exportDraft('docx', input(draft));
    const numbering = await docxPart(body, 'word/numbering.xml');
    expect(numbering).toMatch(
      /<w:lvl w:ilvl="0"[^>]*><w:start w:val="1"\/><w:numFmt w:val="decimal"\/><w:lvlText w:val="%1."\/>/,
    );
    expect(numbering).toMatch(
      /<w:lvl w:ilvl="1"[^>]*><w:start w:val="1"\/><w:numFmt w:val="lowerLetter"\/><w:lvlText w:val="%2."\/>/,
    );
    expect(numbering).toMatch(
      /<w:lvl w:ilvl="2"[^>]*><w:start w:val="1"\/><w:numFmt w:val="lowerRoman"\/><w:lvlText w:val="%3."\/>/,
    );
    const body_ = paragraphs(await docxPart(body, 'word/document.xml'));
    const row = (start: string) => body_.find((p) => p.text.includes(start));
    // Plain numbers are Word's: no digits typed in the text.
    expect(row('To urge')).toEqual({
      style: 'Operative',
      level: 0,
      text: 'To urge member states;',
    });
    expect(row('Training')).toMatchObject({ style: 'Subparagraph', level: 1, text: 'Training;' });
    expect(row('for women')).toMatchObject({ style: 'Subparagraph2', level: 2 });
    expect(row('To report')).toMatchObject({
      style: 'Operative',
      level: 0,
      text: 'To report back.',
    });
    // "2 bis" is no number Word counts: text, and its sub-paragraph (which Word would letter
    // "c", continuing paragraph 2's) keeps its own "a." as text too.
    expect(row('To request the banks')).toEqual({
      style: 'Operative',
      level: null,
      text: '2 bis.To request the banks:',
    });
    expect(row('Loans')).toMatchObject({ level: null, text: 'a.Loans;' });
    // A real reader counts as Word does: 3 follows 2 bis.
    const text = squash(await pandoc(body, 'docx'));
    expect(text).toContain(
      '1. To urge member states; 2. To request the authorities: a. Training; i. for women; b. Credit; 2 bis. To request the banks: a. Loans; 3. To report back.',
    );
  });

  it('[AP5] gives every paragraph a named style defined in styles.xml', async () => {
    const { body } = await exportDraft('docx', input(seedDraft()));
    const styles = await docxPart(body, 'word/styles.xml');
    for (const id of [
      'Title',
      'Organ',
      'LeadHeading',
      'Preambular',
      'Operative',
      'Subparagraph',
      'Note',
    ]) {
      expect(styles, id).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}"`));
    }
    const xml = await docxPart(body, 'word/document.xml');
    const all = [...xml.matchAll(/<w:p>([^]*?)<\/w:p>|<w:p\/>/g)];
    expect(all.length).toBeGreaterThan(10);
    for (const [whole, inner] of all)
      expect(inner ?? '', whole.slice(0, 120)).toMatch(/<w:pStyle w:val="/);
    const rows = paragraphs(xml);
    expect(rows.find((p) => p.text.startsWith('STRENGTHENING'))?.style).toBe('Title');
    expect(rows.find((p) => p.text === 'HAVING SEEN:')?.style).toBe('LeadHeading');
    expect(rows.find((p) => p.text.startsWith('Resolution AG/RES. 2741'))?.style).toBe(
      'Preambular',
    );
  });

  it('[AP6] sets the page to US Letter by default and to A4 for an A4 meeting', async () => {
    const letter = await exportDraft('docx', input(seedDraft()));
    expect(await docxPart(letter.body, 'word/document.xml')).toMatch(
      /<w:pgSz w:w="12240" w:h="15840"/,
    );
    const base = input(seedDraft());
    const a4 = await exportDraft('docx', {
      ...base,
      meeting: { ...base.meeting, paperSize: 'a4' },
    });
    expect(await docxPart(a4.body, 'word/document.xml')).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('[AP9] hangs numbers in a column wide enough for "10 bis."', async () => {
    const { body } = await exportDraft('docx', input(seedDraft()));
    const styles = await docxPart(body, 'word/styles.xml');
    const operative =
      /<w:style w:type="paragraph" w:styleId="Operative"[^]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    const hanging = Number(/w:hanging="(\d+)"/.exec(operative)?.[1]);
    const left = Number(/w:left="(\d+)"/.exec(operative)?.[1]);
    // "10 bis." in 12 pt Times is about 33 pt wide: 660 twentieths of a point, plus a gap.
    expect(hanging).toBeGreaterThanOrEqual(800);
    // The number starts at the margin, never left of it.
    expect(left - hanging).toBe(0);
  });

  it('[AP7] sets PDF, Word and HTML in one serif family', async () => {
    const docx = await exportDraft('docx', input(seedDraft()));
    const styles = await docxPart(docx.body, 'word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults>[^]*<w:rFonts w:ascii="Times New Roman"/);
    const html = (await exportDraft('html', input(seedDraft()))).body.toString('utf8');
    expect(html).toMatch(/body \{[^}]*font: 12pt\/1\.45 "Times New Roman", Tinos/);
    const pdf = await exportDraft('pdf', input(seedDraft()));
    const fonts = (await pdfFonts(pdf.body)).split('\n').slice(2).filter(Boolean);
    for (const row of fonts) expect(row).toMatch(/Tinos/);
  });
});
