import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Real readers of exported files, for tests: pandoc (DOCX, HTML, Markdown), pdftotext and
 * pdffonts (PDF), xmllint (Akoma Ntoso), unzip (parts of a DOCX). Each runs on a temporary
 * file, as a user's tool would.
 */

const run = promisify(execFile);

/** The Akoma Ntoso 3.0 schema, vendored with its licence note in `tests/fixtures/akn`. */
export const AKN_SCHEMA = fileURLToPath(
  new URL('../../../../tests/fixtures/akn/akomantoso30.xsd', import.meta.url),
);

async function withFile<T>(
  body: Buffer,
  extension: string,
  read: (path: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'accord-export-'));
  const path = join(dir, `export.${extension}`);
  try {
    await writeFile(path, body);
    return await read(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function pandoc(
  body: Buffer,
  from: 'docx' | 'html' | 'markdown',
  trackChanges: 'accept' | 'reject' | 'all' = 'accept',
): Promise<string> {
  const extension = from === 'markdown' ? 'md' : from;
  return withFile(body, extension, async (path) => {
    const args = ['-f', from, '-t', 'plain', '--wrap=none', `--track-changes=${trackChanges}`];
    const { stdout } = await run('pandoc', [...args, path]);
    return stdout;
  });
}

/**
 * A file as pandoc reads it, written back as Markdown: struck-through text (`<del>`) reads
 * `~~…~~`, so a test sees what a reader sees struck through.
 */
export function pandocMarkdown(body: Buffer, from: 'docx' | 'html'): Promise<string> {
  return withFile(body, from, async (path) => {
    const args = ['-f', from, '-t', 'markdown_strict+strikeout-raw_html', '--wrap=none'];
    const { stdout } = await run('pandoc', [...args, path]);
    return stdout;
  });
}

export function pdfText(body: Buffer): Promise<string> {
  return withFile(body, 'pdf', async (path) => (await run('pdftotext', [path, '-'])).stdout);
}

export function pdfFonts(body: Buffer): Promise<string> {
  return withFile(body, 'pdf', async (path) => (await run('pdffonts', [path])).stdout);
}

/** Validates against the Akoma Ntoso schema; resolves with xmllint's report, rejects if invalid. */
export function validateAkn(body: Buffer): Promise<string> {
  return withFile(body, 'xml', async (path) => {
    const { stderr } = await run('xmllint', ['--noout', '--schema', AKN_SCHEMA, path]);
    return stderr;
  });
}

/** One part of a DOCX package ("word/document.xml"), as text. */
export function docxPart(body: Buffer, part: string): Promise<string> {
  return withFile(body, 'docx', async (path) => (await run('unzip', ['-p', path, part])).stdout);
}

/** Whitespace runs as one space: compares texts whatever a reader's line wrapping. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A word pdftotext found on a page, with its box in points from the top left corner. */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
}

/** Every word of a PDF with its position (`pdftotext -bbox`), in reading order. */
export function pdfWords(body: Buffer): Promise<PdfWord[]> {
  return withFile(body, 'pdf', async (path) => {
    const { stdout } = await run('pdftotext', ['-bbox', path, '-']);
    const words: PdfWord[] = [];
    const pattern =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g;
    for (const match of stdout.matchAll(pattern)) {
      words.push({
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        text: match[4]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
      });
    }
    return words;
  });
}

/** The page size in points, as `pdfinfo` reports it ("612 x 792"). */
export function pdfPageSize(body: Buffer): Promise<string> {
  return withFile(body, 'pdf', async (path) => {
    const { stdout } = await run('pdfinfo', [path]);
    return /Page size:\s+([\d.]+ x [\d.]+)/.exec(stdout)?.[1] ?? '';
  });
}
