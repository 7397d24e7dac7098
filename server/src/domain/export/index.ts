import { draftToText } from '@accord/shared';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { buildCleanModel } from './clean-model';
import { cleanText, type DraftModel } from './model';
import { curlContentQuotes, curlModelQuotes } from './quotes';
import { buildTrackedModel } from './tracked';
import {
  EXPORT_FORMATS,
  ExportError,
  isExportFormat,
  type ExportInput,
  type ExportResult,
} from './types';

export * from './types';

/**
 * Tracked changes per format. DOCX: real Word revisions. HTML: `<ins>`/`<del>`. PDF: the same
 * marks drawn (insertions underlined, deletions struck through, coloured, with a legend).
 * Markdown: CriticMarkup (`{++inserted++}`, `{--deleted--}`, each followed by
 * `{>>Delegation<<}`), a plain-text convention that editors such as MultiMarkdown render.
 * txt and Akoma Ntoso: refused with `tracked_changes_unsupported`; the txt format is fixed by the
 * contract (the reader's view of one version) and Akoma Ntoso has no simple revision markup
 * for a whole draft (its `passiveModifications` describe amendments of a law, not a draft).
 */
const TRACKED_FORMATS = new Set(['docx', 'html', 'pdf', 'md']);

const CONTENT_TYPES: Record<(typeof EXPORT_FORMATS)[number], [string, string]> = {
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  pdf: ['application/pdf', 'pdf'],
  html: ['text/html; charset=utf-8', 'html'],
  md: ['text/markdown; charset=utf-8', 'md'],
  txt: ['text/plain; charset=utf-8', 'txt'],
  akn: ['application/akn+xml; charset=utf-8', 'xml'],
};

/** The input with the document's and meeting's own strings made printable (see `cleanText`). */
function cleanInput(input: ExportInput): ExportInput {
  const clean = <T extends string | null | undefined>(value: T): T =>
    (typeof value === 'string' ? cleanText(value) : value) as T;
  return {
    ...input,
    language: cleanText(input.language),
    versionLabel: clean(input.versionLabel),
    meeting: {
      ...input.meeting,
      title: cleanText(input.meeting.title),
      sector: clean(input.meeting.sector),
      venue: clean(input.meeting.venue),
    },
    document: {
      ...input.document,
      title: cleanText(input.document.title),
      symbol: clean(input.document.symbol),
    },
    tracked: input.tracked && { ...input.tracked, fromLabel: cleanText(input.tracked.fromLabel) },
  };
}

function modelOf(input: ExportInput): DraftModel {
  const model = input.tracked
    ? buildTrackedModel(input.content, input.style, input.tracked, input.language)
    : buildCleanModel(input.content, input.style);
  return curlModelQuotes(model, input.language);
}

/**
 * Renders a draft in one format. Pure: reads only `input`, writes nothing. Throws `ExportError`
 * with code `unknown_format` for a format outside `EXPORT_FORMATS`, and
 * `tracked_changes_unsupported` for `input.tracked` with txt or akn.
 */
export async function exportDraft(format: string, input: ExportInput): Promise<ExportResult> {
  if (!isExportFormat(format)) {
    throw new ExportError(
      'unknown_format',
      `Unknown export format "${format}"; use one of ${EXPORT_FORMATS.join(', ')}.`,
    );
  }
  if (input.tracked && !TRACKED_FORMATS.has(format)) {
    throw new ExportError(
      'tracked_changes_unsupported',
      `Tracked changes cannot be exported as ${format}; use docx, html, pdf or md.`,
    );
  }
  const [contentType, extension] = CONTENT_TYPES[format];
  const body = await render(format, cleanInput(input));
  return { body, contentType, extension };
}

/*
 * The Word, PDF and Akoma Ntoso writers (docx, pdfmake with its fonts, xmlbuilder2) are loaded on
 * the first export that needs them, not at start: together they are about half of the server's
 * heap, and the relay, which runs all meeting long, should not carry them through every garbage
 * collection for an export made a few times a day.
 */
async function render(
  format: (typeof EXPORT_FORMATS)[number],
  input: ExportInput,
): Promise<Buffer> {
  switch (format) {
    case 'txt':
      return Buffer.from(
        draftToText(curlContentQuotes(input.content, input.language), input.style),
        'utf8',
      );
    case 'docx':
      return (await import('./docx')).renderDocx(modelOf(input), input);
    case 'pdf':
      return (await import('./pdf')).renderPdf(modelOf(input), input);
    case 'html':
      return Buffer.from(renderHtml(modelOf(input), input), 'utf8');
    case 'md':
      return Buffer.from(renderMarkdown(modelOf(input), input), 'utf8');
    case 'akn':
      return Buffer.from(
        (await import('./akn')).renderAkn(
          curlModelQuotes(buildCleanModel(input.content, input.style), input.language),
          input,
        ),
        'utf8',
      );
  }
}
