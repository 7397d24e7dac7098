import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ID_PATTERN, nodeText, type NodeJSON } from '@accord/shared';
import { draftToText } from '@accord/shared/text';
import { loadTemplates, instantiateTemplate } from '../templates';
import { DOCX_TYPE, ImportError, importDraft } from './index';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`fixtures/${name}`, import.meta.url)));
const TEMPLATES_DIR = fileURLToPath(new URL('../../../../templates', import.meta.url));

/** The blocks of a draft with the lead-word heading each stands under. */
function outline(content: NodeJSON) {
  let heading = '';
  return (content.content ?? []).map((block) => {
    if (block.type === 'leadHeading') heading = nodeText(block);
    return { type: block.type, heading, level: block.attrs?.level, text: nodeText(block) };
  });
}

const count = (content: NodeJSON, type: string) =>
  (content.content ?? []).filter((block) => block.type === type).length;

function expectFreshUniqueIds(content: NodeJSON) {
  const ids = (content.content ?? []).flatMap((block) => (block.attrs?.id ? [block.attrs.id] : []));
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(ID_PATTERN);
}

describe('importDraft: the seed resolution', () => {
  it('imports as 2 HAVING SEEN + 2 CONSIDERING preambulars, 4 operatives, sub-paragraphs a–c under the third', async () => {
    const draft = await importDraft({
      contentType: 'text/plain',
      body: fixture('seed-resolution.txt'),
    });
    const blocks = outline(draft.content);
    const preambulars = blocks.filter((b) => b.type === 'preambular');
    expect(preambulars.filter((b) => b.heading === 'HAVING SEEN:')).toHaveLength(2);
    expect(preambulars.filter((b) => b.heading === 'CONSIDERING:')).toHaveLength(2);
    expect(preambulars).toHaveLength(4);
    expect(count(draft.content, 'operative')).toBe(4);
    const kinds = blocks
      .filter((b) => b.type === 'operative' || b.type === 'subparagraph')
      .map((b) => b.type);
    expect(kinds).toEqual([
      'operative',
      'operative',
      'operative',
      'subparagraph',
      'subparagraph',
      'subparagraph',
      'operative',
    ]);
    expect(blocks.find((b) => b.type === 'organ')?.text).toBe('THE GENERAL ASSEMBLY,');
    expect(draft.title).toBe('STRENGTHENING OF MICRO, SMALL, AND MEDIUM-SIZED ENTERPRISES');
    expect(draft.style).toBe('oas');
    expect(draft.warnings).toEqual([]);
    expectFreshUniqueIds(draft.content);
  });

  it('reads back in the contract text format', async () => {
    const draft = await importDraft({
      contentType: 'text/plain; charset=utf-8',
      body: fixture('seed-resolution.txt'),
    });
    const text = draftToText(draft.content, draft.style);
    const lines = text.trimEnd().split('\n\n');
    expect(lines.slice(0, 4)).toEqual([
      'STRENGTHENING OF MICRO, SMALL, AND MEDIUM-SIZED ENTERPRISES',
      '(Presented by the Delegation of Belize)',
      'THE GENERAL ASSEMBLY,',
      'HAVING SEEN:',
    ]);
    expect(lines).toContain('RESOLVES:');
    expect(lines.filter((l) => /^\d\. To /.test(l)).map((l) => l.slice(0, 2))).toEqual([
      '1.',
      '2.',
      '3.',
      '4.',
    ]);
    expect(lines.filter((l) => l.startsWith('    ')).map((l) => l.slice(0, 7))).toEqual([
      '    a. ',
      '    b. ',
      '    c. ',
    ]);
    // "4." alone on its line joins the text that follows it.
    expect(text).toContain(
      '4. To request the Inter-American Council for Integral Development (CIDI) to report',
    );
    // A bracket inside a quotation is the quotation's, not a negotiation bracket.
    expect(JSON.stringify(draft.content)).not.toContain('"bracket"');
    expect(text).toContain('“[to] promote');
  });

  it('imports the same text from a PDF copy: wrapped lines, hyphenation, page number and running header', async () => {
    const clean = await importDraft({
      contentType: 'text/plain',
      body: fixture('seed-resolution.txt'),
    });
    const pdf = await importDraft({
      contentType: 'text/plain',
      body: fixture('seed-from-pdf.txt'),
    });
    const withoutSymbol = { ...pdf.content, content: pdf.content.content?.slice(1) };
    expect(pdf.content.content?.[0]?.type).toBe('paragraph'); // the document symbol, as a note
    expect(draftToText(withoutSymbol, 'oas')).toBe(draftToText(clean.content, 'oas'));
    expect(pdf.warnings.join(' ')).toMatch(
      /2 lines that looked like page numbers or running headers/,
    );
  });
});

