import { diffArrays } from 'diff';
import type {
  Comparison,
  NoteChange,
  ParagraphChange,
  Span,
  TextChange,
} from '@accord/shared/comparison';
import { numberBlocks, type DraftStyle } from '@accord/shared';
import type { RawNoteChange } from './footnote-changes';
import type { ChangeAuthor } from './people';
import { asBlocks, type ParagraphSnapshot } from './paragraphs';
import { paragraphSpans, type Authorship, type CharacterAuthors, type RawSpan } from './word-spans';

export interface CompareInput {
  fromId: string;
  toId: string;
  from: ParagraphSnapshot[];
  to: ParagraphSnapshot[];
  style: DraftStyle;
  authors: CharacterAuthors;
  name: (author: string | undefined) => ChangeAuthor;
  /** Who made a block's Yjs element (`client.clock`) and when: the mover of a moved block. */
  elementAuthor?: (element: string) => Authorship | undefined;
  /** The footnotes put on or taken off each paragraph (by key), see footnote-changes.ts. */
  notes?: ReadonlyMap<string, RawNoteChange[]>;
}

/**
 * Paragraph keys present in both versions that moved: those off the longest run of paragraphs
 * that kept their order, so moving paragraph 5 above 3 moves 5, not 3 and 4. Where two runs
 * are as long (two paragraphs swapped), the one whose Yjs element was re-created is the one
 * moved: the editor moves a paragraph by deleting and inserting it again.
 */
function movedKeys(from: ParagraphSnapshot[], to: ParagraphSnapshot[]): Set<string> {
  const toByKey = new Map(to.map((p) => [p.key, p]));
  const fromByKey = new Map(from.map((p) => [p.key, p]));
  const a = from.filter((p) => toByKey.has(p.key));
  const b = to.filter((p) => fromByKey.has(p.key));
  if (a.length * b.length > 4_000_000) return movedByDiff(a, b);
  const weight = (p: ParagraphSnapshot) =>
    1000 + (toByKey.get(p.key)?.element === p.element ? 1 : 0);
  // Weighted longest common subsequence, by dynamic programming over the two orders.
  const rows = a.length + 1;
  const cols = b.length + 1;
  const best = new Float64Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const here = i * cols + j;
      best[here] =
        a[i]!.key === b[j]!.key
          ? weight(a[i]!) + best[(i + 1) * cols + j + 1]!
          : Math.max(best[(i + 1) * cols + j]!, best[i * cols + j + 1]!);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]!.key === b[j]!.key) {
      kept.add(a[i]!.key);
      i += 1;
      j += 1;
    } else if (best[(i + 1) * cols + j]! >= best[i * cols + j + 1]!) {
      i += 1;
    } else {
      j += 1;
    }
  }
  return new Set(b.map((p) => p.key).filter((key) => !kept.has(key)));
}

/** For very long documents: the plain longest common subsequence of jsdiff, linear in memory. */
function movedByDiff(a: ParagraphSnapshot[], b: ParagraphSnapshot[]): Set<string> {
  const moved = new Set<string>();
  const parts = diffArrays(
    a.map((p) => p.key),
    b.map((p) => p.key),
  );
  for (const part of parts) if (part.added) for (const key of part.value) moved.add(key);
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
        ...(span.at !== undefined ? { at: new Date(span.at).toISOString() } : {}),
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
        ...(span.at !== undefined ? { at: span.at } : {}),
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
    const mover =
      change === 'moved' && pair.from && pair.to && pair.from.element !== pair.to.element
        ? (input.elementAuthor?.(pair.to.element) ?? input.elementAuthor?.(pair.from.element))
        : undefined;
    const movedBy = mover
      ? {
          movedBy: {
            ...input.name(mover.author),
            ...(mover.at !== undefined ? { at: new Date(mover.at).toISOString() } : {}),
          },
        }
      : {};
    paragraphs.push({
      paragraphId: paragraph.key,
      type: paragraph.type,
      number: {
        from: pair.from ? (numbersFrom.get(pair.from.key) ?? null) : null,
        to: pair.to ? (numbersTo.get(pair.to.key) ?? null) : null,
      },
      change,
      spans: spans.length > 0 ? spans : [{ kind: 'equal', text: '' }],
      ...movedBy,
      ...notesOf(input.notes?.get(paragraph.key), input.name),
    });
  }
  return { from: input.fromId, to: input.toId, paragraphs, changes, summary };
}

/** A paragraph's note changes with names and ISO times, or nothing when none changed. */
function notesOf(
  raw: RawNoteChange[] | undefined,
  name: CompareInput['name'],
): { notes?: NoteChange[] } {
  if (!raw?.length) return {};
  return {
    notes: raw.map(({ kind, id, text, author, at }) => ({
      kind,
      id,
      text,
      ...(author !== undefined ? name(author) : {}),
      ...(at !== undefined ? { at: new Date(at).toISOString() } : {}),
    })),
  };
}
