import { draftToText } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import { doc } from '@accord/shared/testing';
import { input, seedDraft, trackedScenario } from './fixtures';
import { EXPORT_FORMATS, ExportError, exportDraft } from './index';
import { pandoc, pdfText, squash, validateAkn } from './readers';

describe('exportDraft', () => {
  it('gives the contract text format for txt', async () => {
    const content = seedDraft();
    const { body, contentType, extension } = await exportDraft('txt', input(content));
    expect(body.toString('utf8')).toBe(draftToText(content, 'oas'));
    expect(contentType).toBe('text/plain; charset=utf-8');
    expect(extension).toBe('txt');
  });

  it('refuses an unknown format, naming the formats', async () => {
    const error = await exportDraft('rtf', input(seedDraft())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).code).toBe('unknown_format');
    for (const format of EXPORT_FORMATS) expect((error as ExportError).message).toContain(format);
  });

  it('refuses tracked changes in txt and Akoma Ntoso with a clear code', async () => {
    const scenario = trackedScenario();
    const tracked = {
      comparison: scenario.comparison,
      fromContent: scenario.from,
      fromLabel: 'v1',
    };
    for (const format of ['txt', 'akn']) {
      const error = await exportDraft(format, input(scenario.to, { tracked })).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ExportError);
      expect((error as ExportError).code).toBe('tracked_changes_unsupported');
    }
  });

  it('renders an empty draft in every format: the header block alone, read back by real readers', async () => {
    const empty = input(doc());
    const readers: Record<string, (body: Buffer) => Promise<string>> = {
      docx: (body) => pandoc(body, 'docx'),
      pdf: (body) => pdfText(body),
      html: (body) => pandoc(body, 'html'),
      md: (body) => pandoc(body, 'markdown'),
    };
    for (const [format, read] of Object.entries(readers)) {
      const text = squash(await read((await exportDraft(format, empty)).body));
      expect(text, format).toContain(empty.meeting.title);
      expect(text, format).toContain('OEA/Ser.K/XXI.6');
      expect(text, format).toContain('Original: English');
    }
    expect((await exportDraft('txt', empty)).body.toString('utf8')).toBe(
      draftToText(empty.content, 'oas'),
    );
    expect(await validateAkn((await exportDraft('akn', empty)).body)).toMatch(/validates/);
  });
});