describe('importDraft: UN style', () => {
  const expectUnStructure = (content: NodeJSON) => {
    expect(count(content, 'organ')).toBe(1);
    expect(count(content, 'preambular')).toBe(4);
    expect(count(content, 'operative')).toBe(4);
    const subs = (content.content ?? []).filter((b) => b.type === 'subparagraph');
    expect(subs.map((b) => b.attrs?.level)).toEqual([1, 2, 2, 1]);
    // Lead words are set in italics, as UN texts print them.
    for (const block of content.content ?? []) {
      if (block.type === 'preambular' || block.type === 'operative') {
        expect(block.content?.[0]?.marks).toEqual([{ type: 'italic' }]);
      }
    }
  };

  it('imports participles, "1. Decides" and (a)/(i) sub-paragraphs from Markdown', async () => {
    const draft = await importDraft({
      contentType: 'text/markdown',
      body: fixture('un-resolution.md'),
    });
    expect(draft.style).toBe('un');
    expect(draft.title).toBe(
      'Strengthening micro, small and medium-sized enterprises for sustainable development',
    );
    expectUnStructure(draft.content);
    const text = draftToText(draft.content, draft.style);
    expect(text).toContain('\n\n2. Encourages Member States:\n\n    (a) To strengthen');
    expect(text).toContain(
      '\n\n        (i) Simplifying the registration of businesses;\n\n        (ii) Improving',
    );
    expect(text).toContain('\n\n    (b) To promote');
    expect(text).toContain('\n\nRecalling its resolution 70/1');
  });

  it('imports the same structure from plain text, where the italics were lost', async () => {
    const plain = fixture('un-resolution.md').toString('utf8').replace(/[*_]/g, '');
    const draft = await importDraft({ contentType: 'text/plain', body: Buffer.from(plain) });
    expect(draft.style).toBe('un');
    expectUnStructure(draft.content);
    const noting = draft.content.content?.find((b) => nodeText(b).startsWith('Noting'));
    expect(noting?.content?.[0]?.text).toBe('Noting with appreciation');
  });
});

describe('importDraft: .docx and Markdown', () => {
  it('imports a .docx made by pandoc from Markdown with a numbered list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-import-'));
    const docx = join(dir, 'resolution.docx');
    let body: Buffer;
    try {
      execFileSync('pandoc', [
        fileURLToPath(new URL('fixtures/resolution-for-docx.md', import.meta.url)),
        '-o',
        docx,
      ]);
      body = readFileSync(docx);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const draft = await importDraft({ contentType: DOCX_TYPE, body });
    const blocks = outline(draft.content);
    expect(draft.title).toBe('STRENGTHENING OF MICRO, SMALL, AND MEDIUM-SIZED ENTERPRISES');
    expect(blocks.map((b) => b.type)).toEqual([
      'title',
      'paragraph',
      'organ',
      'leadHeading',
      'preambular',
      'leadHeading',
      'preambular',
      'leadHeading',
      'operative',
      'operative',
      'subparagraph',
      'subparagraph',
      'subparagraph',
      'operative',
    ]);
    const text = draftToText(draft.content, draft.style);
    // Word's automatic numbers come back, as the text format prints them.
    expect(text).toContain('\n\n2. To instruct the General Secretariat');
    expect(text).toContain(
      '\n\n    c. Transferring lessons learned and sharing best practices;\n\n3. To request',
    );
    // Bracketed text stays bracketed.
    expect(text).toContain('[within two years]');
    expect(JSON.stringify(draft.content)).toContain('"bracket"');
    expectFreshUniqueIds(draft.content);
  });

  it('imports Markdown: headings, bold lead words, lazy "1." numbering and nested letters', async () => {
    const markdown = [
      '# Access to finance for MSMEs',
      '**THE GENERAL ASSEMBLY,**',
      '**CONSIDERING:**',
      'That the Strategic Plan calls for coordinating efforts with the World Bank;',
      '**RESOLVES:**',
      '1. To invite the Inter-American Development Bank to broaden its lines of credit;',
      '1. To request the General Secretariat:',
      '    a. to coordinate with other regional development banks;',
      '1. To request CIDI to report.',
    ].join('\n\n');
    const draft = await importDraft({ contentType: 'text/markdown', body: Buffer.from(markdown) });
    expect(draft.title).toBe('Access to finance for MSMEs');
    expect(outline(draft.content).map((b) => b.type)).toEqual([
      'title',
      'organ',
      'leadHeading',
      'preambular',
      'leadHeading',
      'operative',
      'operative',
      'subparagraph',
      'operative',
    ]);
    expect(draft.warnings).toEqual([]);
    expect(draftToText(draft.content, 'oas')).toContain('3. To request CIDI to report.');
  });

  it('a ?title= given by the person importing wins over the title found', async () => {
    const draft = await importDraft({
      contentType: 'text/plain',
      body: fixture('seed-resolution.txt'),
      title: ' Zero draft ',
    });
    expect(draft.title).toBe('Zero draft');
  });
});

