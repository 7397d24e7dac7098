import type { MarkJSON, NodeJSON } from '@accord/shared';
import type { Comparison, ParagraphChange, Span } from '@accord/shared/comparison';
import type { ExportInput } from './types';

/**
 * Builders for drafts in tests and the benchmark, in the ProseMirror manner: `doc(title('…'),
 * operative('op1', 'To urge …;'))` reads as the document it makes.
 */

type Inline = string | NodeJSON;

function inline(content: Inline[]): NodeJSON[] {
  return content
    .map((c) => (typeof c === 'string' ? { type: 'text', text: c } : c))
    .filter((c) => c.text !== '');
}

function withMark(mark: MarkJSON, content: Inline[]): NodeJSON[] {
  return inline(content).map((n) => ({ ...n, marks: [...(n.marks ?? []), mark] }));
}

export const bold = (text: string): NodeJSON => withMark({ type: 'bold' }, [text])[0] as NodeJSON;
export const italic = (text: string): NodeJSON =>
  withMark({ type: 'italic' }, [text])[0] as NodeJSON;
/** Bracketed text proposed by `delegations`. */
export const bracket = (delegations: string[], text: string): NodeJSON =>
  withMark({ type: 'bracket', attrs: { delegations } }, [text])[0] as NodeJSON;

export const doc = (...blocks: NodeJSON[]): NodeJSON => ({ type: 'doc', content: blocks });
export const title = (...c: Inline[]): NodeJSON => ({ type: 'title', content: inline(c) });
export const organ = (...c: Inline[]): NodeJSON => ({ type: 'organ', content: inline(c) });
export const heading = (...c: Inline[]): NodeJSON => ({ type: 'leadHeading', content: inline(c) });
export const note = (...c: Inline[]): NodeJSON => ({ type: 'paragraph', content: inline(c) });
export const preambular = (id: string, ...c: Inline[]): NodeJSON => ({
  type: 'preambular',
  attrs: { id, status: 'pending' },
  content: inline(c),
});
export const operative = (id: string, ...c: Inline[]): NodeJSON => ({
  type: 'operative',
  attrs: { id, status: 'pending', alternative: false },
  content: inline(c),
});
/** An alternative to the operative paragraph before it ("2 bis"). */
export const alternative = (id: string, ...c: Inline[]): NodeJSON => ({
  type: 'operative',
  attrs: { id, status: 'pending', alternative: true },
  content: inline(c),
});
export const sub = (id: string, ...c: Inline[]): NodeJSON => ({
  type: 'subparagraph',
  attrs: { id, level: 1 },
  content: inline(c),
});
export const sub2 = (id: string, ...c: Inline[]): NodeJSON => ({
  type: 'subparagraph',
  attrs: { id, level: 2 },
  content: inline(c),
});

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

export const equal = (text: string): Span => ({ kind: 'equal', text });
export const ins = (delegation: string, text: string): Span => ({
  kind: 'insert',
  text,
  delegation,
  participant: `p-${delegation}`,
});
export const del = (delegation: string, text: string): Span => ({
  kind: 'delete',
  text,
  delegation,
  participant: `p-${delegation}`,
});

export function paragraph(
  paragraphId: string,
  type: string,
  change: ParagraphChange['change'],
  spans: Span[],
  number: ParagraphChange['number'] = { from: null, to: null },
): ParagraphChange {
  return { paragraphId, type, number, change, spans };
}

/** A comparison with `changes` and `summary` worked out from the paragraphs' spans. */
export function comparison(paragraphs: ParagraphChange[]): Comparison {
  const changes = paragraphs.flatMap((p) =>
    p.spans
      .filter((s) => s.kind !== 'equal')
      .map((s) => ({
        kind: s.kind === 'insert' ? ('insert' as const) : ('delete' as const),
        text: s.text,
        delegation: s.delegation ?? '',
        participant: s.participant ?? '',
        paragraphId: p.paragraphId,
      })),
  );
  const byDelegation: Comparison['summary']['byDelegation'] = {};
  for (const c of changes) {
    const count = (byDelegation[c.delegation] ??= { insertions: 0, deletions: 0 });
    if (c.kind === 'insert') count.insertions += 1;
    else count.deletions += 1;
  }
  const insertions = changes.filter((c) => c.kind === 'insert').length;
  return {
    from: 'v1',
    to: 'current',
    paragraphs,
    changes,
    summary: { insertions, deletions: changes.length - insertions, byDelegation },
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
