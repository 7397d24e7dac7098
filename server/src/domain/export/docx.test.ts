import { curlQuotes } from '@accord/shared/language-conventions';
import { draftToText } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import {
  alternative,
  bracket,
  doc,
  heading,
  italic,
  operative,
  organ,
  preambular,
  sub,
  sub2,
  title,
} from '@accord/shared/testing';
import { input, seedDraft } from './fixtures';
import { exportDraft } from './index';
import { docxPart, pandoc, squash } from './readers';

/** The body as pandoc reads it, from the title on (the header table comes first). */
async function body(docx: Buffer, from: string): Promise<string> {
  const text = await pandoc(docx, 'docx');
  return squash(text.slice(text.indexOf(from)));
}

describe('DOCX export read back by pandoc', () => {
  it('gives every paragraph in order with its number, as the txt format does', async () => {
    const content = seedDraft();
    const { body: docx, contentType, extension } = await exportDraft('docx', input(content));
    expect(contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(extension).toBe('docx');
    expect(await body(docx, 'STRENGTHENING')).toBe(squash(draftToText(content, 'oas')));
  });

  it('numbers UN-style sub-paragraphs (a), (i) and alternatives "bis"', async () => {
    const content = doc(
      title('MSME FINANCE'),
      organ('The Ministers,'),
      preambular('p1', italic('Recalling'), ' resolution 70/1,'),
      operative('o1', italic('Decides'), ' to act;'),
      alternative('o1b', italic('Decides'), ' to act at once;'),
      operative('o2', italic('Requests'), ':'),
      sub('s1', 'Training;'),
      sub2('s2', 'for women;'),
      sub2('s3', 'for youth;'),
      sub('s4', 'Credit.'),
    );
    const { body: docx } = await exportDraft('docx', input(content, { style: 'un' }));
    const text = await body(docx, 'MSME FINANCE');
    // Numbers are Word list numbers, which pandoc reads with its own delimiter ("a." where Word
    // prints the definition's "(a)"); the definition's level text is checked below.
    expect(text).toBe(squash(draftToText(content, 'un')).replace(/\((\w+)\)/g, '$1.'));
    expect(text).toContain(
      '1 bis. Decides to act at once; 2. Requests: a. Training; i. for women;',
    );
    const numbering = await docxPart(docx, 'word/numbering.xml');
    expect(numbering).toContain('<w:lvlText w:val="(%2)"/>');
    expect(numbering).toContain('<w:lvlText w:val="(%3)"/>');
    const xml = await docxPart(docx, 'word/document.xml');
    expect(xml).toMatch(/<w:i\/>[^]*?Recalling/);
  });

  it('prints the header block, the original language and page numbers', async () => {
    const { body: docx } = await exportDraft('docx', input(seedDraft(), { language: 'es' }));
    const text = await pandoc(docx, 'docx');
    expect(text).toContain('OEA/Ser.K/XXI.6');
    expect(text).toContain('Original: español');
    expect(text).toContain('28 de noviembre de 2026');
    expect(text.indexOf('Sixth Meeting')).toBeLessThan(text.indexOf('STRENGTHENING'));
    expect(await docxPart(docx, 'word/footer1.xml')).toMatch(/PAGE/);
  });

  it('names the proposing delegations of bracketed text in a comment', async () => {
    const { body: docx } = await exportDraft('docx', input(seedDraft()));
    const comments = await docxPart(docx, 'word/comments.xml');
    expect(comments).toContain('w:author="Chile, Perú"');
    expect(comments).toContain('Bracketed text proposed by Chile, Perú.');
    const xml = await docxPart(docx, 'word/document.xml');
    expect(xml).toMatch(
      /commentRangeStart[^]*\[[^]*policies and programs[^]*\][^]*commentRangeEnd/,
    );
  });

  it('keeps hostile text as text', async () => {
    const hostile = '<script>alert("x")</script> & \u2018A\u2019 \u200fمرحبا\u200e';
    const content = doc(
      title('T'),
      heading('RESOLVES:'),
      // A bell character is not allowed in XML: it is dropped, not left to corrupt the file.
      operative('o1', hostile, '\u0007', bracket(['"><b>Chile'], ' & more')),
    );
    const { body: docx } = await exportDraft(
      'docx',
      input(content, { meeting: { title: hostile } }),
    );
    const text = await pandoc(docx, 'docx');
    // The draft's straight quotes print as the language's marks; the rest is kept as text.
    expect(squash(text)).toContain(`1. ${curlQuotes(hostile, 'en')}[ & more]`);
    expect(text).toContain(hostile.slice(0, 30));
    const comments = await docxPart(docx, 'word/comments.xml');
    expect(comments).toContain('w:author="&quot;&gt;&lt;b&gt;Chile"');
  });
});
