import { diffWordsWithSpace } from 'diff';
import { characterAt, type ParagraphSnapshot } from './paragraphs';

/**
 * Who made a character appear or disappear, as log author ids (participant ids). `undefined`
 * when the character was not itself inserted or deleted between the versions (a word diff can
 * mark a whole word changed when only some of its letters were).
 */
export interface CharacterAuthors {
  inserted(client: number, clock: number): string | undefined;
  deleted(client: number, clock: number): string | undefined;
}

/** A run of text with who changed it (a log author id), before names are attached. */
export interface RawSpan {
  kind: 'equal' | 'insert' | 'delete';
  text: string;
  author?: string;
}

const TOKEN = /\s+|\S+/g;

function tokens(
  text: string,
  offset: number,
  paragraph: ParagraphSnapshot,
  authorOf: (client: number, clock: number) => string | undefined,
  kind: 'insert' | 'delete',
): RawSpan[] {
  const out: RawSpan[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = offset + (match.index ?? 0);
    let author: string | undefined;
    for (let i = start; i < start + match[0].length && author === undefined; i++) {
      const [client, clock] = characterAt(paragraph, i);
      author = authorOf(client, clock);
    }
    out.push({ kind, text: match[0], author });
  }
  return out;
}

/** Gives every changed token an author: its own, else its neighbours' in the same change. */
function settle(group: RawSpan[]): void {
  const known = group.filter((s) => s.author !== undefined);
  const fallback = known.find((s) => s.kind === 'insert')?.author ?? known[0]?.author ?? 'unknown';
  let previous: string | undefined;
  for (const span of group) {
    if (span.author === undefined && /^\s+$/.test(span.text)) span.author = previous;
    if (span.author === undefined) span.author = fallback;
    previous = span.author;
  }
}

function merge(spans: RawSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (last && last.kind === span.kind && last.author === span.author) last.text += span.text;
    else out.push({ ...span });
  }
  return out;
}

/**
 * The spans of one paragraph between two versions: a word-level diff of the texts, each
 * inserted or deleted word attributed to whoever inserted or deleted its characters.
 * Joining `equal` + `insert` gives `to`'s text; `equal` + `delete` gives `from`'s.
 */
export function paragraphSpans(
  from: ParagraphSnapshot | null,
  to: ParagraphSnapshot | null,
  authors: CharacterAuthors,
): RawSpan[] {
  const before = from?.text ?? '';
  const after = to?.text ?? '';
  // Most paragraphs do not change between two versions: no diff to run.
  if (before === after) return before ? [{ kind: 'equal', text: before }] : [];
  const spans: RawSpan[] = [];
  let group: RawSpan[] = [];
  let a = 0;
  let b = 0;
  const close = () => {
    settle(group);
    spans.push(...group);
    group = [];
  };
  for (const part of diffWordsWithSpace(before, after)) {
    if (part.removed && from) {
      group.push(...tokens(part.value, a, from, (c, k) => authors.deleted(c, k), 'delete'));
      a += part.value.length;
    } else if (part.added && to) {
      group.push(...tokens(part.value, b, to, (c, k) => authors.inserted(c, k), 'insert'));
      b += part.value.length;
    } else {
      close();
      spans.push({ kind: 'equal', text: part.value });
      a += part.value.length;
      b += part.value.length;
    }
  }
  close();
  return merge(spans);
}
