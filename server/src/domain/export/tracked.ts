import { exportLabels } from './labels';
import { nodeText, numberBlocks, type DraftStyle, type NodeJSON } from '@accord/shared';
import { blockKeys, type ParagraphChange, type Span } from '@accord/shared/comparison';
import { unchangedBlock } from './clean-model';
import { NoteCounter, toPieces } from './pieces';
import {
  blockLevel,
  blockType,
  cleanText,
  inlineRuns,
  type BlockChange,
  type BlockModel,
  type DraftModel,
  type LabelPart,
  type RunChange,
  type TextRunModel,
} from './model';
import type { TrackedChangesInput } from './types';

/**
 * Builds the layout model of a tracked-changes export from a comparison and both contents.
 *
 * Every block is matched by its comparison key (`blockKeys`): paragraphs by id, the title,
 * organ line, headings and notes by type and rank, so an edited title is a revision and an
 * unchanged heading is shown once, unchanged.
 *
 * Placement: blocks of the newer content keep their order. A block only the older content has
 * (deleted, or the old place of a moved paragraph) goes right after the block before it in the
 * older content that stayed where it was, so rejecting every revision gives the older order
 * back. A moved paragraph is rendered twice: deleted at its old place, inserted where it is
 * now, each with a note naming who moved it (Word's move markup is not in the `docx` library).
 */

interface Indexed {
  key: string;
  node: NodeJSON;
  label: string | null;
  value: string | null;
}

function indexById(content: NodeJSON, style: DraftStyle): Map<string, Indexed> {
  const nodes = content.content ?? [];
  const numbers = numberBlocks(nodes, style);
  const keys = blockKeys(nodes);
  const byId = new Map<string, Indexed>();
  nodes.forEach((node, i) => {
    const key = keys[i]!;
    byId.set(key, {
      key,
      node,
      label: numbers[i]?.label ?? null,
      value: numbers[i]?.value ?? null,
    });
  });
  return byId;
}

function part(type: string): string {
  if (type === 'preambular') return 'preamble';
  if (type === 'operative' || type === 'subparagraph') return 'operative';
  return type;
}

/** Splits a span's text where the marks of the matching stretch of its block change. */
function spanRuns(
  span: Span,
  change: RunChange,
  source: TextRunModel[] | null,
  offset: number,
  unattributed: string,
): TextRunModel[] {
  const delegation = change === 'equal' ? null : cleanText(span.delegation ?? unattributed);
  const at = change !== 'equal' && span.at !== undefined ? { at: span.at } : {};
  const plain = { bold: false, italic: false, bracket: null, change, delegation, ...at };
  if (!source) return [{ text: cleanText(span.text), ...plain }];
  const runs: TextRunModel[] = [];
  let start = 0;
  for (const run of source) {
    const end = start + run.text.length;
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + span.text.length);
    if (from < to) {
      const text = span.text.slice(from - offset, to - offset);
      runs.push({ ...run, text: cleanText(text), change, delegation, ...at });
    }
    start = end;
  }
  return runs;
}

/**
 * Gives text present in both versions its bracket and footnote in the older one
 * (`bracketFrom`, `noteFrom`), cutting runs where they change: a bracket put around words
 * already there, or a note put on them, is a change of its own.
 */
function withOlderBrackets(
  runs: TextRunModel[],
  fromSource: TextRunModel[] | null,
  fromOffset: number,
): TextRunModel[] {
  if (!fromSource) return runs;
  const bounds: {
    start: number;
    end: number;
    bracket: string[] | null;
    note: TextRunModel['note'];
  }[] = [];
  let start = 0;
  for (const run of fromSource) {
    bounds.push({ start, end: start + run.text.length, bracket: run.bracket, note: run.note });
    start += run.text.length;
  }
  const out: TextRunModel[] = [];
  let position = fromOffset;
  for (const run of runs) {
    let cut = 0;
    while (cut < run.text.length) {
      const here = bounds.find((b) => b.start <= position && position < b.end);
      const length = here
        ? Math.min(run.text.length - cut, here.end - position)
        : run.text.length - cut;
      const older = here?.bracket ?? null;
      const same = JSON.stringify(older) === JSON.stringify(run.bracket);
      const olderNote = here?.note ?? null;
      const sameNote = JSON.stringify(olderNote) === JSON.stringify(run.note ?? null);
      out.push({
        ...run,
        text: run.text.slice(cut, cut + length),
        ...(same ? {} : { bracketFrom: older }),
        ...(sameNote ? {} : { noteFrom: olderNote }),
      });
      cut += length;
      position += length;
    }
  }
  return out;
}

