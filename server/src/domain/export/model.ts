import {
  numberBlocks,
  type BlockNumber,
  type DraftStyle,
  type MarkJSON,
  type NodeJSON,
} from '@accord/shared';
import type { NoteChange } from '@accord/shared/comparison';
import { footnoteOf } from './footnotes';
import { exportLabels } from './labels';

/**
 * The layout model every renderer walks: the draft's blocks in reading order, numbered, with
 * their text cut into runs of one formatting and one revision, and the `[` `]` of brackets made
 * explicit pieces. Clean exports build it from one content (here); tracked exports build it
 * from a comparison (`tracked.ts`). Renderers then only map pieces to their format's markup.
 */

/** Whether a run is in both versions, only the newer (`insert`) or only the older (`delete`). */
export type RunChange = 'equal' | 'insert' | 'delete';

/**
 * The English names of a revision credited to nobody and of renumbering. Exports write the
 * document's language's (`exportLabels(language).unattributed`, `.renumbering`); these stay
 * for callers that have no language.
 */
export const UNATTRIBUTED = exportLabels('en').unattributed;
export const RENUMBERING = exportLabels('en').renumbering;

export interface TextRunModel {
  text: string;
  bold: boolean;
  italic: boolean;
  /** The proposing delegations when the run is bracketed, else `null`. */
  bracket: string[] | null;
  /**
   * For text in both versions of a tracked export: its bracket in the older version, when that
   * differs from `bracket` (the newer one's). Absent: the same.
   */
  bracketFrom?: string[] | null;
  change: RunChange;
  /** Who inserted or deleted the run; `null` for `equal` runs. */
  delegation: string | null;
  /** When the run was inserted or deleted (ISO 8601); absent when unknown or `equal`. */
  at?: string;
  /**
   * In a moved paragraph: the run is a change of its own (words typed or deleted since the
   * older version, by their writer), not part of the move (which is the mover's).
   */
  ownChange?: true;
  /** The draft's footnote on this run (see footnotes.ts), when it is part of an anchor. */
  note?: { id: string; text: string };
  /**
   * For text in both versions of a tracked export: its footnote in the older version, when
   * that differs from `note` (`null`: none then). Absent: the same.
   */
  noteFrom?: { id: string; text: string } | null;
  /** On an anchor's last run: the references of the footnotes that follow it. */
  footnotes?: FootnoteRef[];
}

/**
 * A footnote's reference after its anchor: `equal` when both versions have the note there,
 * `insert` or `delete` (with who and when) when only the newer or only the older has it.
 */
export interface FootnoteRef {
  number: number;
  change: RunChange;
  delegation: string | null;
  at?: string;
}

/** A piece of a block's inline content: text, or the opening or closing square bracket. */
export type Piece =
  | ({ kind: 'text' } & TextRunModel)
  | BracketPiece<'open'>
  | BracketPiece<'close'>;

export interface BracketPiece<Kind extends 'open' | 'close'> {
  kind: Kind;
  change: RunChange;
  delegation: string | null;
  /** The delegations that proposed the bracketed text (on both pieces). */
  delegations: string[];
  /** The attribution note's number (1, 2, …), or `null` when nobody is named. */
  note: number | null;
  /** When the bracket was inserted or deleted with its text (ISO 8601). */
  at?: string;
}

/** One part of a printed number: "3." equal, or "3." deleted then "4." inserted. */
export interface LabelPart {
  text: string;
  change: RunChange;
  delegation: string | null;
  at?: string;
  /** A number changed only because paragraphs before it came, went or moved. */
  renumbering?: true;
}

export type BlockType =
  | 'title'
  | 'organ'
  | 'leadHeading'
  | 'note'
  | 'preambular'
  | 'operative'
  | 'subparagraph';

/** How a block stands in a tracked export; `moved_away` is the old place of a moved paragraph. */
export type BlockChange =
  | 'unchanged'
  | 'inserted'
  | 'deleted'
  | 'modified'
  | 'moved'
  | 'moved_away';