describe('importDraft: what cannot be recognised or read', () => {
  it('imports text without structure as plain paragraphs, with a warning', async () => {
    const text =
      'Notes from the coffee break\n\nBring the projector back to room 3.\n\nLunch is at noon, not at one.';
    const draft = await importDraft({ contentType: 'text/plain', body: Buffer.from(text) });
    expect(draft.content.content?.map((b) => b.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(draft.warnings.join(' ')).toMatch(/No resolution structure was recognised/);
    expect(draft.title).toBe('Notes from the coffee break');
  });

  const refusal = async (contentType: string, body: Buffer) => {
    try {
      await importDraft({ contentType, body });
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      return (error as ImportError).code;
    }
    throw new Error('imported');
  };

  it('refuses empty, blank, binary, PDF, broken .docx and unknown types with a clear code', async () => {
    expect(await refusal('text/plain', Buffer.alloc(0))).toBe('empty_import');
    expect(await refusal('text/plain', Buffer.from(' \n\n \t\n'))).toBe('empty_import');
    expect(
      await refusal('text/plain', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x89, 0x50, 0x00, 0x00])),
    ).toBe('undecodable_import');
    expect(await refusal('text/plain', Buffer.from('%PDF-1.7\n%âãÏÓ'))).toBe('undecodable_import');
    expect(await refusal(DOCX_TYPE, Buffer.from('this is not a zip file'))).toBe(
      'undecodable_import',
    );
    expect(await refusal('image/png', Buffer.from('x'))).toBe('unsupported_import_type');
    expect(await refusal('text/plain; charset=klingon', Buffer.from('x'))).toBe(
      'undecodable_import',
    );
  });

  it('reads Windows-1252 text (Word "Plain Text") and says so', async () => {
    const body = Buffer.from(
      'RESOLVES:\n\n1. To urge member states to consider the \x93best practices\x94;\n',
      'latin1',
    );
    const draft = await importDraft({ contentType: 'text/plain', body });
    expect(draftToText(draft.content, 'oas')).toContain(
      '1. To urge member states to consider the “best practices”;',
    );
    expect(draft.warnings.join(' ')).toMatch(/Windows-1252/);
  });
});

describe('importDraft: every template reads back as itself', () => {
  const { templates } = loadTemplates(TEMPLATES_DIR);
  for (const template of templates.values()) {
    it(`${template.id}: the text of the filled template imports with the same structure`, async () => {
      const content = instantiateTemplate(template, {});
      const text = draftToText(content, template.style);
      const draft = await importDraft({ contentType: 'text/plain', body: Buffer.from(text) });
      const shape = (c: NodeJSON) =>
        (c.content ?? []).map((b) => `${b.type}${b.attrs?.level === 2 ? '2' : ''}`);
      expect(shape(draft.content)).toEqual(shape(content));
      expect(draft.style).toBe(template.style);
      expect(draftToText(draft.content, draft.style)).toBe(text);
    });
  }
});
