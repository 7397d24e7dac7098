import type { MarkJSON, NodeJSON } from '../content';

/**
 * Inline text of one paragraph as runs of text with marks. Square brackets become the
 * `bracket` mark (text not yet agreed), except inside a quotation, where "[to] promote" is the
 * editor's insertion into a quoted text, not a proposal under negotiation. In Markdown,
 * `*italic*`, `_italic_`, `**bold**` and `__bold__` become marks and `\*` escapes.
 */
export interface Run {
  text: string;
  marks: MarkJSON[];
}

const ITALIC: MarkJSON = { type: 'italic' };
const BOLD: MarkJSON = { type: 'bold' };
const BRACKET: MarkJSON = { type: 'bracket', attrs: { delegations: [] } };

// Escaped characters are hidden in the Private Use Area while emphasis is parsed.
const ESCAPE_BASE = 0xe000;
const escapeMarkdown = (text: string) =>
  text.replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, (_, c: string) =>
    String.fromCharCode(ESCAPE_BASE + c.charCodeAt(0)),
  );
const unescapeMarkdown = (text: string) =>
  text.replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPE_BASE));

interface Delimiter {
  pattern: RegExp;
  mark: MarkJSON;
  markdownOnly: boolean;
}

// Order matters: "**" before "*". An opener is followed and a closer preceded by a non-space.
const DELIMITERS: Delimiter[] = [
  { pattern: /\*\*(?=\S)([\s\S]*?\S)\*\*/y, mark: BOLD, markdownOnly: true },
  {
    pattern: /(?<![\p{L}\d])__(?=\S)([\s\S]*?\S)__(?![\p{L}\d])/uy,
    mark: BOLD,
    markdownOnly: true,
  },
  { pattern: /\*(?=\S)([\s\S]*?\S)\*/y, mark: ITALIC, markdownOnly: true },
  {
    pattern: /(?<![\p{L}\d])_(?=\S)([\s\S]*?\S)_(?![\p{L}\d])/uy,
    mark: ITALIC,
    markdownOnly: true,
  },
  { pattern: /\[([^[\]]+)\](?!\()/y, mark: BRACKET, markdownOnly: false },
];
const LINK = /\[([^[\]]*)\]\([^)\s]*\)/y;

/** Whether position `index` of `text` lies inside a quotation (“…” or "…"). */
function insideQuotation(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const curly = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0);
  const straight = before.match(/"/g)?.length ?? 0;
  return curly > 0 || straight % 2 === 1;
}

function parse(
  text: string,
  marks: MarkJSON[],
  markdown: boolean,
  whole: string,
  offset: number,
): Run[] {
  const runs: Run[] = [];
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain) runs.push({ text: plain, marks });
    plain = '';
  };
  while (i < text.length) {
    let matched = false;
    if (markdown) {
      LINK.lastIndex = i;
      const link = LINK.exec(text);
      if (link) {
        plain += link[1] ?? '';
        i = LINK.lastIndex;
        continue;
      }
    }
    for (const delimiter of DELIMITERS) {
      if (delimiter.markdownOnly && !markdown) continue;
      if (marks.some((m) => m.type === delimiter.mark.type)) continue;
      delimiter.pattern.lastIndex = i;
      const match = delimiter.pattern.exec(text);
      if (!match) continue;
      if (delimiter.mark === BRACKET && insideQuotation(whole, offset + i)) continue;
      flush();
      const inner = match[1] ?? '';
      const innerOffset = offset + i + match[0].indexOf(inner);
      runs.push(...parse(inner, [...marks, delimiter.mark], markdown, whole, innerOffset));
      i = delimiter.pattern.lastIndex;
      matched = true;
      break;
    }
    if (!matched) {
      plain += text[i];
      i += 1;
    }
  }
  flush();
  return runs;
}

/** The runs of one paragraph's text. */
export function parseInline(text: string, markdown: boolean): Run[] {
  const source = markdown ? escapeMarkdown(text) : text;
  return parse(source, [], markdown, source, 0).map((run) => ({
    text: markdown ? unescapeMarkdown(run.text) : run.text,
    marks: run.marks,
  }));
}

/** The text of the runs, marks ignored. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}

/** The runs without their first `count` characters (a paragraph's marker). */
export function dropPrefix(runs: readonly Run[], count: number): Run[] {
  let rest = count;
  const out: Run[] = [];
  for (const run of runs) {
    if (rest >= run.text.length) {
      rest -= run.text.length;
      continue;
    }
    out.push({ text: run.text.slice(rest), marks: run.marks });
    rest = 0;
  }
  return out;
}

/** The runs with the first `count` characters set in italics (UN lead words). */
export function italiciseLead(runs: readonly Run[], count: number): Run[] {
  const head = runsText(runs).slice(0, count);
  return [{ text: head, marks: [ITALIC] }, ...dropPrefix(runs, count)];
}

const sameMarks = (a: MarkJSON[], b: MarkJSON[]) =>
  a.length === b.length && a.every((mark, i) => mark.type === b[i]?.type);

/** ProseMirror text nodes for the runs: trimmed, adjacent runs merged, no empty text node. */
export function runsToInline(runs: readonly Run[]): NodeJSON[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const text = run.text.replace(/[^\S\u00a0\u202f]+/g, ' ');
    const last = merged[merged.length - 1];
    if (last && sameMarks(last.marks, run.marks)) last.text += text;
    else merged.push({ text, marks: run.marks });
  }
  for (const run of merged) {
    run.text = run.text.trimStart();
    if (run.text) break;
  }
  for (const run of [...merged].reverse()) {
    run.text = run.text.trimEnd();
    if (run.text) break;
  }
  return merged
    .filter((run) => run.text !== '')
    .map((run) =>
      run.marks.length
        ? { type: 'text', text: run.text, marks: run.marks }
        : { type: 'text', text: run.text },
    );
}
