import { curlModelQuotes } from './export/quotes';
import { exportLabels } from './export/labels';
import { DEFAULT_TIME_ZONE } from '@accord/shared/time-zone';
import type { DocumentRecord } from '../storage';
import type { DomainContext } from './context';
import { exportFileName } from './document-export';
import { AccordError } from './errors';
import { buildCompilationModel, type ProposalDelegations } from './export/compilation';
import { compilationRows, renderCompilationTable } from './export/compilation-table';
import { renderHtml } from './export/html';
import type { ExportInput, ExportResult } from './export/types';
import { proposalsOf, supportersOf } from './proposals-read';
import { docToContent } from './ydoc';

/**
 * `GET …/export?format=docx|pdf|html&compilation=1` (and `&form=table` for the tabular form: a
 * real Word table, a ruled PDF table or an HTML table): the compilation text of the live document with its open proposals and their
 * delegations (supporters included).
 */
export async function exportCompilation(
  context: DomainContext,
  document: Readonly<DocumentRecord>,
  format: string | undefined,
  form: string | undefined,
): Promise<ExportResult & { fileName: string }> {
  if (format !== 'docx' && format !== 'pdf' && format !== 'html') {
    throw new AccordError(
      'malformed',
      'unknown_format',
      'A compilation is exported as docx, pdf or html.',
      'format',
    );
  }
  if (form !== undefined && form !== 'inline' && form !== 'table') {
    throw new AccordError('malformed', 'unknown_form', 'form must be "inline" or "table".', 'form');
  }
  const { content, delegations } = await context.rooms.read(document.id, (doc) => {
    const body = docToContent(doc);
    const byId: ProposalDelegations = new Map(
      proposalsOf(body, supportersOf(doc)).map((p) => [p.id, p.delegations]),
    );
    return { content: body, delegations: byId };
  });
  const meeting = context.storage.metadata.meeting(document.meetingId);
  const input: ExportInput = {
    content,
    style: document.style,
    language: document.language,
    meeting: {
      title: meeting?.title ?? '',
      sector: meeting?.sector ?? null,
      venue: meeting?.venue ?? null,
      startsOn: meeting?.startsOn ?? null,
      endsOn: meeting?.endsOn ?? null,
      paperSize: meeting?.paperSize ?? 'letter',
      timeZone: meeting?.timeZone ?? DEFAULT_TIME_ZONE,
    },
    document: {
      id: document.id,
      title: document.title,
      symbol: document.symbol,
      createdAt: document.createdAt,
    },
    versionLabel: exportLabels(document.language).compilationOfProposals,
    generatedAt: context.now(),
    tracked: {
      comparison: {
        from: 'agreed',
        to: 'current',
        paragraphs: [],
        changes: [],
        summary: { insertions: 0, deletions: 0, byDelegation: {} },
      },
      fromContent: content,
      fromLabel: exportLabels(document.language).withoutOpenProposals,
    },
  };
  const fileName = exportFileName(`${document.title}-compilation`, format);
  if (form === 'table')
    return { ...(await compilationTable(format, input, delegations)), fileName };
  const model = curlModelQuotes(
    buildCompilationModel(input, delegations, { annotate: format !== 'docx' }),
    input.language,
  );
  switch (format) {
    case 'docx': {
      const body = await (await import('./export/docx')).renderDocx(model, input);
      return {
        body,
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
        fileName,
      };
    }
    case 'pdf': {
      const body = await (await import('./export/pdf')).renderPdf(model, input);
      return { body, contentType: 'application/pdf', extension: 'pdf', fileName };
    }
    case 'html':
      return {
        body: Buffer.from(renderHtml(model, input), 'utf8'),
        contentType: 'text/html; charset=utf-8',
        extension: 'html',
        fileName,
      };
  }
}

/** The tabular compilation (`&form=table`) in one of the three formats. */
async function compilationTable(
  format: 'docx' | 'pdf' | 'html',
  input: ExportInput,
  delegations: ProposalDelegations,
): Promise<ExportResult> {
  switch (format) {
    case 'docx': {
      const { renderCompilationTableDocx } = await import('./export/compilation-table-docx');
      return {
        body: await renderCompilationTableDocx(input, compilationRows(input, delegations)),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      };
    }
    case 'pdf': {
      const { renderCompilationTablePdf } = await import('./export/compilation-table-pdf');
      return {
        body: await renderCompilationTablePdf(input, compilationRows(input, delegations)),
        contentType: 'application/pdf',
        extension: 'pdf',
      };
    }
    case 'html':
      return {
        body: Buffer.from(renderCompilationTable(input, delegations), 'utf8'),
        contentType: 'text/html; charset=utf-8',
        extension: 'html',
      };
  }
}