/** The text of spans as one side reads it. */
function sideText(spans: Span[], hidden: Span['kind']): string {
  return spans
    .filter((s) => s.kind !== hidden)
    .map((s) => s.text)
    .join('');
}

/**
 * Runs of a paragraph from its spans, with marks from the version each span belongs to when the
 * spans join to that version's text (else plain). `as` forces one change on every run kept.
 */
function paragraphRuns(
  spans: Span[],
  toNode: NodeJSON | undefined,
  fromNode: NodeJSON | undefined,
  unattributed: string,
  as?: 'insert' | 'delete',
  mover?: Mover,
): TextRunModel[] {
  const toSource =
    toNode && nodeText(toNode) === sideText(spans, 'delete') ? inlineRuns(toNode, true) : null;
  const fromSource =
    fromNode && nodeText(fromNode) === sideText(spans, 'insert')
      ? inlineRuns(fromNode, true)
      : null;
  const fallback = spans.find((s) => s.delegation);
  const runs: TextRunModel[] = [];
  let toOffset = 0;
  let fromOffset = 0;
  for (const span of spans) {
    const inTo = span.kind !== 'delete';
    if (as === 'insert' && !inTo) continue;
    if (as === 'delete' && span.kind === 'insert') continue;
    const change: RunChange = as ?? span.kind;
    // In a moved paragraph the words both versions have are the move's, the mover's; words
    // typed or deleted since the older version stay their writers' own revisions.
    const own = mover !== undefined && span.kind !== 'equal';
    const attributed =
      mover && span.kind === 'equal'
        ? { ...span, delegation: mover.delegation, at: mover.at }
        : {
            ...span,
            delegation: span.delegation ?? fallback?.delegation,
            at: span.at ?? fallback?.at,
          };
    // A block shown only as the older version had it takes the older version's marks.
    const source = as === 'delete' ? fromSource : inTo ? toSource : fromSource;
    const offset = as === 'delete' ? fromOffset : inTo ? toOffset : fromOffset;
    const made = spanRuns(attributed, change, source, offset, unattributed).map((run) =>
      own ? { ...run, ownChange: true as const } : run,
    );
    runs.push(
      ...(span.kind === 'equal' && !as ? withOlderBrackets(made, fromSource, fromOffset) : made),
    );
    if (span.kind !== 'delete') toOffset += span.text.length;
    if (span.kind !== 'insert') fromOffset += span.text.length;
  }
  return runs;
}

/** Who moved a paragraph, and when. */
interface Mover {
  delegation: string;
  at?: string;
}

function labelParts(
  from: string | null,
  to: string | null,
  change: BlockChange,
  delegation: string | null,
  renumbering: string,
): LabelPart[] {
  if (change === 'inserted' || change === 'moved') {
    return to ? [{ text: to, change: 'insert', delegation }] : [];
  }
  if (change === 'deleted' || change === 'moved_away') {
    return from ? [{ text: from, change: 'delete', delegation }] : [];
  }
  if (from === to) return to ? [{ text: to, change: 'equal', delegation: null }] : [];
  const parts: LabelPart[] = [];
  if (from)
    parts.push({ text: from, change: 'delete', delegation: renumbering, renumbering: true });
  if (to) parts.push({ text: to, change: 'insert', delegation: renumbering, renumbering: true });
  return parts;
}

function moveNote(
  change: BlockChange,
  from: string | null,
  to: string | null,
  delegation: string | null,
  language: string,
): string | null {
  const labels = exportLabels(language);
  const who = delegation ?? labels.unattributed;
  if (change === 'moved') return labels.movedHere(who, from);
  if (change === 'moved_away') return labels.movedAway(who, to);
  return null;
}

