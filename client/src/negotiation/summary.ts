import type { Node as PMNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { PARAGRAPH_STATUSES, type ParagraphStatus } from '@accord/shared/schema/index';
import { numberBlocks } from '@accord/shared/numbering';
import { sponsorTable } from '@accord/shared/brackets';
import { findBrackets } from '../editor/brackets';
import { openProposals } from '../proposals/openProposals';

/** One paragraph as the chair's dashboard lists it. */
export interface ParagraphEntry {
  /** Where it starts in the editor (to jump there). */
  pos: number;
  /** Its number ("3 bis") or opening words. */
  label: string;
  status: ParagraphStatus;
}

export interface NegotiationSummary {
  byStatus: Record<ParagraphStatus, ParagraphEntry[]>;
  /** Delegation → the paragraphs where it holds brackets (once per bracket). */
  bracketsByDelegation: [string, ParagraphEntry[]][];
  brackets: number;
  openComments: number;
  /** Proposals still awaiting the chair (each proposal once, however many pieces it has). */
  openProposals: number;
}

/** Comment threads still open: entries of the `comments` side table, unresolved, not replies. */
export function openComments(doc: Y.Doc): number {
  if (!doc.share.has('comments')) return 0;
  let open = 0;
  doc.getMap<unknown>('comments').forEach((value) => {
    const entry = value as { resolved?: unknown; parent?: unknown } | null;
    if (entry && typeof entry === 'object' && entry.resolved === false && !entry.parent) open += 1;
  });
  return open;
}

/** The dashboard's counts, read from the editor's document and the side tables. */
export function summarise(doc: PMNode, ydoc: Y.Doc): NegotiationSummary {
  const blocks: { type: string; attrs: Record<string, unknown> }[] = [];
  doc.forEach((node) => blocks.push({ type: node.type.name, attrs: node.attrs }));
  const numbers = numberBlocks(blocks, 'oas');
  const entries: (ParagraphEntry | null)[] = [];
  const byStatus = Object.fromEntries(PARAGRAPH_STATUSES.map((s) => [s, []])) as unknown as Record<
    ParagraphStatus,
    ParagraphEntry[]
  >;
  doc.forEach((node, offset, index) => {
    const status = node.attrs.status as unknown;
    if (!PARAGRAPH_STATUSES.includes(status as ParagraphStatus)) {
      entries.push(null);
      return;
    }
    const words = node.textContent.trim().slice(0, 30);
    const entry: ParagraphEntry = {
      pos: offset + 1,
      label: numbers[index]?.value ?? (words ? `“${words}…”` : '—'),
      status: status as ParagraphStatus,
    };
    entries.push(entry);
    byStatus[entry.status].push(entry);
  });
  const byDelegation = new Map<string, ParagraphEntry[]>();
  const brackets = findBrackets(doc, sponsorTable(ydoc));
  for (const bracket of brackets) {
    const entry = entries[bracket.block] ?? {
      pos: bracket.from,
      label: doc.textBetween(bracket.from, bracket.to).slice(0, 30),
      status: 'pending' as const,
    };
    for (const holder of bracket.holders) {
      byDelegation.set(holder, [...(byDelegation.get(holder) ?? []), entry]);
    }
  }
  return {
    byStatus,
    bracketsByDelegation: [...byDelegation.entries()].sort(([a], [b]) => a.localeCompare(b)),
    brackets: brackets.length,
    openComments: openComments(ydoc),
    openProposals: openProposals(doc).length,
  };
}