export interface BlockModel {
  type: BlockType;
  id: string | null;
  /** 1 or 2 for sub-paragraphs, 0 otherwise. */
  level: 0 | 1 | 2;
  status: string | null;
  /** The number's bare value in the exported version ("3 bis", "a"), for identifiers. */
  value: string | null;
  label: LabelPart[];
  change: BlockChange;
  /** Who inserted, deleted or moved the whole block, for paragraph-mark revisions. */
  delegation: string | null;
  /** When the whole block was inserted, deleted or moved (ISO 8601); absent when unknown. */
  at?: string;
  /** For moves: a sentence saying from where to where, for a comment. */
  moveNote: string | null;
  pieces: Piece[];
  /** An annex's heading (see annexes.ts): it starts a new page and the annex's part. */
  annexHeading?: boolean;
}

export interface BracketNote {
  number: number;
  delegations: string[];
  /** A footnote written in the draft: its text (then `delegations` is empty). */
  text?: string;
  /**
   * In a tracked export, a footnote only one version has: `delete` when only the older has it
   * (listed struck through, never as a current note), `insert` when only the newer; with who
   * made the change and when. Absent: in both versions.
   */
  change?: 'insert' | 'delete';
  delegation?: string;
  at?: string;
}

export interface DraftModel {
  blocks: BlockModel[];
  /** Attribution of bracketed text, in order of appearance. */
  notes: BracketNote[];
  tracked: boolean;
}

const BLOCK_TYPES: Record<string, BlockType> = {
  title: 'title',
  organ: 'organ',
  leadHeading: 'leadHeading',
  paragraph: 'note',
  preambular: 'preambular',
  operative: 'operative',
  subparagraph: 'subparagraph',
};

/** The layout type of a node; unknown block types (a newer schema) read as notes. */
export function blockType(node: NodeJSON): BlockType {
  return BLOCK_TYPES[node.type] ?? 'note';
}

export function blockLevel(node: NodeJSON): 0 | 1 | 2 {
  if (node.type !== 'subparagraph') return 0;
  return node.attrs?.level === 2 ? 2 : 1;
}

function bracketOf(marks: MarkJSON[] | undefined): string[] | null {
  const mark = (marks ?? []).find((m) => m.type === 'bracket');
  if (!mark) return null;
  const raw = mark.attrs?.delegations;
  return Array.isArray(raw)
    ? raw.filter((d): d is string => typeof d === 'string').map(cleanText)
    : [];
}

/**
 * Delegates' text with the characters no format can carry removed: C0 controls other than tab
 * (invalid in XML, so in DOCX and Akoma Ntoso) and the noncharacters U+FFFE/U+FFFF. Everything
 * else, right-to-left marks included, is kept and escaped by each renderer.
 */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/**
 * A block's inline content as unchanged runs, marks read from the JSON. `raw` keeps the text as
 * stored, for matching offsets against a comparison's spans (cleaned afterwards).
 */
export function inlineRuns(node: NodeJSON, raw = false): TextRunModel[] {
  return (node.content ?? []).map((child) => ({
    text: raw ? (child.text ?? '') : cleanText(child.text ?? ''),
    bold: (child.marks ?? []).some((m) => m.type === 'bold'),
    italic: (child.marks ?? []).some((m) => m.type === 'italic'),
    bracket: bracketOf(child.marks),
    change: 'equal' as const,
    delegation: null,
    ...withNote(footnoteOf(child.marks)),
  }));
}

const withNote = (note: { id: string; text: string } | undefined) => (note ? { note } : {});

