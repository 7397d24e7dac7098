import { diffArrays } from 'diff';
import type { Comparison, ParagraphChange, Span, TextChange } from '@accord/shared/comparison';
import { numberBlocks, type DraftStyle } from '@accord/shared';
import type { ChangeAuthor } from './people';
import { asBlocks, type ParagraphSnapshot } from './paragraphs';
import { paragraphSpans, type CharacterAuthors, type RawSpan } from './word-spans';

export interface CompareInput {
  fromId: string;
  toId: string;
  from: ParagraphSnapshot[];
  to: ParagraphSnapshot[];
  style: DraftStyle;
  authors: CharacterAuthors;
  name: (author: string | undefined) => ChangeAuthor;
}

/**
 * Paragraph keys present in both versions that moved. Moving a paragraph in the editor deletes
 * its element and inserts it elsewhere with the same id, so a paragraph whose element changed
 * moved if the paragraph before it is not the same any more. Paragraphs whose element stayed can
 * only have moved relative to each other: those off the longest common run.
 */
function movedKeys(from: ParagraphSnapshot[], to: ParagraphSnapshot[]): Set<string> {
  const fromByKey = new Map(from.map((p) => [p.key, p]));
  const toByKey = new Map(to.map((p) => [p.key, p]));
  const stable = new Set(
    from.filter((p) => toByKey.get(p.key)?.element === p.element).map((p) => p.key),
  );
  const moved = new Set<string>();
  const a = from.map((p) => p.key).filter((k) => stable.has(k));
  const b = to.map((p) => p.key).filter((k) => stable.has(k));
  for (const part of diffArrays(a, b)) if (part.added) for (const key of part.value) moved.add(key);
  const anchor = (order: ParagraphSnapshot[], key: string) => {
    const index = order.findIndex((p) => p.key === key);
    for (let i = index - 1; i >= 0; i--) {
      const k = order[i]!.key;
      if (stable.has(k) && !moved.has(k)) return k;
    }
    return null;
  };
  for (const paragraph of to) {
    const before = fromByKey.get(paragraph.key);
    if (!before || stable.has(paragraph.key)) continue;
    if (anchor(from, paragraph.key) !== anchor(to, paragraph.key)) moved.add(paragraph.key);
  }
  return moved;
}

/**
 * The reading order of the comparison: `to`'s paragraphs, with each deleted paragraph placed
 * after the paragraph that preceded it in `from` (or first, if nothing did).
 */
function readingOrder(from: ParagraphSnapshot[], to: ParagraphSnapshot[]) {
  const toKeys = new Set(to.map((p) => p.key));
  const deletedAfter = new Map<string | null, ParagraphSnapshot[]>();
  let anchor: string | null = null;
  for (const paragraph of from) {
    if (toKeys.has(paragraph.key)) {
      anchor = paragraph.key;
      continue;
    }
    const list = deletedAfter.get(anchor) ?? [];
    list.push(paragraph);
    deletedAfter.set(anchor, list);
  }
  const order: { from: ParagraphSnapshot | null; to: ParagraphSnapshot | null }[] = [];
  const fromByKey = new Map(from.map((p) => [p.key, p]));
  for (const p of deletedAfter.get(null) ?? []) order.push({ from: p, to: null });
  for (const paragraph of to) {
    order.push({ from: fromByKey.get(paragraph.key) ?? null, to: paragraph });
    for (const p of deletedAfter.get(paragraph.key) ?? []) order.push({ from: p, to: null });
  }
  return order;
}

/**
 * Compares two versions paragraph by paragraph, matched by stable id: word-level spans, each
 * change attributed to the delegation and participant whose accepted update made it, and a
 * summary by delegation. Renumbering alone is not a change; a moved paragraph is `moved`.
 */
export function compareParagraphs(input: CompareInput): Comparison {
  const numbersFrom = new Map<string, string | null>();
  numberBlocks(asBlocks(input.from), input.style).forEach((n, i) =>
    numbersFrom.set(input.from[i]!.key, n?.value ?? null),
  );
  const numbersTo = new Map<string, string | null>();
  numberBlocks(asBlocks(input.to), input.style).forEach((n, i) =>
    numbersTo.set(input.to[i]!.key, n?.value ?? null),
  );
  const moved = movedKeys(input.from, input.to);
  const paragraphs: ParagraphChange[] = [];
  const changes: TextChange[] = [];
  const summary: Comparison['summary'] = { insertions: 0, deletions: 0, byDelegation: {} };

  for (const pair of readingOrder(input.from, input.to)) {
    const paragraph = (pair.to ?? pair.from)!;
    const raw: RawSpan[] = paragraphSpans(pair.from, pair.to, input.authors);
    const spans: Span[] = raw.map((span) => {
      if (span.kind === 'equal') return { kind: 'equal', text: span.text };
      const who = input.name(span.author);
      return {
        kind: span.kind,
        text: span.text,
        delegation: who.delegation,
        participant: who.participant,
      };
    });
    for (const span of spans) {
      if (span.kind === 'equal' || !span.delegation || !span.participant) continue;
      changes.push({
        kind: span.kind,
        text: span.text,
        delegation: span.delegation,
        participant: span.participant,
        paragraphId: paragraph.key,
      });
      const count = (summary.byDelegation[span.delegation] ??= { insertions: 0, deletions: 0 });
      if (span.kind === 'insert') {
        summary.insertions += 1;
        count.insertions += 1;
      } else {
        summary.deletions += 1;
        count.deletions += 1;
      }
    }
    let change: ParagraphChange['change'];
    if (!pair.from) change = 'inserted';
    else if (!pair.to) change = 'deleted';
    else if (moved.has(paragraph.key)) change = 'moved';
    else if (pair.from.text !== pair.to.text || pair.from.type !== pair.to.type)
      change = 'modified';
    else change = 'unchanged';
    paragraphs.push({
      paragraphId: paragraph.key,
      type: paragraph.type,
      number: {
        from: pair.from ? (numbersFrom.get(pair.from.key) ?? null) : null,
        to: pair.to ? (numbersTo.get(pair.to.key) ?? null) : null,
      },
      change,
      spans: spans.length > 0 ? spans : [{ kind: 'equal', text: '' }],
    });
  }
  return { from: input.fromId, to: input.toId, paragraphs, changes, summary };
}