export function buildTrackedModel(
  content: NodeJSON,
  style: DraftStyle,
  tracked: TrackedChangesInput,
  /** The document's language, for the notes of moved paragraphs and revisions' authors. */
  language = 'en',
): DraftModel {
  const toById = indexById(content, style);
  const fromById = indexById(tracked.fromContent, style);
  const changes = new Map(tracked.comparison.paragraphs.map((p) => [p.paragraphId, p]));
  const { unattributed, renumbering } = exportLabels(language);
  const notes = new NoteCounter(unattributed);

  const block = (p: ParagraphChange, change: BlockChange): BlockModel => {
    const to = toById.get(p.paragraphId);
    const from = fromById.get(p.paragraphId);
    const node = (change === 'deleted' || change === 'moved_away' ? from : to) ?? from ?? to;
    const moved = change === 'moved' || change === 'moved_away';
    const delegation =
      change === 'unchanged' || change === 'modified'
        ? null
        : cleanText(
            (moved ? p.movedBy?.delegation : undefined) ??
              p.spans.find((s) => s.delegation)?.delegation ??
              unattributed,
          );
    const as =
      change === 'inserted' || change === 'moved'
        ? 'insert'
        : change === 'deleted' || change === 'moved_away'
          ? 'delete'
          : undefined;
    const at =
      delegation === null
        ? undefined
        : ((moved ? p.movedBy?.at : undefined) ?? p.spans.find((s) => s.at !== undefined)?.at);
    const fromLabel = from?.label ?? null;
    const toLabel = to?.label ?? null;
    return {
      type: node ? blockType(node.node) : part(p.type) === 'operative' ? 'operative' : 'preambular',
      id: typeof node?.node.attrs?.id === 'string' ? node.node.attrs.id : null,
      level: node ? blockLevel(node.node) : 0,
      status: typeof node?.node.attrs?.status === 'string' ? node.node.attrs.status : null,
      value: to?.value ?? from?.value ?? null,
      label: labelParts(fromLabel, toLabel, change, delegation, renumbering).map((part) =>
        at !== undefined && part.change !== 'equal' && part.delegation === delegation
          ? { ...part, at }
          : part,
      ),
      change,
      delegation,
      ...(at !== undefined ? { at } : {}),
      moveNote: moveNote(change, from?.value ?? null, to?.value ?? null, delegation, language),
      ...(node?.node.type === 'annexHeading' ? { annexHeading: true } : {}),
      pieces: toPieces(
        paragraphRuns(
          p.spans,
          to?.node,
          from?.node,
          unattributed,
          as,
          moved && p.movedBy && delegation !== null
            ? { delegation, ...(at ? { at } : {}) }
            : undefined,
        ),
        notes,
        p.notes,
      ),
    };
  };

  // Where the blocks only the older version has (deleted, or the old place of a moved one) go:
  // after the block before them in that version that stayed where it was, so rejecting every
  // revision gives the older order back; a deleted last preambular stays above "RESOLVES:".
  const after = new Map<string, { p: ParagraphChange; as: BlockChange }[]>();
  const placed = new Set<string>();
  let anchor = '';
  for (const key of blockKeys(tracked.fromContent.content ?? [])) {
    const p = changes.get(key);
    const moved = p?.change === 'moved';
    if (toById.has(key) && !moved) {
      anchor = key;
      continue;
    }
    if (!p) continue;
    after.set(anchor, [...(after.get(anchor) ?? []), { p, as: moved ? 'moved_away' : 'deleted' }]);
    placed.add(key);
  }
  const trailing = tracked.comparison.paragraphs.filter(
    (p) => p.change === 'deleted' && !toById.has(p.paragraphId) && !placed.has(p.paragraphId),
  );

  const blocks: BlockModel[] = [];
  const emitRemoved = (key: string) => {
    for (const { p, as } of after.get(key) ?? []) blocks.push(block(p, as));
  };
  emitRemoved('');
  const numbers = numberBlocks(content.content ?? [], style);
  const keys = blockKeys(content.content ?? []);
  (content.content ?? []).forEach((node, index) => {
    const id = keys[index]!;
    const change = changes.get(id);
    if (change) {
      blocks.push(block(change, change.change === 'deleted' ? 'modified' : change.change));
    } else {
      // Not in the comparison (a comparison made before headings were compared): as it is.
      blocks.push(unchangedBlock(node, numbers[index] ?? null, notes));
    }
    emitRemoved(id);
  });
  for (const p of trailing) blocks.push(block(p, 'deleted'));
  return { blocks, notes: notes.notes, tracked: true };
}