/** Numbers bracket attribution notes across one document. */
export class NoteCounter {
  readonly notes: BracketNote[] = [];
  constructor(
    /** Who a footnote put on or taken off words both versions have is credited to. */
    readonly unattributed = UNATTRIBUTED,
  ) {}
  /** Footnotes already numbered, by id and text: one note referenced from both versions. */
  private readonly footnoteNumbers = new Map<string, number>();
  next(delegations: string[]): number | null {
    if (delegations.length === 0) return null;
    const number = this.notes.length + 1;
    this.notes.push({ number, delegations });
    return number;
  }
  /**
   * Numbers a footnote written in the draft. Within one paragraph, the same note (same `id` and
   * text) keeps its number, so a note whose anchor changed is one note in both versions.
   */
  nextFootnote(text: string, id?: string, ref?: Omit<FootnoteRef, 'number'>): number {
    const key = id === undefined ? null : `${id}\u0000${text}`;
    const known = key === null ? undefined : this.footnoteNumbers.get(key);
    if (known !== undefined) {
      // Referenced as deleted at its old anchor and inserted at its new one: a note both
      // versions have, so a current note.
      const note = this.notes[known - 1];
      if (note?.change !== undefined && note.change !== ref?.change) {
        delete note.change;
        delete note.delegation;
        delete note.at;
      }
      return known;
    }
    const number = this.notes.length + 1;
    const changed =
      ref && ref.change !== 'equal'
        ? {
            change: ref.change,
            ...(ref.delegation !== null ? { delegation: ref.delegation } : {}),
            ...(ref.at !== undefined ? { at: ref.at } : {}),
          }
        : {};
    this.notes.push({ number, delegations: [], text, ...changed });
    if (key !== null) this.footnoteNumbers.set(key, number);
    return number;
  }
  /** Forgets the numbers kept by `nextFootnote` (at the end of each paragraph). */
  endParagraph(): void {
    this.footnoteNumbers.clear();
  }
}

/** A run's bracket in the newer version (`to`) and in the older (`from`) of a tracked export. */
function bracketIn(run: TextRunModel, side: 'to' | 'from'): string[] | null {
  if (side === 'to') return run.change === 'delete' ? null : run.bracket;
  if (run.change === 'insert') return null;
  return run.change === 'equal' && run.bracketFrom !== undefined ? run.bracketFrom : run.bracket;
}

/**
 * Cuts runs into pieces with explicit brackets. Adjacent bracketed runs form one bracket (as in
 * the txt format); its delegations are those of the run that opens it. In a tracked export the
 * brackets of each version are followed on their own: a bracket standing in both versions at
 * the same place is one `equal` piece, one standing only in the newer is `insert`, only in the
 * older `delete`, so that accepting or rejecting every revision leaves exactly the brackets of
 * that version, even where a bracket was put around words already there.
 */
