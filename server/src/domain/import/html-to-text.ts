import { roman } from '@accord/shared/numbering';

/**
 * The simple HTML that mammoth makes of a .docx, rewritten as the Markdown-like text the
 * structure recogniser reads. Word's automatic numbering is not in the text of a paragraph,
 * only in its list: so list items get their numbers back here (top level "1.", nested "a.",
 * then "(i)"), headings become "#" lines, bold and italics `**` and `*`. Mammoth's HTML is
 * regular (no attributes but `href` and `id`, entities escaped), so a tokenizer suffices.
 */

interface List {
  ordered: boolean;
  count: number;
  /** Stands for a numbered paragraph that Word kept outside the list (see `htmlToText`). */
  implied?: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// Characters that would read as Markdown emphasis or escapes in the recogniser.
const escapeMarkdown = (text: string) => text.replace(/([\\*_])/g, '\\$1');

const letter = (n: number) => String.fromCharCode(97 + ((n - 1) % 26));

function listPrefix(lists: readonly List[]): string {
  const list = lists[lists.length - 1];
  if (!list) return '';
  if (!list.ordered) return '- ';
  const depth = lists.filter((l) => l.ordered).length;
  if (depth <= 1) return `${list.count}. `;
  return depth === 2 ? `${letter(list.count)}. ` : `(${roman(list.count)}) `;
}

/** Writes blocks of text with Markdown emphasis, keeping spaces outside the `**` and `*`. */
class BlockWriter {
  readonly blocks: string[] = [];
  private text: string | null = null;
  private prefix = '';
  private item = false;
  private pendingOpen = '';

  /** A list item is open and has no text yet (its first `<p>` is still to come). */
  get isEmptyItem(): boolean {
    return this.item && this.text !== null && this.text.trim() === '';
  }
  /** A list item is open: its `<p>`s are its text, not blocks of their own. */
  get inItem(): boolean {
    return this.item && this.text !== null;
  }

  start(prefix: string, item = false): void {
    this.end();
    this.text = '';
    this.prefix = prefix;
    this.item = item;
  }
  /** Ends the block; returns its text (without prefix), or null if there was none. */
  end(): string | null {
    const text = this.text?.replace(/\s+/g, ' ').trim() ?? null;
    if (text) this.blocks.push(this.prefix + text);
    this.text = null;
    this.prefix = '';
    this.item = false;
    this.pendingOpen = '';
    return text;
  }
  write(raw: string): void {
    if (this.text === null && !raw.trim()) return;
    const lead = /^\s*/.exec(raw)?.[0] ?? '';
    this.text =
      (this.text ?? '') + lead + this.pendingOpen + escapeMarkdown(raw.slice(lead.length));
    this.pendingOpen = '';
  }
  openMark(marker: string): void {
    this.pendingOpen += marker;
  }
  closeMark(marker: string): void {
    if (this.pendingOpen.endsWith(marker)) {
      this.pendingOpen = this.pendingOpen.slice(0, -marker.length); // an empty <em></em>
      return;
    }
    const text = this.text ?? '';
    const trail = /\s*$/.exec(text)?.[0] ?? '';
    this.text = text.slice(0, text.length - trail.length) + marker + trail;
  }
}

const MARKS: Record<string, string> = { strong: '**', b: '**', em: '*', i: '*' };

/** The text of mammoth's HTML, one block per paragraph, blank lines between blocks. */
export function htmlToText(html: string): string {
  const out = new BlockWriter();
  const lists: List[] = [];
  let operatives = 0;
  let skipDepth = 0;
  /** For each open link, whether it is a footnote's (its text skipped). */
  const links: boolean[] = [];
  // Word often keeps a lettered list apart from its numbered paragraph ("3. … by:" then an
  // unindented "a."): a list that follows a numbered item ending with a colon is read as
  // nested in it, as a reader would.
  let lastNumberedEndsWithColon = false;
  const orderedDepth = () => lists.filter((l) => l.ordered).length;
  const endBlock = () => {
    const wasNumbered = out.inItem && orderedDepth() === 1;
    const text = out.end();
    if (text !== null && wasNumbered) lastNumberedEndsWithColon = text.endsWith(':');
    else if (text !== null && !out.inItem && lists.length === 0) lastNumberedEndsWithColon = false;
  };

  for (const token of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
    const [, closing, rawTag, attributes = '', text] = token;
    if (text !== undefined) {
      if (skipDepth === 0) out.write(decodeEntities(text));
      continue;
    }
    const tag = (rawTag ?? '').toLowerCase();
    const isClosing = closing === '/';
    // A footnote reference becomes Markdown's "[^1]", which the recogniser anchors; its "[1]"
    // and the note's back-link ("↑") are not text of the resolution.
    if (tag === 'a') {
      const note = /href="#(?:foot|end)note-(ref-)?(\d+)"/.exec(attributes);
      if (isClosing) {
        if (links.pop()) skipDepth = Math.max(0, skipDepth - 1);
      } else {
        if (note && !note[1]) out.write(`[^${note[2]}]`);
        links.push(note !== null);
        if (note) skipDepth += 1;
      }
      continue;
    }
    if (tag === 'sup') {
      skipDepth = Math.max(0, skipDepth + (isClosing ? -1 : 1));
      continue;
    }
    const marker = MARKS[tag];
    if (marker) {
      if (isClosing) out.closeMark(marker);
      else out.openMark(marker);
      continue;
    }
    if (tag === 'ol' || tag === 'ul') {
      endBlock();
      if (isClosing) {
        lists.pop();
        if (lists.length === 1 && lists[0]?.implied) lists.pop();
        continue;
      }
      if (tag === 'ol' && lists.length === 0 && lastNumberedEndsWithColon) {
        lists.push({ ordered: true, count: operatives, implied: true });
      }
      lists.push({ ordered: tag === 'ol', count: 0 });
      continue;
    }
    if (tag === 'li') {
      if (isClosing) {
        endBlock();
        continue;
      }
      const list = lists[lists.length - 1];
      const footnote = /id="(?:foot|end)note-(\d+)"/.exec(attributes);
      if (footnote) {
        out.start(`[^${footnote[1]}]: `, true);
        continue;
      }
      if (list) list.count += 1;
      // Numbers run on across the separate lists Word makes when a paragraph interrupts one.
      if (list?.ordered && orderedDepth() === 1) list.count = ++operatives;
      out.start(listPrefix(lists), true);
      continue;
    }
    if (/^(p|h[1-6]|td|th|blockquote)$/.test(tag)) {
      if (isClosing) {
        if (!out.inItem) endBlock();
        continue;
      }
      if (out.inItem) {
        // <li><p>…</p><p>…</p></li>: the paragraphs are the item's text.
        if (!out.isEmptyItem) out.write(' ');
        continue;
      }
      endBlock();
      out.start(/^h[1-6]$/.test(tag) ? `${'#'.repeat(Number(tag.slice(1)))} ` : '');
      continue;
    }
    if (tag === 'br') out.write('\n');
  }
  endBlock();
  return out.blocks.join('\n\n') + '\n';
}
