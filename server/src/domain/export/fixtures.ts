import type { NodeJSON } from '@accord/shared';
import type { Comparison } from '@accord/shared/comparison';
import {
  bracket,
  comparison,
  del,
  doc,
  equal,
  heading,
  ins,
  italic,
  note,
  operative,
  organ,
  paragraph,
  preambular,
  sub,
  title,
} from '@accord/shared/testing';
import type { ExportInput } from './types';

/**
 * Export fixtures: an input around a draft, the seed resolution and a tracked-changes scenario,
 * built with the shared builders (`@accord/shared/testing`).
 */

/** An export input around `content` with a plausible meeting. */
export function input(content: NodeJSON, overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    content,
    style: 'oas',
    language: 'en',
    meeting: {
      title: 'Sixth Meeting of Ministers and High Authorities of MSMEs',
      sector: 'Trade',
      venue: 'Belize City, Belize',
      startsOn: '2026-11-26',
      endsOn: '2026-11-28',
    },
    document: {
      id: 'doc1',
      title: 'Strengthening of MSMEs',
      symbol: 'OEA/Ser.K/XXI.6',
      createdAt: '2026-11-20T10:00:00.000Z',
    },
    versionLabel: 'Rev.1',
    generatedAt: new Date('2026-11-28T17:50:34.000Z'),
    ...overrides,
  };
}

/** The seed resolution (tests/fixtures/seed), shortened, with a bracket and Spanish/Portuguese words. */
export function seedDraft(): NodeJSON {
  return doc(
    title('STRENGTHENING OF MICRO, SMALL, AND MEDIUM-SIZED ENTERPRISES'),
    note('(Presented by the Delegation of Belize)'),
    organ('THE GENERAL ASSEMBLY,'),
    heading('HAVING SEEN:'),
    preambular('pre1', 'Resolution AG/RES. 2741 (XXLII-O/12) that extended the Strategic Plan;'),
    preambular('pre2', 'Resolution AG/RES. 2089 (XXXV-O/05) “Strengthening of MSMEs”;'),
    heading('CONSIDERING:'),
    preambular(
      'pre3',
      'That the Summit held in Cartagena de Indias, Colombia, resolved to promote growth;',
    ),
    preambular(
      'pre4',
      'That the Strategic Plan calls for coordination with the Banco Interamericano;',
    ),
    heading('RESOLVES:'),
    operative('op1', 'To urge member states to continue to strengthen MSMEs;'),
    operative(
      'op2',
      'To request the sectoral authorities to consider ',
      bracket(['Chile', 'Perú'], 'policies and programs'),
      ' in support of MSMEs;',
    ),
    operative('op3', 'To instruct the General Secretariat to support, by:'),
    sub('sa', 'Strengthening the institutional framework, ', italic('in particular'), ';'),
    sub('sb', 'Promoting the use of Internet resources (São Paulo, Açores, Tôrres, Señor, Noël);'),
    sub('sc', 'Transferring lessons learned.'),
    operative('op4', 'To request CIDI to report to the General Assembly.'),
  );
}

/**
 * Two versions of a draft and their comparison: Chile inserts words in paragraph 1, Brazil
 * inserts a new paragraph 2 (so 2 becomes 3), Chile adds bracketed words to it, Peru deletes a
 * preambular paragraph, Canada moves paragraph 4 before paragraph 3 and edits it, Mexico
 * rewrites sub-paragraph b.
 */
export function trackedScenario(): {
  from: NodeJSON;
  to: NodeJSON;
  comparison: Comparison;
} {
  const head = [
    title('STRENGTHENING OF MSMES'),
    organ('THE GENERAL ASSEMBLY,'),
    heading('HAVING SEEN:'),
  ];
  const from = doc(
    ...head,
    preambular('pre1', 'Resolution AG/RES. 2741;'),
    preambular('pre2', 'Resolution AG/RES. 2089;'),
    heading('RESOLVES:'),
    operative('op1', 'To urge member states to strengthen MSMEs;'),
    operative('op2', 'To request the authorities to consider policies;'),
    operative('op3', 'To instruct the Secretariat to support efforts by:'),
    sub('sa', 'Strengthening frameworks;'),
    sub('sb', 'Promoting the Internet;'),
    operative('op4', 'To request a report.'),
  );
  const to = doc(
    ...head,
    preambular('pre1', 'Resolution AG/RES. 2741;'),
    heading('RESOLVES:'),
    operative('op1', 'To urge member states to continue to strengthen MSMEs;'),
    operative('opN', 'To welcome the São Paulo initiative;'),
    operative(
      'op2',
      'To request the authorities to consider policies ',
      bracket(['Chile'], 'and programs'),
      ';',
    ),
    operative('op4', 'To request a written report.'),
    operative('op3', 'To instruct the Secretariat to support efforts by:'),
    sub('sa', 'Strengthening frameworks;'),
    sub('sb', 'Promoting ICTs;'),
  );
  const n = (f: string | null, t: string | null) => ({ from: f, to: t });
  return {
    from,
    to,
    comparison: comparison([
      paragraph('pre1', 'preambular', 'unchanged', [equal('Resolution AG/RES. 2741;')]),
      paragraph('pre2', 'preambular', 'deleted', [del('Peru', 'Resolution AG/RES. 2089;')]),
      paragraph(
        'op1',
        'operative',
        'modified',
        [
          equal('To urge member states to '),
          ins('Chile', 'continue to '),
          equal('strengthen MSMEs;'),
        ],
        n('1', '1'),
      ),
      paragraph(
        'opN',
        'operative',
        'inserted',
        [ins('Brazil', 'To welcome the São Paulo initiative;')],
        n(null, '2'),
      ),
      paragraph(
        'op2',
        'operative',
        'modified',
        [
          equal('To request the authorities to consider policies'),
          ins('Chile', ' and programs'),
          equal(';'),
        ],
        n('2', '3'),
      ),
      paragraph(
        'op4',
        'operative',
        'moved',
        [equal('To request a '), ins('Canada', 'written '), equal('report.')],
        n('4', '4'),
      ),
      paragraph(
        'op3',
        'operative',
        'unchanged',
        [equal('To instruct the Secretariat to support efforts by:')],
        n('3', '5'),
      ),
      paragraph(
        'sa',
        'subparagraph',
        'unchanged',
        [equal('Strengthening frameworks;')],
        n('a', 'a'),
      ),
      paragraph(
        'sb',
        'subparagraph',
        'modified',
        [equal('Promoting '), del('Mexico', 'the Internet'), ins('Mexico', 'ICTs'), equal(';')],
        n('b', 'b'),
      ),
    ]),
  };
}