export function toPieces(
  runs: TextRunModel[],
  notes: NoteCounter,
  /** In a tracked export: who put on or took off the paragraph's notes (the comparison's). */
  noteChanges: readonly NoteChange[] = [],
): Piece[] {
  const pieces: Piece[] = [];
  type Open = {
    delegations: string[];
    note: number | null;
    delegation: string | null;
    at?: string;
  };
  let inTo: Open | null = null;
  let inFrom: Open | null = null;
  const timed = (at: string | undefined) => (at !== undefined ? { at } : {});
  const close = (to: boolean, from: boolean) => {
    if (to && from && inTo === inFrom && inTo) {
      const o: Open = inTo;
      pieces.push({
        kind: 'close',
        change: 'equal',
        delegation: null,
        delegations: o.delegations,
        note: o.note,
      });
    } else {
      if (to && inTo) {
        const o: Open = inTo;
        pieces.push({
          kind: 'close',
          change: 'insert',
          delegation: o.delegation,
          delegations: o.delegations,
          note: o.note,
          ...timed(o.at),
        });
      }
      if (from && inFrom) {
        const o: Open = inFrom;
        pieces.push({
          kind: 'close',
          change: 'delete',
          delegation: o.delegation,
          delegations: o.delegations,
          note: o.note,
          ...timed(o.at),
        });
      }
    }
    if (to) inTo = null;
    if (from) inFrom = null;
  };
  /** The delegations of a bracket opening at `start` on the given sides: all its runs'. */
  const union = (start: number, to: boolean, from: boolean): string[] => {
    const found = new Set<string>();
    for (let i = start; i < runs.length; i++) {
      const r = runs[i]!;
      const t = to && r.change !== 'delete' ? bracketIn(r, 'to') : undefined;
      const f = from && r.change !== 'insert' ? bracketIn(r, 'from') : undefined;
      if (t === null || f === null) break;
      if (t === undefined && f === undefined) continue;
      for (const d of [...(t ?? []), ...(f ?? [])]) found.add(d);
    }
    return [...found];
  };
  for (const [index, run] of runs.entries()) {
    const toBracket = run.change === 'delete' ? undefined : bracketIn(run, 'to');
    const fromBracket = run.change === 'insert' ? undefined : bracketIn(run, 'from');
    // A run one version does not see leaves that version's bracket as it is.
    const wantTo = toBracket === undefined ? inTo !== null : toBracket !== null;
    const wantFrom = fromBracket === undefined ? inFrom !== null : fromBracket !== null;
    close(inTo !== null && !wantTo, inFrom !== null && !wantFrom);
    const openTo = wantTo && inTo === null;
    const openFrom = wantFrom && inFrom === null;
    if (openTo || openFrom) {
      const delegations = union(index, openTo, openFrom);
      const note = notes.next(delegations);
      const changed = run.change === 'equal' ? null : run.delegation;
      const o: Open = { delegations, note, delegation: changed, ...timed(run.at) };
      if (openTo && openFrom) {
        pieces.push({ kind: 'open', change: 'equal', delegation: null, delegations, note });
        inTo = o;
        inFrom = o;
      } else if (openTo) {
        const own: Open = { ...o, delegation: run.delegation };
        pieces.push({
          kind: 'open',
          change: 'insert',
          delegation: own.delegation,
          delegations,
          note,
          ...timed(own.at),
        });
        inTo = own;
      } else {
        const own: Open = { ...o, delegation: run.delegation };
        pieces.push({
          kind: 'open',
          change: 'delete',
          delegation: own.delegation,
          delegations,
          note,
          ...timed(own.at),
        });
        inFrom = own;
      }
    }
    const footnotes = footnoteRefs(runs, index, notes, noteChanges);
    pieces.push(footnotes.length ? { kind: 'text', ...run, footnotes } : { kind: 'text', ...run });
  }
  close(true, true);
  notes.endParagraph();
  return pieces;
}

/** A run's footnote as the newer (`to`) or the older (`from`) version has it. */
function noteIn(run: TextRunModel | undefined, side: 'to' | 'from') {
  if (!run) return undefined;
  if (side === 'to') return run.change === 'delete' ? undefined : run.note;
  if (run.change === 'insert') return undefined;
  return run.change === 'equal' && run.noteFrom !== undefined
    ? (run.noteFrom ?? undefined)
    : run.note;
}

/** Whether `runs[index]` is the last run of its footnote's anchor in one version. */
function endsAnchor(runs: TextRunModel[], index: number, side: 'to' | 'from') {
  const note = noteIn(runs[index], side);
  if (!note) return undefined;
  const hidden: RunChange = side === 'to' ? 'delete' : 'insert';
  let next = index + 1;
  while (runs[next]?.change === hidden) next++;
  return noteIn(runs[next], side)?.id === note.id ? undefined : note;
}

/**
 * The footnote references after `runs[index]`: one `equal` reference where both versions end
 * the same note's anchor here, else a deleted one (the older version's) and an inserted one
 * (the newer's). Each is credited to whoever put the note on or took it off, as the comparison
 * says (a note put on words both versions have is a change of its own); failing that, to the
 * change of the run it follows.
 */
