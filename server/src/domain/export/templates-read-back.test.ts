import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { draftToText, nodeText, type NodeJSON } from '@accord/shared';
import type { Template } from '@accord/shared/template';
import { instantiateTemplate, loadTemplates } from '../templates/index';
import { input } from './fixtures';
import { exportDraft } from './index';
import { pandoc, pdfText, squash, validateAkn } from './readers';

/**
 * Every template, exported in every format, read back by a real reader (SPEC.md [AP13]): pandoc
 * for DOCX, HTML and Markdown, pdftotext for PDF, xmllint against the OASIS schema for Akoma
 * Ntoso; the txt format is the text itself.
 */

const TEMPLATES_DIR = fileURLToPath(new URL('../../../../templates', import.meta.url));

/** Plausible values for every field (defaults where the template has them). */
function values(template: Template): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of template.fields) {
    if (field.default !== undefined) continue;
    out[field.name] =
      field.type === 'date'
        ? '2026-11-28'
        : field.type === 'year'
          ? '2026'
          : `Sample ${field.label}`;
  }
  return out;
}

const READERS: Record<string, (body: Buffer) => Promise<string>> = {
  docx: (body) => pandoc(body, 'docx'),
  pdf: (body) => pdfText(body),
  html: (body) => pandoc(body, 'html'),
  md: (body) => pandoc(body, 'markdown'),
  txt: (body) => Promise.resolve(body.toString('utf8')),
  akn: async (body) => {
    await validateAkn(body);
    return body.toString('utf8').replace(/<[^>]+>/g, '');
  },
};

/** The opening words of each block with text, as a reader shows them. */
function openings(content: NodeJSON): string[] {
  return (content.content ?? [])
    .map((block) => squash(nodeText(block)))
    .filter((text) => text !== '')
    .map((text) => text.split(' ').slice(0, 4).join(' '));
}

describe('every template in every format', () => {
  const { templates, errors } = loadTemplates(TEMPLATES_DIR);

  it('has templates to check', () => {
    expect(errors).toEqual([]);
    expect(templates.size).toBeGreaterThanOrEqual(10);
  });

  for (const template of templates.values()) {
    it(`[AP13] ${template.id}: every format reads back with all its paragraphs`, async () => {
      const content = instantiateTemplate(template, values(template));
      const exported = input(content, {
        style: template.style,
        language: template.language,
        document: {
          id: 'd1',
          title: template.title,
          symbol: 'OEA/Ser.K/XLIII.1 CIDI/RME/doc.5/26',
          createdAt: '2026-11-20T10:00:00.000Z',
          kind: template.kind,
        },
      });
      const expected = openings(content);
      expect(expected.length).toBeGreaterThan(3);
      for (const [format, read] of Object.entries(READERS)) {
        const { body } = await exportDraft(format, exported);
        // Markdown escapes and PDF line ends aside, each block's opening words are there, in order.
        const text = squash(await read(body)).replace(/\u00a0/g, ' ');
        let at = 0;
        for (const opening of expected) {
          const found = text.indexOf(opening, at);
          expect(found, `${format}: "${opening}"`).toBeGreaterThanOrEqual(0);
          at = found + opening.length;
        }
        if (format === 'txt')
          expect(body.toString('utf8')).toBe(draftToText(content, template.style));
      }
    });
  }
});
