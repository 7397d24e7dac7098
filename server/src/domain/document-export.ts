import { DEFAULT_TIME_ZONE } from '@accord/shared/time-zone';
import type { DocumentRecord } from '../storage';
import { readContent } from './content';
import type { DomainContext } from './context';
import { AccordError } from './errors';
import {
  EXPORT_FORMATS,
  ExportError,
  exportDraft,
  isExportFormat,
  type ExportResult,
  type TrackedChangesInput,
} from './export';
import { compareVersions } from './history/comparison';
import { findVersion } from './versions';
import { documentThreads } from './comments';

export interface ExportRequest {
  format: string | undefined;
  /** A version id; the live text when absent. */
  version?: string;
  /** A version id: tracked changes from that version to the exported one. */
  compare?: string;
}

/** A file name a browser and Word both accept: the title in ASCII, then the extension. */
export function exportFileName(title: string, extension: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${ascii || 'document'}.${extension}`;
}

/**
 * Renders a document (now, or at a version) in an export format, clean or with tracked
 * changes against an older version, with the meeting's header.
 */
export async function exportDocument(
  context: DomainContext,
  document: Readonly<DocumentRecord>,
  request: ExportRequest,
): Promise<ExportResult & { fileName: string }> {
  if (!isExportFormat(request.format)) {
    throw new AccordError(
      'malformed',
      'unknown_format',
      `Choose an export format: ${EXPORT_FORMATS.join(', ')}.`,
      'format',
    );
  }
  const version = request.version ? findVersion(context, document.id, request.version) : null;
  const content = await readContent(context, document, version?.id);
  let tracked: TrackedChangesInput | undefined;
  if (request.compare) {
    const from = findVersion(context, document.id, request.compare);
    tracked = {
      comparison: await compareVersions(context, document, from.id, version?.id ?? 'current'),
      fromContent: await readContent(context, document, from.id),
      fromLabel: from.label,
    };
  }
  const meeting = context.storage.metadata.meeting(document.meetingId);
  const kind = context.templates.get(document.templateId)?.kind;
  try {
    const result = await exportDraft(request.format, {
      content,
      style: document.style,
      language: document.language,
      ...originalOf(context, document),
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
        status: document.status,
        ...(kind ? { kind } : {}),
      },
      versionLabel: version?.label ?? null,
      generatedAt: context.now(),
      ...(tracked ? { tracked } : {}),
      // Threads live beside the text now; a version's export carries the text alone.
      ...(version ? {} : { comments: await documentThreads(context, document.id) }),
    });
    const suffix = version ? `-${version.label}` : '';
    return { ...result, fileName: exportFileName(`${document.title}${suffix}`, result.extension) };
  } catch (error) {
    if (error instanceof ExportError && error.code === 'tracked_changes_unsupported') {
      throw new AccordError('invalid', error.code, error.message, 'compare');
    }
    throw error;
  }
}

/** A language version prints its original's language: "Original: inglés". */
function originalOf(
  context: DomainContext,
  document: Readonly<DocumentRecord>,
): { originalLanguage?: string } {
  const original = document.translationOf
    ? context.storage.metadata.document(document.translationOf)
    : null;
  return original ? { originalLanguage: original.language } : {};
}
