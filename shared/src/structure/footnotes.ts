import type { MarkJSON, NodeJSON } from '../content';

/**
 * Footnotes in an imported text: OAS reservations ("… in the region.1/" in the text, "1/ The
 * Delegation of … does not join consensus …" below it), Markdown footnotes ("[^1]" and
 * "[^1]: …") and Word's (which the .docx reader writes as Markdown's). Each note becomes a
 * `footnote` mark on the word its number follows, never a paragraph of its own, so a
 * reservation cannot be read as an operative paragraph.
 *
 * Between reading the paragraphs and building the blocks a reference stands in the text as one
 * character of the Private Use Area (`U+E100` + its number): it travels with the word it
 * follows through the inline parser, and `withoutReferences` hides it from the classifier.
 */

const REFERENCE_BASE = 0xe100;
const MAX_NOTE = 255;
const REFERENCE_CHAR = /[\ue100-\ue1ff]/gu;
const HAS_REFERENCE = /[\ue100-\ue1ff]/u;

/** A note's definition: "[^1]: text", "[1] text" (Word), "1/ text" (OAS). */
const DEFINITION = /^(?:\[\^?(\d{1,3})\]:?|(\d{1,3})\/)\s+([\s\S]+)$/u;

export interface ExtractedNotes {
  /** The paragraphs without note definitions, each reference replaced by its stand-in. */
  paragraphs: string[];
  /** Note texts by number. */
  notes: Map<number, string>;
  /** Numbers of notes whose reference was found in the text. */
  anchored: Set<number>;
}

const standIn = (n: number) => String.fromCharCode(REFERENCE_BASE + n);

/** `text` without reference stand-ins: what the classifier reads. */
export function withoutReferences(text: string): string {
  return text.replace(REFERENCE_CHAR, '');
}

/**
 * Takes out of `paragraphs` the definitions of notes the text refers to, and marks where each
 * is referred to. A definition nothing refers to stays where it is, read as a note paragraph.
 */
export function extractFootnotes(paragraphs: readonly string[]): ExtractedNotes {
  const defined = new Map<number, { index: number; text: string }>();
  paragraphs.forEach((paragraph, index) => {
    const definition = DEFINITION.exec(paragraph.trim());
    const n = Number(definition?.[1] ?? definition?.[2]);
    if (definition?.[3] && n >= 1 && n <= MAX_NOTE && !defined.has(n)) {
      defined.set(n, { index, text: definition[3].replace(/\s+/g, ' ').trim() });
    }
  });
  const definitions = new Set([...defined.values()].map((d) => d.index));
  const anchored = new Set<number>();
  const refer = (whole: string, digits: string) => {
    const n = Number(digits);
    if (!defined.has(n)) return whole;
    anchored.add(n);
    return standIn(n);
  };
  const replaced = paragraphs.map((paragraph, index) =>
    definitions.has(index)
      ? paragraph
      : paragraph
          // Markdown and Word: "growth[^1]".
          .replace(/\s?\[\^(\d{1,3})\]/g, refer)
          // OAS: "in the region.1/" or "in the region. 1/", never "doc.5/26" or "XXXV-O/05".
          .replace(/(?<=[\p{L}.,;:)”’"])\s?(\d{1,3})\/(?=\s|$)/gu, refer),
  );
  const notes = new Map<number, string>();
  for (const [n, { text }] of defined) if (anchored.has(n)) notes.set(n, text);
  const kept = replaced.filter((paragraph, index) => {
    if (!definitions.has(index)) return true;
    const n = [...defined].find(([, d]) => d.index === index)?.[0];
    return n === undefined || !anchored.has(n);
  });
  return { paragraphs: kept, notes, anchored };
}

interface Char {
  char: string;
  marks: MarkJSON[];
}

const sameMarks = (a: MarkJSON[], b: MarkJSON[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The block with each reference stand-in removed and its note set as a `footnote` mark on the
 * word before it (the word and the punctuation that closes it, "region."); `newId` names notes.
 */
export function anchorFootnotes(
  block: NodeJSON,
  notes: ReadonlyMap<number, string>,
  newId: () => string,
): NodeJSON {
  const content = block.content ?? [];
  if (!content.some((node) => HAS_REFERENCE.test(node.text ?? ''))) return block;
  const chars: Char[] = [];
  for (const node of content) {
    for (const char of node.text ?? '') chars.push({ char, marks: node.marks ?? [] });
  }
  const out: Char[] = [];
  for (const { char, marks } of chars) {
    const code = char.charCodeAt(0);
    if (code < REFERENCE_BASE || code > REFERENCE_BASE + MAX_NOTE) {
      out.push({ char, marks });
      continue;
    }
    const text = notes.get(code - REFERENCE_BASE);
    if (text === undefined) continue;
    // Back over spaces, then over the word the number follows.
    let end = out.length;
    while (end > 0 && /\s/u.test(out[end - 1]!.char)) end -= 1;
    let start = end;
    while (start > 0 && !/\s/u.test(out[start - 1]!.char)) start -= 1;
    const mark: MarkJSON = { type: 'footnote', attrs: { id: newId(), text } };
    for (let i = start; i < end; i++) {
      const current = out[i]!;
      current.marks = [...current.marks.filter((m) => m.type !== 'footnote'), mark];
    }
  }
  const merged: NodeJSON[] = [];
  for (const { char, marks } of out) {
    const last = merged[merged.length - 1];
    if (last && sameMarks(last.marks ?? [], marks)) last.text += char;
    else
      merged.push(
        marks.length ? { type: 'text', text: char, marks } : { type: 'text', text: char },
      );
  }
  const trimmed = merged.filter((node) => node.text !== '');
  const result: NodeJSON = { ...block };
  if (trimmed.length) result.content = trimmed;
  else delete result.content;
  return result;
}
