import { describe, expect, it } from 'vitest';
import { alternative, doc, heading, operative, preambular, title } from '@accord/shared/testing';
import { input, seedDraft, trackedScenario } from './fixtures';
import { exportDraft } from './index';
import { pdfFonts, pdfPageSize, pdfText, pdfWords, squash } from './readers';

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
    for (const row of rows) expect(row).toMatch(/Tinos.*\byes\b/);
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

describe('PDF page and line setting', () => {
  it('[AP6] prints on US Letter by default and on A4 when the meeting says so', async () => {
    const letter = await exportDraft('pdf', input(seedDraft()));
    expect(await pdfPageSize(letter.body)).toBe('612 x 792');
    const base = input(seedDraft());
    const a4 = await exportDraft('pdf', { ...base, meeting: { ...base.meeting, paperSize: 'a4' } });
    expect(await pdfPageSize(a4.body)).toBe('595.28 x 841.89');
  });

  it('[AP8] keeps "AG/RES. 2089 (XXXV-O/05)" one piece on every justified line', async () => {
    const symbol = 'AG/RES. 2089 (XXXV-O/05)';
    // Words of varied length push the symbol to every place on a line, line ends included.
    const words = ['the', 'resolutions', 'of', 'Assembly', 'on', 'cooperation', 'in', 'MSMEs'];
    const sentence = Array.from(
      { length: 40 },
      (_, i) => `${words.slice(0, (i % words.length) + 1).join(' ')} ${symbol}`,
    ).join(', ');
    const draft = doc(title('CITATIONS'), preambular('p1', `Recalling ${sentence};`));
    const { body } = await exportDraft('pdf', input(draft));
    const text = squash(await pdfText(body));
    const count = text.split(symbol).length - 1;
    // Broken across two lines is allowed only at a space, where pdftotext gives one space.
    expect(count).toBe(40);
    for (const word of await pdfWords(body)) expect(word.text).not.toMatch(/^(RES\.|O\/05\))$/);
  });

  it('[AP9] prints "2 bis." inside the margin, on the line of its text', async () => {
    const draft = doc(
      heading('RESOLVES:'),
      operative('o1', 'To urge member states to continue to strengthen MSMEs;'),
      operative('o2', 'To request the authorities to consider policies;'),
      alternative('o2b', 'To request the authorities to consider programmes;'),
      ...Array.from({ length: 8 }, (_, i) => operative(`x${i}`, `To note item ${i + 3};`)),
      alternative('o10b', 'To note the alternative to item ten;'),
    );
    const { body } = await exportDraft('pdf', input(draft));
    const words = await pdfWords(body);
    for (const [number, first] of [
      ['2', 'To request the authorities to consider programmes'],
      ['10', 'To note the alternative'],
    ] as const) {
      const index = words.findIndex(
        (w, i) =>
          w.text === number &&
          words[i + 1]?.text === 'bis.' &&
          words
            .slice(i + 2, i + 12)
            .map((x) => x.text)
            .join(' ')
            .startsWith(first),
      );
      expect(index, `"${number} bis." before "${first}"`).toBeGreaterThanOrEqual(0);
      const [digits, bis, text] = [words[index]!, words[index + 1]!, words[index + 2]!];
      // The page margin is 64 pt: the number starts inside it, on the same line as the text.
      expect(digits.xMin).toBeGreaterThanOrEqual(64);
      expect(bis.yMin).toBeCloseTo(digits.yMin, 0);
      expect(text.yMin).toBeCloseTo(digits.yMin, 0);
      expect(bis.xMax).toBeLessThan(text.xMin);
    }
  });

  it('[AP8] still breaks a web address longer than a line rather than print past the margin', async () => {
    const address = `https://www.oas.org/${'sedi/'.repeat(30)}report.pdf`;
    const draft = doc(
      title('LINKS'),
      preambular('p1', `Recalling the report at ${address} and others;`),
    );
    const { body } = await exportDraft('pdf', input(draft));
    for (const word of await pdfWords(body)) expect(word.xMax).toBeLessThanOrEqual(612 - 64 + 1);
  });
});
