import type { NoteChange } from '@accord/shared/comparison';
import {
  cleanText,
  UNATTRIBUTED,
  type BracketNote,
  type BracketPiece,
  type FootnoteRef,
  type Piece,
  type RunChange,
  type TextRunModel,
} from './model';

/**
 * A paragraph's runs cut into the pieces renderers walk: text, and the `[` `]` of brackets made
 * explicit, with bracket notes and footnotes numbered across the document. In a tracked export
 * each version's brackets and footnotes are followed on their own, so that accepting or
 * rejecting every revision leaves exactly that version's.
 */

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
  /**
   * A `[` or `]` standing in both versions (`equal`: nobody's revision), or in one only
   * (`insert`: the newer, `delete`: the older), credited to who put it there or took it off.
   */
  const bracket = <Kind extends 'open' | 'close'>(
    kind: Kind,
    change: RunChange,
    o: Open,
  ): BracketPiece<Kind> =>
    change === 'equal'
      ? { kind, change, delegation: null, delegations: o.delegations, note: o.note }
      : {
          kind,
          change,
          delegation: o.delegation,
          delegations: o.delegations,
          note: o.note,
          ...timed(o.at),
        };
  const close = (to: boolean, from: boolean) => {
    if (to && from && inTo === inFrom && inTo) {
      pieces.push(bracket('close', 'equal', inTo));
    } else {
      if (to && inTo) pieces.push(bracket('close', 'insert', inTo));
      if (from && inFrom) pieces.push(bracket('close', 'delete', inFrom));
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
        pieces.push(bracket('open', 'equal', o));
        inTo = o;
        inFrom = o;
      } else {
        // One version's bracket: the run's own revision put it there or took it off.
        const own: Open = { ...o, delegation: run.delegation };
        pieces.push(bracket('open', openTo ? 'insert' : 'delete', own));
        if (openTo) inTo = own;
        else inFrom = own;
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