function footnoteRefs(
  runs: TextRunModel[],
  index: number,
  notes: NoteCounter,
  changes: readonly NoteChange[],
): FootnoteRef[] {
  const run = runs[index]!;
  const to = endsAnchor(runs, index, 'to');
  const from = endsAnchor(runs, index, 'from');
  if (to && from && to.id === from.id && to.text === from.text) {
    return [{ number: notes.nextFootnote(to.text, to.id), change: 'equal', delegation: null }];
  }
  const credited = (change: 'insert' | 'delete', note: { id: string; text: string }) => {
    const found = changes.find(
      (c) => c.kind === change && c.id === note.id && c.text === note.text && c.delegation,
    );
    if (found?.delegation !== undefined) {
      const at = found.at !== undefined ? { at: found.at } : {};
      return { change, delegation: cleanText(found.delegation), ...at };
    }
    const who =
      run.change === 'equal' ? notes.unattributed : (run.delegation ?? notes.unattributed);
    const at = run.change !== 'equal' && run.at !== undefined ? { at: run.at } : {};
    return { change, delegation: who, ...at };
  };
  const refs: FootnoteRef[] = [];
  if (from) {
    const ref = credited('delete', from);
    refs.push({ number: notes.nextFootnote(from.text, from.id, ref), ...ref });
  }
  if (to) {
    const ref = credited('insert', to);
    refs.push({ number: notes.nextFootnote(to.text, to.id, ref), ...ref });
  }
  return refs;
}

/** A block as it stands, without changes: the whole of a clean export, and in a tracked one
 * every block the comparison does not mention (headings, notes). */
export function unchangedBlock(
  node: NodeJSON,
  number: BlockNumber | null,
  notes: NoteCounter,
): BlockModel {
  return {
    type: blockType(node),
    id: typeof node.attrs?.id === 'string' ? node.attrs.id : null,
    level: blockLevel(node),
    status: typeof node.attrs?.status === 'string' ? node.attrs.status : null,
    value: number?.value ?? null,
    label: number ? [{ text: number.label, change: 'equal', delegation: null }] : [],
    change: 'unchanged',
    delegation: null,
    moveNote: null,
    pieces: toPieces(inlineRuns(node), notes),
    ...(node.type === 'annexHeading' ? { annexHeading: true } : {}),
  };
}

export function buildCleanModel(content: NodeJSON, style: DraftStyle): DraftModel {
  const nodes = content.content ?? [];
  const numbers = numberBlocks(nodes, style);
  const notes = new NoteCounter();
  const blocks = nodes.map((node, index) => unchangedBlock(node, numbers[index] ?? null, notes));
  return { blocks, notes: notes.notes, tracked: false };
}

export function readerLabel(parts: LabelPart[]): LabelPart[] {
  return parts
    .filter((p) => !(p.renumbering && p.change === 'delete'))
    .map(({ renumbering, ...p }) =>
      renumbering ? { ...p, change: 'equal', delegation: null } : p,
    );
}

/** The change of a whole block, as the change of the runs that stand for it (its number's tab). */
export function blockRunChange(block: BlockModel): RunChange {
  if (block.change === 'inserted' || block.change === 'moved') return 'insert';
  if (block.change === 'deleted' || block.change === 'moved_away') return 'delete';
  return 'equal';
}

/** Markup with the revision it belongs to, before neighbours of one revision are joined. */
export interface Revised {
  change: RunChange;
  delegation: string | null;
  /** When the revision was made (ISO 8601); absent when unknown. */
  at?: string;
  markup: string;
}

/** Joins neighbouring markup of one revision by one delegation, so it is wrapped once. */
export function joinRevisions(items: Revised[]): Revised[] {
  const out: Revised[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last && last.change === item.change && last.delegation === item.delegation) {
      last.markup += item.markup;
      if (item.at !== undefined && (last.at === undefined || item.at > last.at)) last.at = item.at;
    } else {
      out.push({ ...item });
    }
  }
  return out;
}

/** The plain text of pieces as one version reads it (brackets included). */
export function piecesText(pieces: Piece[], side: 'to' | 'from' = 'to'): string {
  const hidden: RunChange = side === 'to' ? 'delete' : 'insert';
  return pieces
    .filter((p) => p.change !== hidden)
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'open' ? '[' : ']'))
    .join('');
}
