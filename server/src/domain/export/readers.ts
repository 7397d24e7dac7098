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
