import { dispositionFileName, rawApiRequest } from '../api/rawRequest';

/** The formats of `GET /api/documents/:id/export`, Word first (what rapporteurs circulate). */
export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'md', 'txt', 'akn'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats that can carry tracked changes against a version (the others answer 422). */
const TRACKED_FORMATS: ReadonlySet<ExportFormat> = new Set(['docx', 'pdf', 'html', 'md']);

export function canTrackChanges(format: ExportFormat): boolean {
  return TRACKED_FORMATS.has(format);
}

export interface ExportRequest {
  format: ExportFormat;
  /** A version id, or absent for the current text. */
  version?: string;
  /** A version id to show tracked changes against, or absent for a clean text. */
  compare?: string;
}

/** The extension a format's file takes, for a name when the server gives none. */
const EXTENSIONS: Record<ExportFormat, string> = {
  docx: 'docx',
  pdf: 'pdf',
  html: 'html',
  md: 'md',
  txt: 'txt',
  akn: 'xml',
};

/**
 * Asks the server for the export with this tab's token (a plain link could not carry it) and
 * resolves with the file and the name the server gave it in `Content-Disposition`.
 */
export async function fetchExport(
  documentId: string,
  request: ExportRequest,
  signal?: AbortSignal,
): Promise<{ blob: Blob; fileName: string }> {
  const query = new URLSearchParams({ format: request.format });
  if (request.version) query.set('version', request.version);
  if (request.compare) query.set('compare', request.compare);
  const response = await rawApiRequest(
    `/documents/${encodeURIComponent(documentId)}/export?${query.toString()}`,
    signal ? { signal } : {},
  );
  const blob = await response.blob();
  const fileName =
    dispositionFileName(response.headers.get('Content-Disposition')) ??
    `${documentId}.${EXTENSIONS[request.format]}`;
  return { blob, fileName };
}

/**
 * Saves a file the way a download link would, through a Blob URL. The link goes inside
 * `container` (a modal dialog leaves the rest of the page inert); the URL is released a minute
 * later, once the browser has surely read it.
 */
export function saveFile(blob: Blob, fileName: string, container: HTMLElement): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
