import { describe, expect, it } from 'vitest';
import { input, seedDraft } from './fixtures';
import { exportDraft } from './index';
import { pandoc, pdfText, squash, validateAkn } from './readers';

/**
 * The OAS apparatus in every export's header: the symbol and "Original:" naming the source
 * language in that language; HTML `lang` and AKN `FRBRlanguage` follow the document's language.
 */

const SYMBOL = 'OEA/Ser.K/XLIII.1 CIDI/RME/doc.5/26 rev. 1';

const READERS: Record<string, (body: Buffer) => Promise<string>> = {
  docx: (body) => pandoc(body, 'docx'),
  pdf: (body) => pdfText(body),
  html: (body) => pandoc(body, 'html'),
  md: (body) => pandoc(body, 'markdown'),
  akn: async (body) => {
    await validateAkn(body);
    return body.toString('utf8').replace(/<[^>]+>/g, ' ');
  },
};

describe('the apparatus in every export header', () => {
  const cases = [
    ['en', 'Original: English', 'eng'],
    ['es', 'Original: español', 'spa'],
    ['fr', 'Original\u00a0: français', 'fra'],
    ['pt', 'Original: português', 'por'],
  ] as const;

  for (const [language, original, iso] of cases) {
    it(`[AP1] [AP2] prints the symbol and "${original}" for a ${language} original`, async () => {
      const base = input(seedDraft(), { language });
      const exported = { ...base, document: { ...base.document, symbol: SYMBOL } };
      for (const [format, read] of Object.entries(READERS)) {
        const { body } = await exportDraft(format, exported);
        const text = squash(await read(body));
        expect(text, format).toContain(SYMBOL);
        // pdftotext and pandoc give a no-break space back as a space.
        expect(text.replace(/\u00a0/g, ' '), format).toContain(original.replace(/\u00a0/g, ' '));
      }
      const html = (await exportDraft('html', exported)).body.toString('utf8');
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain(original);
      const akn = (await exportDraft('akn', exported)).body.toString('utf8');
      expect(akn).toContain(`<FRBRlanguage language="${iso}"/>`);
    });
  }
});
