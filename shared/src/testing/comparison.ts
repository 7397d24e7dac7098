import type { Comparison, ParagraphChange, Span } from '../comparison';

/** Builders for comparisons between two versions, as the history view and exports receive them. */

export const equal = (text: string): Span => ({ kind: 'equal', text });
/** Words `delegation` inserted (by its participant `p-<delegation>`). */
export const ins = (delegation: string, text: string): Span => ({
  kind: 'insert',
  text,
  delegation,
  participant: `p-${delegation}`,
});
/** Words `delegation` deleted (by its participant `p-<delegation>`). */
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
