import * as Y from 'yjs';
import { BODY_FIELD, type NodeJSON } from '@accord/shared';
import { blockKeys } from '@accord/shared/comparison';

/**
 * A paragraph of one version as the comparison sees it: its key, its text, and the Yjs id of
 * every character, so that a character can be followed from one version to another and back to
 * the update that inserted or deleted it.
 */
export interface ParagraphSnapshot {
  /** The stable `id` attribute, or, for blocks without one, their type and rank (`blockKeys`). */
  key: string;
  /** The Yjs element holding it: a move (delete and insert again) gives a new one. */
  element: string;
  type: string;
  attrs: Record<string, unknown>;
  text: string;
  /**
   * The characters as runs of one Yjs item each: client, first clock, length (Yjs counts
   * clocks in UTF-16 units, as JavaScript strings do).
   */
  runs: [number, number, number][];
  /** Where each run starts in `text`. */
  runStarts: number[];
  /** The footnotes on its words (see footnote-changes.ts), each once, in order. */
  notes?: PlacedNote[];
}

/** A draft's footnote as a `footnote` mark carries it. */
export interface PlacedNote {
  id: string;
  text: string;
}

/** The note a Yjs format attribute carries: `footnote`, or `footnote--…` for overlapping marks. */
function noteOf(key: string, value: unknown): PlacedNote | undefined {
  if (key !== 'footnote' && !key.startsWith('footnote--')) return undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, text } = value as Record<string, unknown>;
  if (typeof text !== 'string' || text === '') return undefined;
  return { id: typeof id === 'string' ? id : '', text };
}

/** The Yjs id (client, clock) of the character at `offset` of a paragraph's text. */
export function characterAt(paragraph: ParagraphSnapshot, offset: number): [number, number] {
  let low = 0;
  let high = paragraph.runStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (paragraph.runStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  const [client, clock] = paragraph.runs[low]!;
  return [client, clock + offset - paragraph.runStarts[low]!];
}

/**
 * Every character id of a document, as sorted, disjoint clock ranges per client: a document of
 * a hundred thousand characters is a few thousand ranges, not a hundred thousand set entries.
 */
export type CharacterSet = Map<number, { starts: number[]; ends: number[] }>;

function readText(type: Y.XmlText, into: ParagraphSnapshot): void {
  // The marks in force, as `toDelta` follows them: a format item opens a mark, `null` ends it.
  const marks = new Map<string, unknown>();
  const notes = (into.notes ??= []);
  const seen = new Set(notes.map((n) => `${n.id}\u0000${n.text}`));
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.content instanceof Y.ContentFormat) {
      const { key, value } = item.content;
      if (value === null) marks.delete(key);
      else marks.set(key, value);
      continue;
    }
    if (!(item.content instanceof Y.ContentString)) continue;
    for (const [key, value] of marks) {
      const note = noteOf(key, value);
      const id = note && `${note.id}\u0000${note.text}`;
      if (note && id && !seen.has(id)) {
        seen.add(id);
        notes.push(note);
      }
    }
    const text = item.content.str;
    into.runStarts.push(into.text.length);
    into.runs.push([item.id.client, item.id.clock, text.length]);
    into.text += text;
  }
}

/**
 * The top-level blocks of a document's body, in order. With `only`, the text of the other
 * blocks is left unread (empty): for a replay that watches a few paragraphs.
 */
export function readParagraphs(doc: Y.Doc, only?: ReadonlySet<string>): ParagraphSnapshot[] {
  const elements = doc
    .getXmlFragment(BODY_FIELD)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
  const blocks = elements.map((node) => ({
    type: node.nodeName,
    attrs: node.getAttributes(),
  }));
  const keys = blockKeys(blocks);
  return elements.map((node, index) => {
    const item = node._item;
    const key = keys[index]!;
    const paragraph: ParagraphSnapshot = {
      key,
      element: item ? `${item.id.client}.${item.id.clock}` : key,
      type: blocks[index]!.type,
      attrs: blocks[index]!.attrs,
      text: '',
      runs: [],
      runStarts: [],
      notes: [],
    };
    if (only && !only.has(key)) return paragraph;
    for (const child of node.toArray()) if (child instanceof Y.XmlText) readText(child, paragraph);
    return paragraph;
  });
}

export function characterSet(paragraphs: readonly ParagraphSnapshot[]): CharacterSet {
  const byClient = new Map<number, [number, number][]>();
  for (const p of paragraphs) {
    for (const [client, clock, length] of p.runs) {
      let ranges = byClient.get(client);
      if (!ranges) byClient.set(client, (ranges = []));
      ranges.push([clock, clock + length]);
    }
  }
  const set: CharacterSet = new Map();
  for (const [client, ranges] of byClient) {
    ranges.sort((a, b) => a[0] - b[0]);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const [start, end] of ranges) {
      if (ends.length > 0 && start <= ends[ends.length - 1]!) {
        ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, end);
      } else {
        starts.push(start);
        ends.push(end);
      }
    }
    set.set(client, { starts, ends });
  }
  return set;
}

export function hasCharacter(set: CharacterSet, client: number, clock: number): boolean {
  const ranges = set.get(client);
  if (!ranges) return false;
  // The last range starting at or before `clock`.
  let low = 0;
  let high = ranges.starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (ranges.starts[mid]! <= clock) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found >= 0 && clock < ranges.ends[found]!;
}

/** Blocks as the numbering wants them. */
export function asBlocks(paragraphs: readonly ParagraphSnapshot[]): NodeJSON[] {
  return paragraphs.map((p) => ({ type: p.type, attrs: p.attrs }));
}
