import { describe, expect, it } from 'vitest';
import { input, trackedScenario } from './fixtures';
import { exportDraft } from './index';
import { docxPart, pandoc, squash } from './readers';

const scenario = trackedScenario();
const tracked = {
  comparison: scenario.comparison,
  fromContent: scenario.from,
  fromLabel: 'Zero draft',
  changedAt: new Date('2026-11-27T15:30:00.000Z'),
};

async function bodyText(docx: Buffer, mode: 'accept' | 'reject'): Promise<string> {
  const text = await pandoc(docx, 'docx', mode);
  return squash(text.slice(text.indexOf('STRENGTHENING')));
}

/** The text of each revision of one kind in document.xml, with its author. */
function revisions(
  xml: string,
  tag: 'ins' | 'del' | 'moveFrom' | 'moveTo',
): { author: string; text: string }[] {
  const pattern = new RegExp(`<w:${tag} [^>]*w:author="([^"]*)"[^>]*>([^]*?)</w:${tag}>`, 'g');
  return [...xml.matchAll(pattern)].map((m) => ({
    author: m[1] ?? '',
    text: [...(m[2] ?? '').matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((t) => t[1]).join(''),
  }));
}

describe('DOCX export with tracked changes', () => {
  it('accepting every revision gives the newer version, rejecting gives the older', async () => {
    const { body: docx } = await exportDraft('docx', input(scenario.to, { tracked }));
    const newer = await exportDraft('docx', input(scenario.to));
    const older = await exportDraft('docx', input(scenario.from));
    expect(await bodyText(docx, 'accept')).toBe(await bodyText(newer.body, 'accept'));
    expect(await bodyText(docx, 'reject')).toBe(await bodyText(older.body, 'accept'));
    // And the numbering the reader sees in each: Brazil's paragraph pushed 2 to 3.
    expect(await bodyText(docx, 'accept')).toContain(
      '2. To welcome the São Paulo initiative; 3. To request the authorities',
    );
    expect(await bodyText(docx, 'reject')).toContain('2. To request the authorities');
  });

  it('authors each revision by the delegation that made it, at the given time', async () => {
    const { body: docx } = await exportDraft('docx', input(scenario.to, { tracked }));
    const xml = await docxPart(docx, 'word/document.xml');
    const inserted = revisions(xml, 'ins');
    const deleted = revisions(xml, 'del');
    expect(inserted).toContainEqual({ author: 'Chile', text: 'continue to ' });
    expect(inserted).toContainEqual({ author: 'Mexico', text: 'ICTs' });
    expect(inserted).toContainEqual({
      author: 'Brazil',
      text: 'To welcome the São Paulo initiative;',
    });
    expect(deleted).toContainEqual({ author: 'Mexico', text: 'the Internet' });
    expect(deleted).toContainEqual({ author: 'Peru', text: 'Resolution AG/RES. 2089;' });
    expect(deleted).toContainEqual({ author: 'Renumbering', text: '2.' });
    expect(xml).toContain('w:date="2026-11-27T15:30:00.000Z"');
    const settings = await docxPart(docx, 'word/settings.xml');
    expect(settings).toContain('trackRevisions');
  });

  it('[AP12] shows a moved paragraph as a Word move, both halves in named ranges, with notes', async () => {
    const { body: docx } = await exportDraft('docx', input(scenario.to, { tracked }));
    const xml = await docxPart(docx, 'word/document.xml');
    // Canada moved paragraph 4 before 3 and edited it: the new place is a move (to) with the
    // edit inside it, the old place a move (from) with the old words; neither is a plain
    // insertion or deletion.
    expect(revisions(xml, 'moveTo').map((r) => r.author)).toContain('Canada');
    expect(
      revisions(xml, 'moveTo')
        .map((r) => r.text)
        .join('|'),
    ).toContain('written ');
    expect(revisions(xml, 'moveFrom')).toContainEqual({ author: 'Canada', text: 'report.' });
    expect([...revisions(xml, 'ins'), ...revisions(xml, 'del')].map((r) => r.author)).not.toContain(
      'Canada',
    );
    expect(xml).not.toMatch(/<w:moveFrom [^>]*>(?:(?!<\/w:moveFrom>)[^])*w:delText/);
    const from =
      /<w:moveFromRangeStart w:id="(\d+)" w:author="Canada" [^>]*w:name="(move\d+)"\/>/.exec(xml);
    const to = /<w:moveToRangeStart w:id="(\d+)" w:author="Canada" [^>]*w:name="(move\d+)"\/>/.exec(
      xml,
    );
    expect(from?.[2]).toBeDefined();
    expect(to?.[2]).toBe(from?.[2]);
    expect(xml).toContain(`<w:moveFromRangeEnd w:id="${from?.[1]}"/>`);
    expect(xml).toContain(`<w:moveToRangeEnd w:id="${to?.[1]}"/>`);
    // The paragraph marks move too.
    expect(xml).toMatch(/<w:rPr><w:moveTo w:id="\d+" w:author="Canada"[^>]*\/><\/w:rPr>/);
    const comments = await docxPart(docx, 'word/comments.xml');
    expect(comments).toContain('Moved here by Canada (formerly paragraph 4).');
    expect(comments).toContain('Moved by Canada to paragraph 4.');
  });
});
