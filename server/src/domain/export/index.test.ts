import { draftToText } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import { doc } from '@accord/shared/testing';
import { input, seedDraft, trackedScenario } from './fixtures';
import { EXPORT_FORMATS, ExportError, exportDraft } from './index';
import { validateAkn } from './readers';

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

  it('renders an empty draft in every format', async () => {
    for (const format of EXPORT_FORMATS) {
      const { body } = await exportDraft(format, input(doc()));
      expect(body.length, format).toBeGreaterThan(0);
      if (format === 'akn') expect(await validateAkn(body)).toMatch(/validates/);
    }
  });
});
