import type { MarkJSON, NodeJSON } from '@accord/shared';
import { footnoteOf } from './footnotes';
import { exportLabels } from './labels';

/**
 * The layout model every renderer walks: the draft's blocks in reading order, numbered, with
 * their text cut into runs of one formatting and one revision, and the `[` `]` of brackets made
 * explicit pieces (`pieces.ts`). Clean exports build it from one content (`clean-model.ts`);
 * tracked exports build it from a comparison (`tracked.ts`). Renderers then only map pieces to
 * their format's markup.
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
