/**
 * What the comparison view shows, derived from a `Comparison`: every insert and delete span
 * gets its delegation's colour and, when it passes the delegation filter, a running index for
 * "3 of 17" stepping. The index follows document order, the order of the answer's `changes`.
 */
import type { ChangeCount, Comparison, ParagraphChange, Span } from '@accord/shared/comparison';
import { changeColour } from './historyFormat';

export interface MarkedSpan extends Span {
  /** The delegation's colour (insert and delete spans). */
  colour: string;
  /** Highlighted and counted: a change by the filtered delegation, or any change unfiltered. */
  active: boolean;
  /** Position among the active changes, from 0; null for equal or inactive spans. */
  index: number | null;
}

export interface MarkedParagraph {
  paragraph: ParagraphChange;
  spans: MarkedSpan[];
  /** Whether the paragraph holds an active change or itself changed place or existence. */
  relevant: boolean;
}

export interface MarkedComparison {
  paragraphs: MarkedParagraph[];
  /** How many active changes there are (the "17" of "3 of 17"). */
  count: number;
}

/** Marks the comparison's spans; `filter` is a delegation, or null for everyone's changes. */
export function markComparison(comparison: Comparison, filter: string | null): MarkedComparison {
  let count = 0;
  const paragraphs = comparison.paragraphs.map((paragraph) => {
    let relevant = false;
    const spans = paragraph.spans.map((span): MarkedSpan => {
      if (span.kind === 'equal') return { ...span, colour: '', active: false, index: null };
      const active = filter === null || span.delegation === filter;
      if (active) relevant = true;
      return {
        ...span,
        colour: changeColour(span.delegation),
        active,
        index: active ? count++ : null,
      };
    });
    // Unfiltered, a moved paragraph matters even when its words did not change.
    if (filter === null && paragraph.change !== 'unchanged') relevant = true;
    return { paragraph, spans, relevant };
  });
  return { paragraphs, count };
}

export interface LegendEntry extends ChangeCount {
  delegation: string;
  colour: string;
}

/** The legend: every delegation with changes, by name, with its colour and counts. */
export function legendOf(comparison: Comparison): LegendEntry[] {
  return Object.entries(comparison.summary.byDelegation)
    .filter(([, counts]) => counts.insertions + counts.deletions > 0)
    .map(([delegation, counts]) => ({ delegation, colour: changeColour(delegation), ...counts }))
    .sort((a, b) => a.delegation.localeCompare(b.delegation));
}
