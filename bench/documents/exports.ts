import type { NodeJSON } from '@accord/shared';
import {
  bracket,
  doc,
  heading,
  italic,
  note,
  operative,
  organ,
  preambular,
  sub,
  title,
} from '@accord/shared/testing';
import { input } from '../../server/src/domain/export/fixtures';
import { EXPORT_FORMATS, exportDraft } from '../../server/src/domain/export/index';

/**
 * Times each export format on a generated draft of about fifty pages (A4, 11 pt): 70
 * preambular paragraphs and 220 operative paragraphs with sub-paragraphs, brackets and
 * accented text. For `npm run bench` to call; not a test, so nothing here asserts a time.
 */

const SENTENCE =
  'micro, small, and medium-sized enterprises, cooperatives and cultural industries in the ' +
  'Americas, including access to finance, São Paulo and Açores initiatives, and coordination ' +
  'with the Inter-American Development Bank and other regional development banks';

export function fiftyPageDraft(): NodeJSON {
  const blocks: NodeJSON[] = [
    title('STRENGTHENING OF MICRO, SMALL, AND MEDIUM-SIZED ENTERPRISES'),
    note('(Presented by the Delegation of Belize)'),
    organ('THE MINISTERS AND HIGH AUTHORITIES OF TRADE,'),
    heading('CONSIDERING:'),
  ];
  for (let i = 1; i <= 70; i += 1) {
    blocks.push(preambular(`pre${i}`, `That the work on ${SENTENCE} (${i}) is urgent;`));
  }
  blocks.push(heading('RECOMMEND:'));
  for (let i = 1; i <= 220; i += 1) {
    blocks.push(
      operative(
        `op${i}`,
        italic('To encourage'),
        ` member states to support ${SENTENCE}, `,
        bracket(['Chile', 'Perú'], `as appropriate (${i})`),
        ';',
      ),
    );
    if (i % 4 === 0) {
      for (const letter of ['a', 'b', 'c']) {
        blocks.push(sub(`op${i}${letter}`, `Strengthening the frameworks for ${SENTENCE};`));
      }
    }
  }
  return doc(...blocks);
}

/** Renders the fifty-page draft once in each format and reports the milliseconds taken. */
export async function benchExports(): Promise<{ format: string; ms: number }[]> {
  const draft = input(fiftyPageDraft());
  const results: { format: string; ms: number }[] = [];
  for (const format of EXPORT_FORMATS) {
    const started = performance.now();
    await exportDraft(format, draft);
    results.push({ format, ms: Math.round(performance.now() - started) });
  }
  return results;
}
