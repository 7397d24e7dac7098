import { describe, expect, it } from 'vitest';
import { doc, heading, operative, title } from '@accord/shared/testing';
import { input, seedDraft, trackedScenario } from './fixtures';
import { exportDraft } from './index';
import { pdfFonts, pdfText, squash } from './readers';

/** Asserts that each of `parts` occurs in `text`, in this order. */
function expectInOrder(text: string, parts: string[]): void {
  let at = 0;
  for (const part of parts) {
    const found = text.indexOf(part, at);
    expect(found, `"${part}" after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + part.length;
  }
}

describe('PDF export read back by pdftotext', () => {
  it('has every paragraph in order with its number, accents intact', async () => {
    const { body, contentType } = await exportDraft('pdf', input(seedDraft()));
    expect(contentType).toBe('application/pdf');
    const text = squash(await pdfText(body));
    expectInOrder(text, [
      'Sixth Meeting of Ministers',
      'OEA/Ser.K/XXI.6',
      'Original: English',
      'STRENGTHENING OF MICRO, SMALL, AND MEDIUM-SIZED ENTERPRISES',
      'THE GENERAL ASSEMBLY,',
      'HAVING SEEN:',
      'Resolution AG/RES. 2741',
      'CONSIDERING:',
      'That the Summit held in Cartagena de Indias',
      'RESOLVES:',
      '1. To urge member states',
      '2. To request the sectoral authorities to consider [policies and programs]',
      '3. To instruct the General Secretariat',
      'a. Strengthening the institutional framework',
      'b. Promoting the use of Internet resources (São Paulo, Açores, Tôrres, Señor, Noël);',
      'c. Transferring lessons learned.',
      '4. To request CIDI',
      'Bracketed text proposed by Chile, Perú.',
    ]);
  });

  it('embeds its fonts and numbers its pages', async () => {
    const long = doc(
      title('A LONG DRAFT'),
      heading('RESOLVES:'),
      ...Array.from({ length: 60 }, (_, i) =>
        operative(
          `o${i}`,
          `To note item ${i + 1} of the work plan on ${'MSME finance '.repeat(8)};`,
        ),
      ),
    );
    const { body } = await exportDraft('pdf', input(long));
    const fonts = await pdfFonts(body);
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/Roboto.*\byes\b/);
    const text = await pdfText(body);
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => expect(page).toContain(`${i + 1}/${pages.length}`));
    expectInOrder(squash(text), ['59. To note item 59', '60. To note item 60']);
  });

  it('draws tracked changes with the newer number and a legend of delegations', async () => {
    const scenario = trackedScenario();
    const tracked = {
      comparison: scenario.comparison,
      fromContent: scenario.from,
      fromLabel: 'Zero draft',
    };
    const { body } = await exportDraft('pdf', input(scenario.to, { tracked }));
    const text = squash(await pdfText(body));
    expectInOrder(text, [
      'Resolution AG/RES. 2089;',
      '1. To urge member states to continue to strengthen MSMEs;',
      '2. To welcome the São Paulo initiative;',
      '3. To request the authorities',
      'Promoting the InternetICTs;',
      'Changes since Zero draft',
      'Peru, Chile, Brazil, Canada, Mexico',
    ]);
  });
});
