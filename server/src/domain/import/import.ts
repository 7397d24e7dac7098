import type { DraftStyle, Language, NodeJSON } from '@accord/shared';
import { draftSchema } from '@accord/shared/schema/index';
import { recogniseDraft } from '@accord/shared/structure/index';
import { decodeText } from './decode';
import { ImportError } from './errors';

/**
 * Import of an existing resolution (`POST /api/meetings/:id/documents/import`): plain text,
 * Markdown or a .docx becomes a structured draft in the shared schema. The structure is
 * recognised by the same code as the editor's paste (`@accord/shared/structure`), so a text
 * imports the same way it would paste.
 */

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The content types that can be imported, for the 415 message and the client's file picker. */
export const IMPORT_TYPES = ['text/plain', 'text/markdown', DOCX_TYPE] as const;

/** Text beyond this many characters is refused: a resolution is a few pages, not a book. */
export const MAX_IMPORT_CHARS = 1_000_000;

export interface ImportInput {
  /** The request's Content-Type, parameters included ("text/plain; charset=utf-8"). */
  contentType: string;
  body: Buffer;
  /** A title chosen by the person importing; else the title found in the text. */
  title?: string;
}

export interface ImportedDraft {
  title: string;
  style: DraftStyle;
  /** The language the text is written in, detected from its words (the document's "Original:"). */
  language: Language;
  /** A `doc` node of the draft schema, every paragraph with a fresh id. */
  content: NodeJSON;
  /** What the person importing should check: guesses made, lines dropped, no structure found. */
  warnings: string[];
}

function parseContentType(header: string): { type: string; charset: string | undefined } {
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim());
  const charset = parameters
    .map((parameter) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(parameter)?.[1])
    .find((value) => value !== undefined);
  return { type: type.toLowerCase(), charset };
}

async function readText(
  type: string,
  charset: string | undefined,
  body: Buffer,
): Promise<{ text: string; markdown: boolean; warnings: string[] }> {
  if (type === DOCX_TYPE) {
    // mammoth is loaded on the first .docx import, not at start (see export/index.ts).
    const { docxToText } = await import('./docx');
    return { ...(await docxToText(body)), markdown: true };
  }
  if (type === 'text/plain') return { ...decodeText(body, charset), markdown: false };
  if (type === 'text/markdown' || type === 'text/x-markdown') {
    return { ...decodeText(body, charset), markdown: true };
  }
  throw new ImportError(
    'unsupported_import_type',
    `Files of type "${type || 'unknown'}" cannot be imported; use plain text, Markdown or a .docx file.`,
  );
}

/**
 * Recognises the structure of an uploaded resolution. Throws `ImportError` when there is no
 * text to import; input without recognisable structure still imports, as plain paragraphs,
 * with a warning.
 */
export async function importDraft(input: ImportInput): Promise<ImportedDraft> {
  const { type, charset } = parseContentType(input.contentType);
  if (input.body.length === 0) {
    throw new ImportError('empty_import', 'The uploaded file is empty.');
  }
  const { text, markdown, warnings } = await readText(type, charset, input.body);
  if (text.length > MAX_IMPORT_CHARS) {
    throw new ImportError(
      'import_too_large',
      `The text is longer than ${MAX_IMPORT_CHARS.toLocaleString('en')} characters; import one resolution at a time.`,
    );
  }
  const draft = recogniseDraft(text, { markdown });
  if (draft.blocks.length === 0) {
    throw new ImportError('empty_import', 'The uploaded file contains no text.');
  }
  const content: NodeJSON = { type: 'doc', content: draft.blocks };
  // The recogniser only makes nodes of the schema; checking here turns a bug there into a
  // clear failure instead of a document that clients cannot open.
  draftSchema().nodeFromJSON(content).check();
  const title = input.title?.trim() || draft.title || firstWords(draft.blocks) || 'Imported draft';
  return {
    title,
    style: draft.style,
    language: draft.language,
    content,
    warnings: [...warnings, ...draft.warnings],
  };
}

function firstWords(blocks: readonly NodeJSON[]): string {
  const text = (blocks[0]?.content ?? []).map((node) => node.text ?? '').join('');
  return text.length > 80 ? `${text.slice(0, 80).replace(/\s+\S*$/, '')}…` : text;
}
