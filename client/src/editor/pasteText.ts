/**
 * Reduces pasted HTML (from Word, a web page, a PDF viewer) to the plain text of its blocks,
 * one block per paragraph, separated by blank lines, so that the shared recogniser
 * (`textToBlocks`) decides what each block is. Nothing of the source's markup survives: Word's
 * styles, classes and fonts are foreign to the draft schema.
 */

/** Elements whose content is a block of its own. */
const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TR',
  'BLOCKQUOTE',
  'PRE',
  'DT',
  'DD',
  'SECTION',
  'ARTICLE',
  'TABLE',
  'UL',
  'OL',
]);

/** Elements that hold no text a reader sees. */
const SKIPPED_TAGS = new Set([
  'HEAD',
  'STYLE',
  'SCRIPT',
  'TITLE',
  'META',
  'LINK',
  'XML',
  'TEMPLATE',
]);

/** A numbered list item ("1.", "2)", "a.") already carries its number in its text. */
const HAS_NUMBER = /^\s*(\(?\d+[.)]|\(?[a-z]{1,3}[.)])\s/i;

/** Whether the HTML was copied from a ProseMirror editor (this one): its schema parses it. */
export function isEditorHtml(html: string): boolean {
  return /data-pm-slice/.test(html);
}

/**
 * The text of `html` as blocks separated by blank lines. Items of an ordered list that do not
 * spell their number (a web page's `<ol>`, unlike Word's) get it, so they read as numbered.
 */
/**
 * Pasted HTML without its styling, before anything parses it: a copy from Word carries
 * `<style>` blocks and style attributes, which the content security policy forbids (Chromium
 * reports each one it meets while parsing, even into an inert document) and the draft never
 * keeps. Not a safety measure (the policy is): a tidy console and less to parse.
 */
export function withoutStyles(html: string): string {
  return html
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/\sstyle\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '');
}

export function htmlToPlainText(html: string): string {
  const parsed = new DOMParser().parseFromString(withoutStyles(html), 'text/html');
  const blocks: string[] = [];
  let line = '';

  const flush = () => {
    const text = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (text) blocks.push(text);
    line = '';
  };

  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      line += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (!(node instanceof Element) || SKIPPED_TAGS.has(node.tagName)) return;
    if (node.tagName === 'BR') return flush();
    const block = BLOCK_TAGS.has(node.tagName);
    if (block) flush();
    if (node.tagName === 'LI' && node.parentElement?.tagName === 'OL') {
      const index = [...node.parentElement.children].indexOf(node) + 1;
      const start = Number(node.parentElement.getAttribute('start') ?? '1') || 1;
      if (!HAS_NUMBER.test(node.textContent ?? '')) line += `${index + start - 1}. `;
    }
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };

  walk(parsed.body);
  flush();
  return blocks.join('\n\n');
}

/** Whether pasted text holds more than one line with something on it. */
export function isMultiLine(text: string): boolean {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim()).length > 1;
}
