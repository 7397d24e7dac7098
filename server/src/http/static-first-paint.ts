import { inlineText, numberBlocks, type NodeJSON } from '@accord/shared';
import type { Request } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deviceToken } from '../auth/device-cookie';
import { documentFor } from '../domain/access';
import { readContent } from '../domain/content';
import type { DomainContext } from '../domain/context';

/** The editor page's module in Vite's manifest (client/vite.config.ts sets `manifest: true`). */
const EDITOR_MODULE = 'src/pages/EditorPage.tsx';

const DOCUMENT_PAGE = /^\/documents\/([A-Za-z0-9_-]{1,64})\/?$/;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/** Where the editor page's chunks and styles are, by the build's manifest. */
interface EditorAssets {
  scripts: string[];
  styles: string[];
}

function editorAssets(clientDir: string): EditorAssets | null {
  const path = join(clientDir, '.vite', 'manifest.json');
  if (!existsSync(path)) return null;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  if (!manifest[EDITOR_MODULE]) return null;
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || scripts.has(`/${chunk.file}`)) return;
    scripts.add(`/${chunk.file}`);
    for (const css of chunk.css ?? []) styles.add(`/${css}`);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(EDITOR_MODULE);
  return { scripts: [...scripts], styles: [...styles] };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** The tag and class each block has in the editor (shared/src/schema), so its styles apply. */
const BLOCKS: Record<string, { tag: string; className: string }> = {
  title: { tag: 'h1', className: 'draft-title' },
  organ: { tag: 'p', className: 'draft-organ' },
  leadHeading: { tag: 'p', className: 'draft-lead-heading' },
  paragraph: { tag: 'p', className: 'draft-note' },
  preambular: { tag: 'p', className: 'draft-preambular' },
  operative: { tag: 'p', className: 'draft-operative' },
  subparagraph: { tag: 'p', className: 'draft-subparagraph' },
};

/**
 * The draft as static HTML, block for block as the editor lays it out (same tags, classes and
 * margin numbers), for a delegate to read while the editor's code is still on its way.
 */
export function renderDraftPreview(content: NodeJSON, style: Parameters<typeof numberBlocks>[1]) {
  const blocks = content.content ?? [];
  const numbers = numberBlocks(blocks, style);
  return blocks
    .map((block, index) => {
      const shape = BLOCKS[block.type] ?? { tag: 'p', className: '' };
      const attributes = [`class="${shape.className}"`, `data-type="${escapeHtml(block.type)}"`];
      const number = numbers[index];
      if (number) attributes.push(`data-number="${escapeHtml(number.label)}"`);
      if (block.type === 'subparagraph')
        attributes.push(`data-level="${block.attrs?.level === 2 ? 2 : 1}"`);
      return `<${shape.tag} ${attributes.join(' ')}>${escapeHtml(inlineText(block))}</${shape.tag}>`;
    })
    .join('');
}

/**
 * The app's page for a document link, ready for conference Wi-Fi (400 kbit/s, 400 ms round
 * trip), where every round trip counts:
 * - the editor's chunks are named in the page (`modulepreload`) and its styles linked, so they
 *   download beside the app's own code instead of after it has started and asked who we are;
 * - for a reader the link or the device's cookie signs in, the document's text is in the page
 *   itself (`#first-paint`), readable as soon as the page arrives, as Google Docs shows its text
 *   before its editor is ready. The app replaces it with the editor once that is editable
 *   (client/src/firstPaint.ts). It holds no script, so the content security policy is unchanged.
 */
export class FirstPaint {
  private readonly template: string;
  private readonly assets: EditorAssets | null;

  constructor(
    clientDir: string,
    private readonly context: DomainContext | null,
  ) {
    this.template = readFileSync(join(clientDir, 'index.html'), 'utf8');
    this.assets = editorAssets(clientDir);
  }

  /** The page for `request`, and whether it holds a reader's text (then it is private). */
  async page(request: Request): Promise<{ html: string; personal: boolean }> {
    const match = DOCUMENT_PAGE.exec(request.path);
    if (!match?.[1]) return { html: this.template, personal: false };
    const head = this.preloads();
    const preview = await this.preview(request, match[1]);
    let html = this.template.replace('</head>', `${head}</head>`);
    if (preview) html = html.replace('<body>', `<body>${preview}`);
    return { html, personal: preview !== null };
  }

  private preloads(): string {
    if (!this.assets) return '';
    return [
      ...this.assets.styles.map((href) => `<link rel="stylesheet" crossorigin href="${href}">`),
      ...this.assets.scripts.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
    ].join('');
  }

  private async preview(request: Request, documentId: string): Promise<string | null> {
    if (!this.context) return null;
    const query = request.query.token;
    const token = typeof query === 'string' ? query : deviceToken(request.headers.cookie);
    if (!token) return null;
    const principal = this.context.authenticator.check(token).principal;
    if (!principal) return null;
    try {
      const document = documentFor(this.context, principal, documentId);
      const content = await readContent(this.context, document);
      const body = renderDraftPreview(content, document.style);
      return (
        `<div id="first-paint" class="first-paint" data-document="${documentId}" aria-busy="true">` +
        `<div class="first-paint__progress" aria-hidden="true"></div>` +
        `<p class="first-paint__status" role="status"></p>` +
        `<div class="first-paint__sheet draft-sheet"><div class="draft">${body}</div></div>` +
        `</div>`
      );
    } catch {
      // Another meeting's document, or one that is gone: the app says so once it has loaded.
      return null;
    }
  }
}
