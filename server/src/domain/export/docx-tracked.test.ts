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
function revisions(xml: string, tag: 'ins' | 'del'): { author: string; text: string }[] {
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

  it('shows a moved paragraph as a deletion and an insertion, tied by comments', async () => {
    const { body: docx } = await exportDraft('docx', input(scenario.to, { tracked }));
    const xml = await docxPart(docx, 'word/document.xml');
    const canada = [...revisions(xml, 'ins'), ...revisions(xml, 'del')].filter(
      (r) => r.author === 'Canada',
    );
    expect(canada.map((r) => r.text).join('|')).toContain('written ');
    expect(revisions(xml, 'del')).toContainEqual({ author: 'Canada', text: 'report.' });
    const comments = await docxPart(docx, 'word/comments.xml');
    expect(comments).toContain('Moved here by Canada (formerly paragraph 4).');
    expect(comments).toContain('Moved by Canada to paragraph 4.');
  });
});
