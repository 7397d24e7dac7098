import { diffWordsWithSpace, type Change } from 'diff';
import { characterAt, type ParagraphSnapshot } from './paragraphs';

/** Who made a change (a log author id, a participant id) and when (ms since the epoch). */
export interface Authorship {
  author: string;
  at?: number;
}

/**
 * Who made a character appear or disappear, and when. `undefined` when the character was not
 * itself inserted or deleted between the versions (a word diff can mark a whole word changed
 * when only some of its letters were).
 */
export interface CharacterAuthors {
  inserted(client: number, clock: number): Authorship | undefined;
  deleted(client: number, clock: number): Authorship | undefined;
}

/** A run of text with who changed it (a log author id) and when, before names are attached. */
export interface RawSpan {
  kind: 'equal' | 'insert' | 'delete';
  text: string;
  author?: string;
  at?: number;
}

const TOKEN = /\s+|\S+/g;

function tokens(
  text: string,
  offset: number,
  paragraph: ParagraphSnapshot,
  authorOf: (client: number, clock: number) => Authorship | undefined,
  kind: 'insert' | 'delete',
): RawSpan[] {
  const out: RawSpan[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = offset + (match.index ?? 0);
    let who: Authorship | undefined;
    for (let i = start; i < start + match[0].length && who === undefined; i++) {
      const [client, clock] = characterAt(paragraph, i);
      who = authorOf(client, clock);
    }
    out.push({ kind, text: match[0], author: who?.author, at: who?.at });
  }
  return out;
}

/** Gives every changed token an author: its own, else its neighbours' in the same change. */
function settle(group: RawSpan[]): void {
  const known = group.filter((s) => s.author !== undefined);
  const fallback = known.find((s) => s.kind === 'insert') ?? known[0];
  let previous: RawSpan | undefined;
  for (const span of group) {
    if (span.author === undefined && previous && /^\s+$/.test(span.text)) {
      span.author = previous.author;
      span.at = previous.at;
    }
    if (span.author === undefined) {
      span.author = fallback?.author ?? 'unknown';
      span.at = fallback?.at;
    }
    previous = span;
  }
}

/** Joins neighbouring spans of one kind by one author; the joined change is as late as its last word. */
function merge(spans: RawSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (last && last.kind === span.kind && last.author === span.author) {
      last.text += span.text;
      if (span.at !== undefined && (last.at === undefined || span.at > last.at)) last.at = span.at;
    } else out.push({ ...span });
  }
  return out;
}

/**
 * Folds into the change around it the spaces between two changes. A word diff keeps every
 * shared space, so replacing "a large" by "more than" reads "~~a~~more ~~large~~than"; a
 * reader (and Word, Google Docs, LEOS) wants "~~a large~~more than". The folded space is
 * deleted and inserted again. Words are never folded: a word shown deleted must have been.
 */
function foldSpaces(parts: Change[]): Change[] {
  const out: Change[] = [];
  const changed = (p: Change | undefined) => p !== undefined && (p.added || p.removed);
  parts.forEach((part, i) => {
    const space = /^\s+$/.test(part.value);
    if (!part.added && !part.removed && space && changed(parts[i - 1]) && changed(parts[i + 1])) {
      out.push({ ...part, removed: true, added: false, count: 1 });
      out.push({ ...part, removed: false, added: true, count: 1 });
    } else out.push(part);
  });
  return out;
}

/**
 * The spans of one paragraph between two versions: a word-level diff of the texts, each
 * inserted or deleted word attributed to whoever inserted or deleted its characters. Between
 * two unchanged stretches, every deleted word comes first and every inserted word after, as a
 * reader takes a replacement. Joining `equal` + `insert` gives `to`'s text; `equal` + `delete`
 * gives `from`'s.
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
  let deleted: RawSpan[] = [];
  let inserted: RawSpan[] = [];
  let a = 0;
  let b = 0;
  const close = () => {
    const group = [...deleted, ...inserted];
    settle(group);
    spans.push(...group);
    deleted = [];
    inserted = [];
  };
  for (const part of foldSpaces(diffWordsWithSpace(before, after))) {
    if (part.removed) {
      if (from)
        deleted.push(...tokens(part.value, a, from, (c, k) => authors.deleted(c, k), 'delete'));
      a += part.value.length;
    } else if (part.added) {
      if (to)
        inserted.push(...tokens(part.value, b, to, (c, k) => authors.inserted(c, k), 'insert'));
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
